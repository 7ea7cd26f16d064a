import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffWithKeys, type StaffFixture } from '../support/factories.js';
import { PUBLIC_URL } from '../support/test-app.js';
import { signIn, startWebApp, webAgent, webMerchant, type Lang, type WebApp } from '../support/web-app.js';

/** Runs in the agent's page before the app: keeps its sockets, so the test can drop them. */
function recordSockets() {
  const w = window as any;
  w.__sockets = [];
  const Native = window.WebSocket;
  w.WebSocket = function (url: string, protocols?: string | string[]) {
    const s = new Native(url, protocols);
    w.__sockets.push(s);
    return s;
  };
  w.WebSocket.prototype = Native.prototype;
  Object.assign(w.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
}

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const words = {
  en: { reconnecting: 'Connection lost, reconnecting…', connected: 'Connected', status: 'My status', accept: 'Accept', reply: 'Reply', picture: 'Send a picture', note: 'Note for colleagues (the contact does not see it)', addNote: 'Add note', close: 'Close conversation', closed: 'This conversation is closed', position: 'No. 1' },
  zh: { reconnecting: '连接已断开，正在重连…', connected: '已连接', status: '我的状态', accept: '接入', reply: '回复', picture: '发送图片', note: '给同事的备注（访客看不到）', addNote: '添加备注', close: '结束会话', closed: '会话已结束', position: '第 1 位' },
} satisfies Record<Lang, Record<string, string>>;

describe('the agent workspace in Chromium: queue, accept, canned reply, a dropped connection, close and the contact’s rating', () => {
  let w: WebApp;
  let staff: StaffFixture;
  let merchantToken: string;
  const CANNED = 'Thanks for waiting — I am here to help.';

  beforeAll(async () => {
    w = await startWebApp();
    const merchant = await webMerchant(w.t);
    merchantToken = merchant.token;
    // No avatar: the chat page would otherwise show one from another origin.
    staff = await createStaffWithKeys(w.t, merchant.token, { name: '小店助手', avatar_url: '' });
    const canned = await w.t.gql('mutation($i: CannedReplyCreateInput!) { createCannedReply(input: $i) { id } }', { i: { title: 'Welcome', shortcut: '/thanks', content: CANNED } }, merchant.token);
    expect(canned.errors).toBeUndefined();
    expect((await w.t.gql('mutation { createLabel(input: { name: "VIP", colour: "#d92d20" }) { id } }', {}, merchant.token)).errors).toBeUndefined();
  });
  afterAll(async () => {
    await w?.close();
  });

  const sessionsOf = async () => (await w.t.gql('{ sessions { items { id status csatScore labels { name } notes { content } } } }', {}, merchantToken)).data.sessions.items;

  for (const lang of ['en', 'zh'] as const) {
    it(`works a conversation from the queue to the rating (${lang})`, async () => {
      const say = words[lang];
      const agent = await webAgent(w.t, merchantToken, [staff.id], { name: lang === 'zh' ? '小王' : 'Wang' });
      // Routed by hand: the agent takes it from the queue.
      expect((await w.t.gql('mutation { setAutoAccept(on: false) { autoAccept } }', {}, agent.token)).errors).toBeUndefined();

      const desk = await w.open(lang);
      await desk.context.addInitScript(recordSockets);
      await signIn(desk, w.url, 'agent', agent.userName, agent.plain);
      const { page } = desk;
      await page.getByRole('combobox', { name: say.status }).selectOption('ONLINE');
      await expect.poll(() => page.getByRole('status').filter({ hasText: say.connected }).count()).toBe(1);
      await desk.shot('agent-workspace');

      // A contact on the chat page asks for a person: it shows in the queue, with its place and wait, and in the title.
      // The chat page shows a stored picture at its PUBLIC_URL address, which here is not the test server's.
      const chat = await w.open(lang, { viewport: { width: 390, height: 780 }, tolerate: (url) => url.startsWith(`${PUBLIC_URL}/assets/files/`) });
      await chat.page.goto(`${w.url}/chat/${staff.serialNo}`);
      await expect.poll(() => chat.page.getAttribute('#status', 'data-state')).toBe('online');
      await chat.page.fill('#input', '转人工');
      await chat.page.press('#input', 'Enter');
      const item = page.locator('.queue-item');
      await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
      expect(await item.locator('.queue-position').textContent()).toBe(say.position);
      await expect.poll(() => page.title()).toMatch(/^\(1\) /);
      await desk.shot('agent-queue');

      await item.getByRole('button', { name: new RegExp(say.accept) }).click();
      await page.waitForURL(/\/agent\/sessions\/\d+$/);
      const sessionId = Number(new URL(page.url()).pathname.split('/').pop());
      await expect.poll(() => page.locator('.timeline .message.from-contact').filter({ hasText: '转人工' }).count()).toBe(1);
      await expect.poll(() => chat.page.locator('#messages .row.system .bubble').last().textContent()).toContain(lang === 'zh' ? '小王' : 'Wang');

      // A canned reply by its shortcut: typing "/tha" offers it, "/thanks" + Enter sends it; the contact sees it.
      const reply = page.getByRole('textbox', { name: say.reply });
      await reply.fill('/tha');
      // The canned replies load with the conversation; the offer shows once they are in.
      await expect.poll(() => page.getByRole('button', { name: /\/thanks/ }).count()).toBe(1);
      await reply.fill('/thanks');
      await reply.press('Enter');
      await expect.poll(() => page.locator('.timeline .message.from-agent').filter({ hasText: CANNED }).count()).toBe(1);
      expect(await reply.inputValue()).toBe('');
      await expect.poll(() => chat.page.locator('#messages .row.agent .bubble').last().textContent()).toBe(CANNED);

      // A picture, uploaded over GraphQL (multipart) and sent: shown from this origin, and on the chat page.
      await page.getByLabel(say.picture).setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
      await expect.poll(() => page.locator('.timeline img.message-picture').count()).toBe(1);
      await expect.poll(() => page.locator('.timeline img.message-picture').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
      await expect.poll(() => chat.page.locator('#messages .row.agent img').count()).toBe(1);

      // An internal note and a label.
      await page.getByRole('textbox', { name: say.note }).fill('Order 1234, asked twice');
      await page.getByRole('button', { name: say.addNote }).click();
      await expect.poll(() => page.locator('.timeline .message.note').filter({ hasText: 'Order 1234' }).count()).toBe(1);
      await page.getByRole('checkbox', { name: 'VIP' }).check();
      await expect.poll(async () => (await sessionsOf()).find((s: any) => s.id === sessionId)?.labels).toEqual([{ name: 'VIP' }]);
      await desk.shot('agent-conversation');

      // The network drops: "reconnecting" shows; what the contact says meanwhile arrives once it is back, once.
      await desk.context.setOffline(true);
      await page.evaluate(() => (window as any).__sockets.forEach((s: WebSocket) => s.close(1000)));
      await expect.poll(() => page.getByRole('status').filter({ hasText: say.reconnecting }).count()).toBe(1);
      await desk.shot('agent-reconnecting');
      await chat.page.fill('#input', 'are you still there?');
      await chat.page.press('#input', 'Enter');
      const stored = async () => (await w.t.gql('query($id: Int!) { messages(sessionId: $id) { seq content } }', { id: sessionId }, merchantToken)).data.messages as { seq: number; content: string }[];
      await expect.poll(async () => (await stored()).some((m) => m.content === 'are you still there?')).toBe(true);
      // Meanwhile another contact joins the queue: the session stream resumes from its last event and shows it.
      const other = await w.open(lang, { viewport: { width: 390, height: 780 } });
      await other.page.goto(`${w.url}/chat/${staff.serialNo}`);
      await expect.poll(() => other.page.getAttribute('#status', 'data-state')).toBe('online');
      await other.page.fill('#input', '转人工');
      await other.page.press('#input', 'Enter');
      await expect.poll(async () => (await w.t.gql('{ sessions(filter: { status: PENDING }) { total } }', {}, merchantToken)).data.sessions.total).toBe(1);
      expect(await page.locator('.queue-item').count()).toBe(0);
      await desk.context.setOffline(false);
      await expect.poll(() => page.getByRole('status').filter({ hasText: say.connected }).count(), { timeout: 20_000 }).toBe(1);
      await expect.poll(() => page.locator('.timeline .message.from-contact').filter({ hasText: 'are you still there?' }).count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.locator('.queue-item').count(), { timeout: 10_000 }).toBe(1);
      // Each stored message once, in order: nothing repeated by the replay after the reconnect.
      const shownSeqs = await page.locator('.timeline .message[data-seq]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));
      expect(shownSeqs).toEqual((await stored()).map((m) => m.seq));
      expect(await page.locator('.timeline .message.from-agent').filter({ hasText: CANNED }).count()).toBe(1);
      const otherId = Number(await page.locator('.queue-item').getAttribute('data-session-id'));
      expect((await w.t.gql('mutation($id: Int!) { closeSession(sessionId: $id) { status } }', { id: otherId }, merchantToken)).errors).toBeUndefined();
      await expect.poll(() => page.locator('.queue-item').count()).toBe(0);
      await other.close();

      // Closed: the contact rates it.
      await page.getByRole('button', { name: say.close }).click();
      await expect.poll(() => page.locator('.closed-banner').textContent()).toContain(say.closed);
      await expect.poll(() => chat.page.locator('#csat').count()).toBe(1);
      await chat.page.locator('#csat .star').nth(4).click();
      await chat.page.locator('#csat-submit').click();
      await expect.poll(async () => (await sessionsOf()).find((s: any) => s.id === sessionId)).toMatchObject({ status: 'CLOSED', csatScore: 5, notes: [{ content: 'Order 1234, asked twice' }] });
      await expect.poll(() => page.locator('.queue-item').count()).toBe(0);

      await chat.close();
      await desk.close();
    });
  }
});

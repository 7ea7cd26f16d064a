import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createStaffWithKeys, type StaffFixture } from '../support/factories.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { PUBLIC_URL } from '../support/test-app.js';
import { signIn, startWebApp, webAgent, webMerchant, type Lang, type WebApp, type WebPage } from '../support/web-app.js';

const POLICY = `# Weekdays

The shop is open from 9 am to 6 pm on weekdays.

# Saturdays

On Saturdays the shop is open from 10 am to 4 pm.
`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const words = {
  en: {
    status: 'My status', connected: 'Connected', accept: 'Accept', reply: 'Reply', file: 'Send a file', download: 'Download invoice.pdf', summary: 'Handoff summary',
    suggest: 'Suggest a reply', suggested: 'Suggested reply', use: 'Use this reply', noAnswer: 'The knowledge base has no answer for this', note: 'Note for colleagues (the contact does not see it)', addNote: 'Add note',
    transferTo: 'Transfer to', queue: 'Back to the queue', transfer: 'Transfer', open: 'Open the conversation with', mineEmpty: 'No open conversations', close: 'Close conversation',
    closed: 'This conversation is closed', earlier: 'Earlier conversations', closedStatus: 'Closed', colleague: (name: string) => `${name} (Online)`,
  },
  zh: {
    status: '我的状态', connected: '已连接', accept: '接入', reply: '回复', file: '发送文件', download: '下载 invoice.pdf', summary: '转人工摘要',
    suggest: '推荐回复', suggested: '推荐的回复', use: '使用此回复', noAnswer: '知识库中没有相关答案', note: '给同事的备注（访客看不到）', addNote: '添加备注',
    transferTo: '转接给', queue: '退回排队', transfer: '转接', open: '打开与', mineEmpty: '暂无进行中的会话', close: '结束会话',
    closed: '会话已结束', earlier: '历史会话', closedStatus: '已结束', colleague: (name: string) => `${name}（在线）`,
  },
} satisfies Record<Lang, Record<string, string | ((name: string) => string)>>;

describe('two agents in Chromium: handoff summary, suggested reply, a file, a note, transfer to a colleague and back to the queue', () => {
  let w: WebApp;
  let staff: StaffFixture;
  let merchantToken: string;

  beforeAll(async () => {
    w = await startWebApp();
    const merchant = await webMerchant(w.t);
    merchantToken = merchant.token;
    staff = await createStaffWithKeys(w.t, merchant.token, { name: 'Shop helper', avatar_url: '', language_response: 'English' });
    await addDocument(w.t, merchant.token, staff.id, 'opening-hours.md', POLICY);
    await w.t.rest('/api/v1/customer/sync/doc', { staff_id: staff.id }, merchant.token);
    expect((await waitForSync(w.t, merchant.token, staff.id)).map((d) => d.sync_state)).toEqual(['ready']);
    // An agent of another staff of the same merchant: never offered as a colleague to transfer to.
    await webAgent(w.t, merchant.token, [await createStaff(w.t, merchant.token, { name: 'Other desk' })], { name: 'Otto' });
    const asked = await w.t.gql('query($id: Int!) { askStaff(staffId: $id, question: "When is the shop open on Saturdays?") { text grounded } }', { id: staff.id }, merchant.token);
    expect(asked.data.askStaff).toMatchObject({ grounded: true, text: expect.stringContaining('10 am') });
  }, 90_000);
  afterAll(async () => {
    await w?.close();
  });

  /** An agent signed in to its workspace, online, taking conversations by hand. */
  async function desk(lang: Lang, name: string): Promise<WebPage> {
    const agent = await webAgent(w.t, merchantToken, [staff.id], { name });
    expect((await w.t.gql('mutation { setAutoAccept(on: false) { autoAccept } }', {}, agent.token)).errors).toBeUndefined();
    const web = await w.open(lang);
    await signIn(web, w.url, 'agent', agent.userName, agent.plain);
    await web.page.getByRole('combobox', { name: words[lang].status }).selectOption('ONLINE');
    await expect.poll(() => web.page.getByRole('status').filter({ hasText: words[lang].connected }).count()).toBe(1);
    return web;
  }

  for (const lang of ['en', 'zh'] as const) {
    it(`hands a conversation from one agent to another and back to the queue (${lang})`, { timeout: 90_000 }, async () => {
      const say = words[lang];
      const [first, colleagueName] = lang === 'zh' ? ['小李', '小张'] : ['Lee', 'Zhang'];
      const a = await desk(lang, first);
      const b = await desk(lang, colleagueName);

      // The contact asks the AI first, then for a person.
      const chat = await w.open(lang, { viewport: { width: 390, height: 780 }, tolerate: (url) => url.startsWith(`${PUBLIC_URL}/assets/files/`) });
      await chat.page.goto(`${w.url}/chat/${staff.serialNo}`);
      await expect.poll(() => chat.page.getAttribute('#status', 'data-state')).toBe('online');
      await chat.page.fill('#input', 'When is the shop open on weekdays?');
      await chat.page.press('#input', 'Enter');
      await expect.poll(() => chat.page.locator('#messages .row.ai .bubble').last().textContent(), { timeout: 15_000 }).toContain('9 am');
      await chat.page.fill('#input', '转人工');
      await chat.page.press('#input', 'Enter');

      // The first agent accepts: the handoff summary names what the contact asked the AI.
      const queued = a.page.locator('.queue-item');
      await expect.poll(() => queued.count(), { timeout: 15_000 }).toBe(1);
      await queued.getByRole('button', { name: new RegExp(say.accept) }).click();
      await a.page.waitForURL(/\/agent\/sessions\/\d+$/);
      const sessionId = Number(new URL(a.page.url()).pathname.split('/').pop());
      const summary = a.page.getByRole('region', { name: say.summary });
      await expect.poll(() => summary.textContent()).toContain('When is the shop open on weekdays?');

      // Nothing in the knowledge base answers "a person, please": no reply is offered to send.
      await a.page.getByRole('button', { name: say.suggest }).click();
      const suggestion = a.page.getByRole('region', { name: say.suggested });
      await expect.poll(() => suggestion.textContent(), { timeout: 15_000 }).toBe(say.noAnswer);
      expect(await suggestion.getByRole('button').count()).toBe(0);

      // The agent greets; the contact's next question gets a suggested reply from the knowledge base, used and sent.
      const reply = a.page.getByRole('textbox', { name: say.reply });
      await reply.fill('Hello, how can I help?');
      await reply.press('Enter');
      await expect.poll(() => chat.page.locator('#messages .row.agent .bubble').last().textContent()).toBe('Hello, how can I help?');
      await chat.page.fill('#input', 'When is the shop open on Saturdays?');
      await chat.page.press('#input', 'Enter');
      await expect.poll(() => a.page.locator('.timeline .message.from-contact').filter({ hasText: 'When is the shop open on Saturdays?' }).count()).toBe(1);
      await a.page.getByRole('button', { name: say.suggest }).click();
      await expect.poll(() => suggestion.textContent(), { timeout: 15_000 }).toContain('10 am');
      await suggestion.getByRole('button', { name: say.use }).click();
      expect(await reply.inputValue()).toContain('10 am');
      await reply.press('Enter');
      await expect.poll(() => chat.page.locator('#messages .row.agent .bubble').last().textContent()).toContain('10 am');
      expect(await reply.inputValue()).toBe('');

      // A file: a download link in the workspace, a link named by the file on the chat page.
      await a.page.getByLabel(say.file).setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF });
      await expect.poll(() => a.page.getByRole('link', { name: say.download }).count()).toBe(1);
      expect(await a.page.getByRole('link', { name: say.download }).getAttribute('href')).toMatch(/^\/assets\/files\/.+\.pdf$/);
      await expect.poll(() => chat.page.locator('#messages .row.agent a').last().textContent()).toBe('invoice.pdf');
      await a.page.getByRole('textbox', { name: say.note }).fill('Asked about Saturdays, sent the invoice');
      await a.page.getByRole('button', { name: say.addNote }).click();
      await expect.poll(() => a.page.locator('.timeline .message.note').count()).toBe(1);
      await a.shot('agent-assist');

      // To the named colleague: it leaves the first agent's list and arrives in the colleague's, history and note with it.
      // The colleague is offered with its status; an agent of another staff is not offered.
      const offered = await a.page.getByRole('combobox', { name: say.transferTo }).locator('option').allTextContents();
      expect(offered[0]).toBe(say.queue);
      expect(offered).toContain(say.colleague(colleagueName));
      expect(offered.filter((o) => o.startsWith('Otto'))).toEqual([]);
      await a.page.getByRole('combobox', { name: say.transferTo }).selectOption({ label: say.colleague(colleagueName) });
      await a.page.getByRole('button', { name: say.transfer, exact: true }).click();
      await a.page.waitForURL((u) => u.pathname === '/agent');
      await expect.poll(() => a.page.getByText(say.mineEmpty).count()).toBe(1);
      const arrived = b.page.getByRole('link', { name: new RegExp(say.open) });
      await expect.poll(() => arrived.count(), { timeout: 10_000 }).toBe(1);
      await b.shot('agent-transferred');
      await arrived.click();
      await b.page.waitForURL(new RegExp(`/agent/sessions/${sessionId}$`));
      await expect.poll(() => b.page.getByRole('link', { name: say.download }).count()).toBe(1);
      await expect.poll(() => b.page.locator('.timeline .message.note').filter({ hasText: 'Asked about Saturdays' }).count()).toBe(1);
      await expect.poll(() => b.page.locator('.timeline .message.from-agent').filter({ hasText: '10 am' }).count()).toBe(1);
      // Opened at its newest: the history is scrolled to the end.
      await expect.poll(() => b.page.locator('.timeline').evaluate((el) => Math.ceil(el.scrollTop + el.clientHeight) >= el.scrollHeight - 2)).toBe(true);
      await expect.poll(() => chat.page.locator('#messages .row.system .bubble').last().textContent()).toContain(colleagueName);
      const owner = async () => (await w.t.gql('query($id: Int!) { session(id: $id) { status agent { name } } }', { id: sessionId }, merchantToken)).data.session;
      expect(await owner()).toEqual({ status: 'MANUAL', agent: { name: colleagueName } });
      await b.shot('agent-colleague-conversation');

      // The colleague sends it back to the queue: the first agent sees it waiting and takes it again.
      await b.page.getByRole('combobox', { name: say.transferTo }).selectOption({ label: say.queue });
      await b.page.getByRole('button', { name: say.transfer, exact: true }).click();
      await b.page.waitForURL((u) => u.pathname === '/agent');
      await expect.poll(() => queued.count(), { timeout: 10_000 }).toBe(1);
      expect(await owner()).toEqual({ status: 'PENDING', agent: null });
      await queued.getByRole('button', { name: new RegExp(say.accept) }).click();
      await a.page.waitForURL(new RegExp(`/agent/sessions/${sessionId}$`));
      await a.page.getByRole('button', { name: say.close }).click();
      await expect.poll(() => a.page.locator('.closed-banner').textContent()).toContain(say.closed);
      expect(await owner()).toEqual({ status: 'CLOSED', agent: { name: first } });

      // The contact comes back: the new conversation lists the closed one among the earlier ones, and opens it.
      await chat.page.fill('#input', '转人工');
      await chat.page.press('#input', 'Enter');
      await expect.poll(() => queued.count(), { timeout: 15_000 }).toBe(1);
      await queued.getByRole('button', { name: new RegExp(say.accept) }).click();
      await a.page.waitForURL((u) => /\/agent\/sessions\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${sessionId}`));
      const earlier = a.page.getByRole('region', { name: say.earlier }).getByRole('link');
      await expect.poll(() => earlier.count()).toBe(1);
      expect(await earlier.textContent()).toContain(say.closedStatus);
      const again = Number(new URL(a.page.url()).pathname.split('/').pop());
      await earlier.click();
      await a.page.waitForURL(new RegExp(`/agent/sessions/${sessionId}$`));
      await expect.poll(() => a.page.getByRole('link', { name: say.download }).count()).toBe(1);
      expect((await w.t.gql('mutation($id: Int!) { closeSession(sessionId: $id) { status } }', { id: again }, merchantToken)).errors).toBeUndefined();

      await chat.close();
      await a.close();
      await b.close();
    });
  }
});

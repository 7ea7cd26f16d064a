import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient } from '../support/ws-clients.js';

/** Found, or installed when missing, by global-setup (CHROMIUM_PATH, /usr/bin/chromium, or `chromium` on PATH). */
const CHROMIUM = inject('chromiumPath');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Only the test server is reachable: the staff's external avatar fails at once instead of waiting on DNS.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

const HOURS_DOC = `# 营业时间

我们的门店营业时间是每天上午9点到晚上9点。节假日照常营业，春节期间营业时间另行通知。营业时间内可以到店自提订单。
`;

/** Runs in the page before its own script: keeps every socket the page opens and every frame it receives. */
function recordSockets() {
  const w = window as any;
  w.__sockets = [];
  w.__frames = [];
  const Native = window.WebSocket;
  w.WebSocket = function (url: string, protocols?: string | string[]) {
    const s = new Native(url, protocols);
    w.__sockets.push(s);
    s.addEventListener('message', (e: MessageEvent) => w.__frames.push(e.data));
    return s;
  };
  w.WebSocket.prototype = Native.prototype;
  Object.assign(w.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
}

describe('the chat page at chat_url, in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  let shots: string;
  const NAME = 'Shop <b>bot</b>';
  const GREETING = '您好，我是小店助手 <script>window.__xss = 1</script>，有什么可以帮您？';

  beforeAll(async () => {
    shots = await mkdtemp(path.join(os.tmpdir(), 'chat-page-shots-'));
    [t, browser] = await Promise.all([startTestApp(), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })]);
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token, { name: NAME, greetings: GREETING });
    await addDocument(t, merchant.token, staff.id, 'hours.md', HOURS_DOC);
    await t.rest('/api/v1/customer/sync/doc', { staff_id: staff.id }, merchant.token);
    await waitForSync(t, merchant.token, staff.id);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (shots) await rm(shots, { recursive: true, force: true });
  });

  const theirBubbles = (page: Page) => page.locator('#messages .row.them:not(.greeting):not(.typing) .bubble');

  it('answers 404 with a page for an unknown serial number', async () => {
    const res = await fetch(`${t.url}/chat/no-such-staff`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('This chat is not available');
  });

  it('serves the page without the keys and with a strict policy', async () => {
    const res = await fetch(`${t.url}/chat/${staff.serialNo}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain(staff.secretKey);
    expect(html).not.toContain(staff.apiKey);
    expect(html).not.toContain('<b>bot</b>');
    expect(html).toContain('<img id="avatar-img" src="https://www.pic.com/avatar001.jpg"');
    expect(html).not.toContain('<script>window.__xss');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\/(?!www\.pic\.com)/); // nothing from a CDN
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+'/);
  });

  it('talks to the AI, hands over to a person, shows the agent, and survives a dropped socket', async () => {
    const agent = await createAgent(t, merchant.token, [staff.id], { name: '小王' });
    const kf = await FrameClient.open(`${t.url.replace('http', 'ws')}/ws/kf`);
    kf.send({ method: 'login', token: agent.token });
    expect(await kf.nextJson({ method: 'login' })).toMatchObject({ code: 0 });
    kf.send({ method: 'set_auto_connect_status', status: 1 });
    expect(await kf.nextJson({ method: 'set_auto_connect_status' })).toMatchObject({ code: 0 });

    const context = await browser.newContext({ viewport: { width: 390, height: 780 }, deviceScaleFactor: 1 });
    await context.addInitScript(recordSockets);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/avatar001|ERR_NAME_NOT_RESOLVED/.test(m.text()) && pageErrors.push(m.text()));
    await page.goto(`${t.url}/chat/${staff.serialNo}`);

    // The staff's name, avatar (its initial, as the image cannot load here) and greeting, as text.
    await expect.poll(() => page.textContent('#staff-name')).toBe(NAME);
    expect(await page.textContent('.greeting .bubble')).toBe(GREETING);
    expect(await page.locator('header .avatar').textContent()).toBe('S');
    await expect.poll(() => page.locator('#avatar-img').count()).toBe(0);
    expect(await page.locator('.greeting').isVisible()).toBe(true);
    await expect.poll(() => page.getAttribute('#status', 'data-state')).toBe('online');
    const contactId = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('cs-chat-contact:'))?.[1]);
    expect(contactId).toMatch(/^page-[0-9a-f]{32}$/);

    // A question the document answers: the answer is streamed into one bubble, frame by frame.
    await page.evaluate(() => {
      const w = window as any;
      w.__lengths = [];
      new MutationObserver(() => {
        const b = document.querySelector('#messages .row.them.streaming .bubble');
        if (b) w.__lengths.push(b.textContent!.length);
      }).observe(document.getElementById('messages')!, { subtree: true, childList: true, characterData: true });
    });
    await page.fill('#input', '你们的营业时间是什么？');
    await page.press('#input', 'Enter');
    expect(await page.locator('#messages .row.me .bubble').last().textContent()).toBe('你们的营业时间是什么？');
    await expect.poll(() => page.locator('#messages .row.them.streaming').count()).toBe(0);
    await expect.poll(() => theirBubbles(page).count()).toBe(1);
    const answer = (await theirBubbles(page).first().textContent())!;
    expect(answer).toContain('9点');
    // The answer's text frames (the page resumes, so it also gets each stored message's id as a JSON frame).
    const textFrames = (await page.evaluate(() => (window as any).__frames as string[])).filter((f) => f !== '|=EOF=|' && !f.startsWith('|=JSON=|'));
    expect(textFrames.length).toBeGreaterThan(1);
    expect(textFrames.join('').trim()).toBe(answer);
    const lengths: number[] = await page.evaluate(() => (window as any).__lengths);
    expect(new Set(lengths).size, `bubble grew ${JSON.stringify(lengths)}`).toBeGreaterThan(1);

    // Asking for a person: the auto-accept agent gets the contact, the page says so.
    await page.fill('#input', '转人工');
    await page.click('#send');
    expect(await kf.nextJson({ method: 'connect_list_push' })).toMatchObject({ code: 0, userid: contactId, user_query: [{ value: { text: '转人工' } }] });
    await expect.poll(() => theirBubbles(page).allTextContents()).toEqual([answer, '人工客服 小王 为您服务。']);

    // The agent's replies arrive as their own bubbles, as text (markup is shown, never run).
    const say = async (text: string) => {
      kf.send({ method: 'send_to_user', userid: contactId, message: [{ type: 'text', value: { text } }] });
      expect(await kf.nextJson({ method: 'send_to_user' })).toMatchObject({ code: 0, data: { success: 1 } });
    };
    await say('您好，我是小王，请问有什么可以帮您？');
    const evil = '<img src=x onerror="window.__xss=2">请看';
    await say(evil);
    await expect.poll(() => theirBubbles(page).allTextContents()).toEqual([answer, '人工客服 小王 为您服务。', '您好，我是小王，请问有什么可以帮您？', evil]);
    expect(await page.locator('#messages .bubble img').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();

    // The socket drops: the page reconnects as the same contact and still gets the agent's replies.
    await page.evaluate(() => (window as any).__sockets.at(-1).close());
    await expect.poll(() => page.getAttribute('#status', 'data-state')).toBe('offline');
    await expect.poll(() => page.getAttribute('#status', 'data-state')).toBe('online');
    const urls: string[] = await page.evaluate(() => (window as any).__sockets.map((s: WebSocket) => s.url));
    expect(urls).toHaveLength(2);
    expect(urls.every((u) => u.includes(`/chat/${staff.serialNo}/ws?contact_id=${contactId}&after_msg_id=`))).toBe(true);
    // The reconnect asks only for what came after the last message the page has.
    expect(urls[0]).toMatch(/after_msg_id=0$/);
    expect(Number(urls[1]!.split('after_msg_id=')[1])).toBeGreaterThan(0);
    await say('还在吗？我已经帮您查好了。');
    await expect.poll(() => theirBubbles(page).last().textContent()).toBe('还在吗？我已经帮您查好了。');

    // The contact writes to the agent; the AI stays silent.
    await page.fill('#input', '好的，谢谢');
    await page.press('#input', 'Enter');
    expect(await kf.nextJson({ method: 'connect_list_push' })).toMatchObject({ userid: contactId, user_query: [{ value: { text: '好的，谢谢' } }] });
    await expect.poll(() => page.locator('#messages .typing').isHidden()).toBe(true);
    expect(await theirBubbles(page).count()).toBe(5);

    // Fits a phone's width, and looks like a chat.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const shot = path.join(shots, 'chat-page.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await stat(shot)).size).toBeGreaterThan(5_000);
    if (process.env.CHAT_PAGE_SHOT) await page.screenshot({ path: process.env.CHAT_PAGE_SHOT });

    // A reload keeps the contact.
    await page.reload();
    await expect.poll(() => page.getAttribute('#status', 'data-state')).toBe('online');
    expect(await page.evaluate(() => (window as any).__sockets[0].url)).toContain(`contact_id=${contactId}`);

    // Away (the tab went elsewhere), the agent answers; back, the page shows the whole conversation with it.
    await page.goto('about:blank');
    await say('您离开时我回复了：地址已改好。');
    await page.goto(`${t.url}/chat/${staff.serialNo}`);
    await expect.poll(() => page.getAttribute('#status', 'data-state')).toBe('online');
    await expect.poll(() => theirBubbles(page).last().textContent()).toBe('您离开时我回复了：地址已改好。');
    expect(await page.locator('#messages .row.me .bubble').allTextContents()).toEqual(['你们的营业时间是什么？', '转人工', '好的，谢谢']);
    expect(await theirBubbles(page).allTextContents()).toEqual([
      expect.stringContaining('9点'),
      '您好，我是小王，请问有什么可以帮您？',
      evil,
      '还在吗？我已经帮您查好了。',
      '您离开时我回复了：地址已改好。',
    ]);
    expect(await page.locator('#messages img').count()).toBe(0);

    expect(pageErrors).toEqual([]);
    kf.close();
    await context.close();
  });

  it("sends the contact's picture to the agents, and shows the agent's picture as an image", async () => {
    const pictureStaff = await createStaffWithKeys(t, merchant.token, { name: 'Pictures' });
    const agent = await createAgent(t, merchant.token, [pictureStaff.id], { name: 'Ann' });
    const page = await browser.newPage();
    await page.goto(`${t.url}/chat/${pictureStaff.serialNo}`);
    await expect.poll(() => page.getAttribute('#status', 'data-state')).toBe('online');
    expect(await page.getByLabel('发送图片').count()).toBe(1);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await page.setInputFiles('#picture', { name: 'receipt.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => page.locator('#messages .row.me img.picture').count()).toBe(1);

    // The agents see it as a picture with its stored URL, on GraphQL and the session REST history.
    const sessionsOf = async () => (await t.gql('{ sessions { items { id staffId } } }', {}, merchant.token)).data.sessions.items.filter((x: any) => x.staffId === pictureStaff.id);
    await expect.poll(async () => (await sessionsOf()).length).toBe(1);
    const [{ id: sessionId }] = await sessionsOf();
    const messagesOf = async () => (await t.gql('query($id: Int!) { messages(sessionId: $id) { senderType msgType content media { url mimeType size name } } }', { id: sessionId }, merchant.token)).data.messages;
    await expect.poll(async () => (await messagesOf()).length).toBe(1);
    const [picture] = await messagesOf();
    expect(picture).toMatchObject({ senderType: 'CONTACT', msgType: 'PICTURE', content: '', media: { mimeType: 'image/png', size: png.length, name: 'receipt.png' } });
    expect(picture.media.url).toMatch(/^https:\/\/cs\.example\.test\/assets\/files\//);
    const history = (await (await fetch(`${t.url}/api/sessions/${sessionId}/history`, { headers: { 'auth-token': merchant.token } })).json()) as any;
    expect(history.data[0]).toMatchObject({ msgType: 'picture', media: { url: picture.media.url, mimeType: 'image/png' } });
    const stored = await fetch(picture.media.url.replace('https://cs.example.test', t.url));
    expect(stored.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await stored.arrayBuffer()).equals(png)).toBe(true);

    // A link of the contact's own choosing is refused: web contacts send only what they uploaded.
    const raw = await FrameClient.open(`${t.url.replace('http', 'ws')}/chat/${pictureStaff.serialNo}/ws`);
    raw.send({ action: 'chat', type: 'image', content: 'https://evil.example/track.png' });
    expect(await raw.untilEof()).toContain('"code":1003');
    raw.close();

    // Handed to the agent, who answers with a picture: the page shows it as an image.
    await page.fill('#input', '转人工');
    await page.press('#input', 'Enter');
    const accept = await fetch(`${t.url}/api/sessions/${sessionId}/accept`, { method: 'POST', headers: { 'auth-token': agent.token, 'content-type': 'application/json' }, body: '{}' });
    expect(accept.status).toBe(200);
    const sent = await fetch(`${t.url}/api/sessions/${sessionId}/message`, {
      method: 'POST',
      headers: { 'auth-token': agent.token, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'Here it is', msgType: 'picture', media: { url: picture.media.url, mimeType: 'image/png', name: 'answer.png' } }),
    });
    expect(((await sent.json()) as any).data).toMatchObject({ msgType: 'picture', content: 'Here it is', media: { url: picture.media.url, name: 'answer.png' } });
    await expect.poll(() => page.locator('#messages .row.them img.picture').getAttribute('src')).toBe(picture.media.url);
    expect(await page.locator('#messages .row.them img.picture').getAttribute('alt')).toBe('Here it is');
    await page.close();
  });

  it('shows a frozen staff refusal readably, and answers 404 once the staff is deleted', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/chat/${staff.serialNo}`);
    await expect.poll(() => page.getAttribute('#status', 'data-state')).toBe('online');
    expect((await t.rest('/api/v1/customer/frozen/staff', { id: staff.id }, merchant.token)).body.header.code).toBe(0);
    await page.fill('#input', '在吗？');
    await page.press('#input', 'Enter');
    await expect.poll(() => page.locator('#messages .row.error .bubble').textContent()).toBe('This AI staff is frozen (1012)');
    await page.close();

    expect((await t.rest('/api/v1/customer/delete/staff', { id: staff.id }, merchant.token)).body.header.code).toBe(0);
    expect((await fetch(`${t.url}/chat/${staff.serialNo}`)).status).toBe(404);
  });
});

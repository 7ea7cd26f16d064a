import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const CHROMIUM = inject('chromiumPath');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

const HOURS_DOC = `# 营业时间

我们的门店营业时间是每天上午9点到晚上9点。节假日照常营业，春节期间营业时间另行通知。营业时间内可以到店自提订单。
`;

/** The page answers as fast as a loaded test machine lets it. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** Every control the contact can reach has a name a screen reader says. */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('button, input, textarea, select, a[href]'))
      .filter((el) => !(el as HTMLElement).closest('[hidden]'))
      .filter((el) => !(el.getAttribute('aria-label') || el.textContent!.trim() || (el as HTMLInputElement).labels?.length || el.getAttribute('title')))
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

describe("the contact's side of the chat page, in headless Chromium", { timeout: 120_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let m: MerchantFixture;
  let zh: StaffFixture;
  let en: StaffFixture;
  let agent: AgentFixture;
  let site: http.Server;
  let siteUrl: string;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
  const api = (method: string, p: string, token: string, body: unknown = {}) =>
    fetch(`${t.url}${p}`, { method, headers: { 'auth-token': token, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const sessionOf = async (staffId: number, externalId: (id: string) => boolean) =>
    (await t.gql('{ sessions { items { id staffId status csatScore csatComment contact { externalId } } } }', {}, m.token)).data.sessions.items.find((s: any) => s.staffId === staffId && externalId(s.contact.externalId));

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })]);
    m = await createMerchant(t);
    zh = await createStaffWithKeys(t, m.token, { name: '小店助手', greetings: '您好，我是小店助手，有什么可以帮您？' });
    en = await createStaffWithKeys(t, m.token, { name: 'Shop helper', greetings: 'Hello! How can I help?', language_response: 'English' });
    agent = await createAgent(t, m.token, [zh.id, en.id], { name: '小王' });
    await addDocument(t, m.token, zh.id, 'hours.md', HOURS_DOC);
    await t.rest('/api/v1/customer/sync/doc', { staff_id: zh.id }, m.token);
    await waitForSync(t, m.token, zh.id);
    // A merchant's own site, on another port, that embeds the launcher.
    site = http.createServer((req, res) => {
      const serial = new URL(req.url ?? '/', 'http://x').searchParams.get('serial') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><title>My shop</title></head><body><h1>My shop</h1><script src="${t.url}/widget.js" data-serial="${serial}"></script></body></html>`);
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await new Promise((r) => site?.close(r));
  });

  it('greets, shows the queue place and wait as they move, labels AI, agent and system, and asks for a rating after the close', async () => {
    // Someone was taken from the queue in the past hour, and someone waits ahead: the page is second, about 2 h away.
    const taken = await FrameClient.open(ws('/ws?contact_id=taken'), basicAuth(zh.apiKey, zh.secretKey));
    taken.send({ action: 'chat', content: '转人工' });
    await taken.untilEof();
    const takenId = (await sessionOf(zh.id, (x) => x === 'taken')).id;
    expect((await api('POST', `/api/sessions/${takenId}/accept`, agent.token, { csId: String(agent.id) })).status).toBe(200);
    const ahead = await FrameClient.open(ws('/ws?contact_id=ahead'), basicAuth(zh.apiKey, zh.secretKey));
    ahead.send({ action: 'chat', content: '转人工' });
    expect(await ahead.untilEof()).toContain('正在为您转接人工客服');

    const page = await browser.newPage({ viewport: { width: 390, height: 780 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${t.url}/chat/${zh.serialNo}`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('.greeting .bubble')).toBe('您好，我是小店助手，有什么可以帮您？');
    expect(await page.textContent('.greeting .tag')).toBe('智能助手');
    await poll(() => page.getAttribute('#status', 'data-state')).toBe('online');
    expect(await page.locator('#reconnecting').isHidden()).toBe(true);

    // The AI's answer, labelled as the AI's.
    await page.getByRole('textbox', { name: '消息' }).fill('你们的营业时间是什么？');
    await page.getByRole('button', { name: '发送', exact: true }).click();
    await poll(() => page.locator('#messages .row.ai:not(.greeting):not(.streaming) .bubble').count()).toBe(1);
    expect(await page.locator('#messages .row.ai:not(.greeting) .tag').textContent()).toBe('智能助手');
    expect(await page.locator('#messages .row.ai:not(.greeting) .sender').textContent()).toBe('小店助手');

    // Handed off: a system notice, and the place and wait in the queue.
    await page.getByRole('textbox', { name: '消息' }).fill('转人工');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#queue-position').textContent()).toBe('您在队列中的位置：第 2 位');
    expect(await page.locator('#queue').isVisible()).toBe(true);
    expect(await page.textContent('#queue-wait')).toBe('预计等待：约 120 分钟');
    expect(await page.locator('#messages .row.system .bubble').last().textContent()).toContain('正在为您转接人工客服');
    expect(await page.locator('#messages .row.system .tag').last().textContent()).toBe('系统');

    // The one ahead is taken: the page moves up, and the queue moves faster.
    const aheadId = (await sessionOf(zh.id, (x) => x === 'ahead')).id;
    expect((await api('POST', `/api/sessions/${aheadId}/accept`, agent.token, { csId: String(agent.id) })).status).toBe(200);
    await poll(() => page.locator('#queue-position').textContent()).toBe('您在队列中的位置：第 1 位');
    expect(await page.textContent('#queue-wait')).toBe('预计等待：约 30 分钟');

    // The agent takes it and answers: the agent's reply looks unlike the AI's.
    const mine = await sessionOf(zh.id, (x) => x.startsWith('page-'));
    expect((await api('POST', `/api/sessions/${mine.id}/accept`, agent.token, { csId: String(agent.id) })).status).toBe(200);
    await poll(() => page.locator('#messages .row.system .bubble').last().textContent()).toBe('人工客服 小王 为您服务。');
    await poll(() => page.locator('#queue').isHidden()).toBe(true);
    expect((await api('POST', `/api/sessions/${mine.id}/message`, agent.token, { content: '您好，我是小王', msgType: 'text' })).status).toBe(200);
    await poll(() => page.locator('#messages .row.agent .bubble').textContent()).toBe('您好，我是小王');
    expect(await page.textContent('#messages .row.agent .sender')).toBe('小王');
    expect(await page.textContent('#messages .row.agent .tag')).toBe('人工客服');
    const look = (sel: string) => page.locator(sel).first().evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(await look('#messages .row.agent .bubble')).not.toBe(await look('#messages .row.ai:not(.greeting) .bubble'));
    expect(await look('#messages .row.agent .avatar')).not.toBe(await look('#messages .row.ai:not(.greeting) .avatar'));

    // The connection drops: the reconnecting indicator shows until the socket is back.
    await page.evaluate(() => (window as any).csChatUI.connection('offline'));
    expect(await page.locator('#reconnecting').isVisible()).toBe(true);
    expect(await page.textContent('#reconnecting')).toBe('连接已断开，正在重连…');
    await page.evaluate(() => (window as any).csChatUI.connection('online'));
    expect(await page.locator('#reconnecting').isHidden()).toBe(true);

    // Closed: the notice, then the rating prompt; a score and a comment are stored on the session.
    expect((await api('POST', `/api/sessions/${mine.id}/close`, m.token)).status).toBe(200);
    await poll(() => page.locator('#csat').count()).toBe(1);
    await poll(() => page.locator('#messages .row.system .bubble').filter({ hasText: '本次会话已结束' }).count()).toBe(1);
    await page.getByRole('button', { name: '提交评价' }).click();
    expect(await page.textContent('#csat .csat-note')).toBe('请选择 1 到 5 分');
    await page.getByRole('button', { name: '打 4 分（满分 5 分）' }).click();
    expect(await page.locator('#csat .star[aria-pressed=true]').count()).toBe(4);
    await page.getByRole('textbox', { name: '评价（选填）' }).fill('很耐心');
    await page.getByRole('button', { name: '提交评价' }).click();
    await poll(() => page.locator('.csat-thanks').textContent()).toBe('感谢您的评价！');
    expect(await sessionOf(zh.id, (x) => x.startsWith('page-'))).toMatchObject({ status: 'CLOSED', csatScore: 4, csatComment: '很耐心' });

    expect(await unnamedControls(page)).toEqual([]);
    expect(errors).toEqual([]);
    taken.close();
    ahead.close();
    await page.close();
  });

  it('speaks English for an English staff, and outside business hours says when agents return while the AI answers', async () => {
    const today = ((new Date().getUTCDay() + 6) % 7) + 1;
    const hours = { timeZone: 'UTC', weekly: [{ day: (today % 7) + 1, open: '09:00', close: '17:00' }], holidays: [] };
    await t.gql('mutation($id: Int!, $h: BusinessHoursInput) { updateStaff(id: $id, input: { businessHours: $h, humanFirst: true }) { id } }', { id: en.id, h: hours }, m.token);
    const page = await browser.newPage();
    await page.goto(`${t.url}/chat/${en.serialNo}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('.greeting .bubble')).toBe('Hello! How can I help?');
    expect(await page.textContent('.greeting .tag')).toBe('AI');
    await poll(() => page.getAttribute('#status', 'data-state')).toBe('online');
    expect(await page.getByRole('button', { name: 'Send', exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Send a picture').count()).toBe(1);

    await page.getByRole('textbox', { name: 'Message' }).fill('I need help with my order');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#messages .row.system .bubble').last().textContent()).toMatch(/^Our agents are away now and return \w+day \d+ \w+ 09:00 \(UTC\)\. Leave a message/);
    expect(await page.textContent('#queue-position')).toBe('Your place in the queue: 1');
    expect(await page.locator('#queue-away').isVisible()).toBe(true);
    expect(await page.textContent('#messages .row.system .tag')).toBe('System');

    // A reload while waiting shows the place again.
    await page.reload();
    await poll(() => page.locator('#queue-position').textContent()).toBe('Your place in the queue: 1');
    expect(await page.locator('#queue-away').isVisible()).toBe(true);

    // The message waits for the agents; the AI keeps answering.
    await page.getByRole('textbox', { name: 'Message' }).fill('hello');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#messages .row.ai:not(.greeting):not(.streaming) .bubble').count()).toBe(1);
    expect(await page.textContent('#messages .row.ai:not(.greeting) .tag')).toBe('AI');
    expect(await sessionOf(en.id, (x) => x.startsWith('page-'))).toMatchObject({ status: 'PENDING' });
    expect(await unnamedControls(page)).toEqual([]);
    await page.close();
  });

  it("puts a chat bubble on the merchant's own page that opens the chat in a panel, in the staff's language", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${siteUrl}/?serial=${zh.serialNo}`);
    const bubble = page.getByRole('button', { name: '打开在线客服' });
    await poll(() => bubble.count()).toBe(1);
    expect(await bubble.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('iframe').count()).toBe(0);
    await bubble.click();
    const closeButton = page.getByRole('button', { name: '关闭在线客服' });
    expect(await closeButton.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('iframe').getAttribute('title')).toBe('小店助手');
    const chat = page.frameLocator('iframe');
    await poll(() => chat.locator('#staff-name').textContent()).toBe('小店助手');
    await poll(() => chat.locator('#status').getAttribute('data-state')).toBe('online');
    expect(await chat.locator('.greeting .bubble').textContent()).toBe('您好，我是小店助手，有什么可以帮您？');
    await closeButton.click();
    expect(await page.locator('iframe').isHidden()).toBe(true);

    // An English staff's bubble speaks English.
    await page.goto(`${siteUrl}/?serial=${en.serialNo}`);
    await poll(() => page.getByRole('button', { name: 'Open the chat' }).count()).toBe(1);
    expect(errors).toEqual([]);
    expect((await fetch(`${t.url}/chat/nope/launcher.json`)).status).toBe(404);
    const js = await fetch(`${t.url}/widget.js`);
    expect(js.headers.get('content-type')).toMatch(/^application\/javascript/);
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewaySignature } from '../../src/services/channel/gateway-signature.js';
import { postGatewayCallback, startGatewayReceiver } from '../support/channel-fakes.js';
import { createAgent, createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient } from '../support/ws-clients.js';

const HOURS_DOC = `# 营业时间

我们的门店营业时间是每天上午9点到晚上9点，节假日照常营业。
`;
const SECRET = 'douyin-gateway-secret';

describe('generic gateway channels', { timeout: 60_000 }, () => {
  let t: TestApp;
  let m: MerchantFixture;
  let staffId: number;
  const receivers: Awaited<ReturnType<typeof startGatewayReceiver>>[] = [];
  const messageCount = async () => Number((await t.app.orm.em.fork().getConnection().execute("select count(*)::int as n from message"))[0]!.n);
  const msg = (over: Record<string, unknown> = {}) => ({
    account_id: 'dy-1',
    msg_id: `m-${Math.random().toString(36).slice(2)}`,
    user_id: 'dy-user-1',
    nickname: '小明',
    avatar: 'https://img.example/a.png',
    msg_type: 'text',
    content: '你好',
    timestamp: Math.floor(Date.now() / 1000),
    ...over,
  });
  const post = (body: unknown, over = {}, type = 'douyin', secret = SECRET) => postGatewayCallback(t.url, type, secret, body, over);

  async function channel(type: string, accountId: string, refusals: number[], secret = SECRET): Promise<{ receiver: Awaited<ReturnType<typeof startGatewayReceiver>>; staffId: number }> {
    const receiver = await startGatewayReceiver(refusals);
    receivers.push(receiver);
    const s = await createStaff(t, m.token);
    await addDocument(t, m.token, s, 'hours.md', HOURS_DOC);
    await t.rest('/api/v1/customer/sync/doc', { staff_id: s }, m.token);
    await waitForSync(t, m.token, s);
    const res = await t.rest('/api/v1/customer/create/channel', { staff_id: s, channel_type: type, account_id: accountId, secret, outbound_url: receiver.url }, m.token);
    expect(res.body.header.code).toBe(0);
    return { receiver, staffId: s };
  }

  beforeAll(async () => {
    t = await startTestApp({ CHANNEL_RETRY_BASE_MS: '50', CHANNEL_RETRY_MAX_SECONDS: '1', CHANNEL_RETRY_GIVE_UP_SECONDS: '3', CHANNEL_POLL_MS: '50' });
    m = await createMerchant(t);
    staffId = await createStaff(t, m.token);
    const receiver = await startGatewayReceiver();
    receivers.push(receiver);
    expect((await t.rest('/api/v1/customer/create/channel', { staff_id: staffId, channel_type: 'douyin', account_id: 'dy-1', secret: SECRET, outbound_url: receiver.url }, m.token)).body.header.code).toBe(0);
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('refuses a wrong signature, a stale timestamp and a reused nonce with 401, storing nothing', async () => {
    const before = await messageCount();
    const wrong = await post(msg(), { signature: 'ab'.repeat(32) });
    expect(wrong).toMatchObject({ status: 401, body: { code: 1001, message: 'X-Signature does not match' } });
    expect((await post(msg(), {}, 'douyin', 'another-secret')).status).toBe(401);
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    expect(await post(msg(), { timestamp: stale })).toMatchObject({ status: 401, body: { code: 1001 } });
    const future = String(Math.floor(Date.now() / 1000) + 301);
    expect((await post(msg(), { timestamp: future })).status).toBe(401);
    const missing = await fetch(`${t.url}/channel/douyin/callback`, { method: 'POST', body: JSON.stringify(msg()) });
    expect(missing.status).toBe(401);
    expect(await messageCount()).toBe(before);

    const first = await post(msg({ content: 'first' }));
    expect(first).toMatchObject({ status: 200, body: { code: 0, message: 'OK', data: { duplicate: false } } });
    const replay = await post(msg({ content: 'replayed' }), { nonce: first.nonce });
    expect(replay).toMatchObject({ status: 401, body: { code: 1001, message: 'X-Nonce was already used' } });
    await expect.poll(messageCount, { timeout: 15_000 }).toBe(before + 2); // the message and the AI's answer
  });

  it('answers an unknown account 404 with 1006, and bad bodies 400 with a clear message', async () => {
    expect(await post(msg({ account_id: 'nobody' }))).toMatchObject({ status: 404, body: { code: 1006, message: 'No douyin channel with account_id nobody' } });
    // The account exists, but on another channel type.
    expect((await post(msg(), {}, 'jd')).status).toBe(404);
    expect((await post(msg(), {}, 'fax')).body.code).toBe(1006);
    expect(await post(null, { raw: '{not json' })).toMatchObject({ status: 400, body: { code: 1004 } });
    expect(await post(null, { raw: '[1]' })).toMatchObject({ status: 400, body: { code: 1003 } });
    expect(await post({ msg_id: 'x' })).toMatchObject({ status: 400, body: { code: 1003, message: 'account_id: is required' } });
    const noUser = await post(msg({ user_id: undefined }));
    expect(noUser).toMatchObject({ status: 400, body: { code: 1003, message: 'user_id: is required' } });
    expect(await post(msg({ msg_type: 'image', content: 'not a url' }))).toMatchObject({ status: 400, body: { code: 1003 } });
    expect(await post(msg({ content: '长'.repeat(20_001) }))).toMatchObject({ status: 400, body: { code: 1003, message: 'content: content must be at most 20000 characters' } });
    const huge = await post(null, { raw: JSON.stringify(msg({ content: 'x'.repeat(1024 * 1024 + 10) })) });
    expect(huge.status).toBe(413);
  });

  it("takes a msg_id seen on another of the merchant's accounts of that type for a new message, not a retry", async () => {
    await channel('douyin', 'dy-2', []);
    const id = `m-shared-${Date.now()}`;
    const one = await post(msg({ msg_id: id, content: 'first shop' }));
    const two = await post(msg({ msg_id: id, account_id: 'dy-2', content: 'second shop' }));
    expect([one.body.data.duplicate, two.body.data.duplicate]).toEqual([false, false]);
    expect(two.body.data.session_id).not.toBe(one.body.data.session_id);
    const rows = await t.app.orm.em.fork().getConnection().execute('select content from message where channel_msg_id = ? order by id', [id]);
    expect(rows.map((r) => r.content)).toEqual(['first shop', 'second shop']);
    // Each account's own retry is still stored once.
    expect((await post(msg({ msg_id: id, account_id: 'dy-2', content: 'second shop' }))).body.data).toMatchObject({ duplicate: true, session_id: two.body.data.session_id });
    // A row stored before accounts were recorded has none: a retry of it, sent across the upgrade, is still a retry.
    const legacy = `m-legacy-${Date.now()}`;
    const before = await post(msg({ msg_id: legacy, content: 'before the upgrade' }));
    await t.app.orm.em.fork().getConnection().execute('update message set channel_account_id = null where channel_msg_id = ?', [legacy]);
    expect((await post(msg({ msg_id: legacy, content: 'before the upgrade' }))).body.data).toMatchObject({ duplicate: true, session_id: before.body.data.session_id });
  });

  it('stores a repeated msg_id once, keeps nickname and avatar on the contact, and media with their URL', async () => {
    const body = msg({ msg_type: 'image', content: 'https://cdn.example/p.jpg', user_id: 'dy-user-2', nickname: '小红', avatar: 'https://img.example/h.png' });
    const a = await post(body);
    const b = await post(body);
    expect(a.body.data).toMatchObject({ msg_id: body.msg_id, duplicate: false });
    expect(b).toMatchObject({ status: 200, body: { code: 0, data: { msg_id: body.msg_id, duplicate: true, session_id: a.body.data.session_id } } });
    expect((await t.app.orm.em.fork().getConnection().execute('select count(*)::int as n from message where channel_msg_id = ?', [body.msg_id]))[0]!.n).toBe(1);
    const [row] = await t.app.orm.em.fork().getConnection().execute(`select msg_type, content, payload from message where channel_msg_id = ?`, [body.msg_id]);
    expect(row).toMatchObject({ msg_type: 'picture', content: 'https://cdn.example/p.jpg', payload: { url: 'https://cdn.example/p.jpg' } });
    // Without a nickname or avatar the contact keeps the ones it has.
    const voice = msg({ msg_type: 'voice', content: { url: 'https://cdn.example/v.amr', duration: 4, mime_type: 'audio/amr' }, user_id: 'dy-user-2', nickname: null, avatar: null });
    expect((await post(voice)).status).toBe(200);
    const [v] = await t.app.orm.em.fork().getConnection().execute(`select payload from message where channel_msg_id = ?`, [voice.msg_id]);
    expect(v!.payload).toMatchObject({ url: 'https://cdn.example/v.amr', duration: 4, mimeType: 'audio/amr' });

    // The agent console's get_user_info shows the profile the gateway sent.
    const agent = await createAgent(t, m.token, [staffId]);
    const console = await FrameClient.open(`${t.url.replace('http', 'ws')}/ws/kf`);
    console.send({ method: 'login', token: agent.token });
    await console.nextJson({ method: 'login' });
    console.send({ method: 'get_user_info', userid: 'dy-user-2' });
    expect(await console.nextJson({ method: 'get_user_info' })).toMatchObject({ code: 0, data: { openid: 'dy-user-2', nickname: '小红', head_img: 'https://img.example/h.png' } });
    console.close();
  });

  it('delivers a reply exactly once through three refusals, with one msg_id and valid signatures', async () => {
    const { receiver } = await channel('wechat', 'wx-1', [503, 503, 503]);
    const events: any[] = [];
    const ws = t.wsClient({ token: m.token });
    ws.subscribe({ query: 'subscription { channelDeliveryChanged { id state attempts lastError msgId } }' }, { next: (v) => events.push(v.data?.channelDeliveryChanged), error: () => {}, complete: () => {} });
    await new Promise((r) => setTimeout(r, 200));

    const question = msg({ account_id: 'wx-1', user_id: 'wx-user', content: '你们的营业时间是什么？' });
    const res = await post(question, {}, 'wechat');
    expect(res.status).toBe(200);
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(4);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.requests.length).toBe(4);
    const ids = new Set(receiver.requests.map((r) => r.json.msg_id));
    expect(ids.size).toBe(1);
    expect(new Set(receiver.requests.map((r) => r.headers['x-nonce'])).size).toBe(4);
    for (const r of receiver.requests) {
      expect(r.headers['x-signature']).toBe(gatewaySignature(SECRET, String(r.headers['x-timestamp']), String(r.headers['x-nonce']), r.raw));
      expect(Math.abs(Number(r.headers['x-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    }
    const sent = receiver.requests[3]!.json;
    expect(Object.keys(sent).sort()).toEqual(['account_id', 'content', 'msg_id', 'msg_type', 'reply_to', 'user_id']);
    expect(sent).toMatchObject({ account_id: 'wx-1', user_id: 'wx-user', msg_type: 'text', reply_to: question.msg_id });
    expect(sent.content).toContain('9点');

    const sessionId = res.body.data.session_id;
    const deliveries = await t.gql('query($s: Int!) { channelDeliveries(sessionId: $s) { msgId state attempts lastError deliveredAt replyTo } messages(sessionId: $s) { senderType delivery { state attempts msgId } } }', { s: sessionId }, m.token);
    expect(deliveries.data.channelDeliveries).toEqual([{ msgId: sent.msg_id, state: 'DELIVERED', attempts: 4, lastError: null, deliveredAt: expect.any(String), replyTo: question.msg_id }]);
    expect(deliveries.data.messages).toEqual([
      { senderType: 'CONTACT', delivery: null },
      { senderType: 'AI', delivery: { state: 'DELIVERED', attempts: 4, msgId: sent.msg_id } },
    ]);
    await expect.poll(() => events.filter((e) => e.msgId === sent.msg_id).map((e) => [e.state, e.attempts]), { timeout: 15_000 }).toEqual([
      ['PENDING', 1], ['PENDING', 2], ['PENDING', 3], ['DELIVERED', 4],
    ]);
    expect(events.find((e) => e.attempts === 1).lastError).toMatch(/^HTTP 503/);

    // Another merchant sees none of it.
    const other = await createMerchant(t);
    expect((await t.gql('query($s: Int!) { channelDeliveries(sessionId: $s) { id } }', { s: sessionId }, other.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('marks a reply failed after the give-up time, and sends the next one of the session only then', async () => {
    const { receiver } = await channel('jd', 'jd-1', Array(1000).fill(500));
    const res = await post(msg({ account_id: 'jd-1', user_id: 'jd-user', content: '营业时间' }), {}, 'jd');
    const sessionId = res.body.data.session_id;
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBeGreaterThan(0);
    // A second answer queues behind the first.
    await post(msg({ account_id: 'jd-1', user_id: 'jd-user', content: '节假日营业吗' }), {}, 'jd');
    const q = 'query($s: Int!) { channelDeliveries(sessionId: $s) { msgId state attempts lastError } }';
    await expect.poll(async () => (await t.gql(q, { s: sessionId }, m.token)).data.channelDeliveries[0]?.state, { timeout: 15_000 }).toBe('FAILED');
    const [failed, next] = (await t.gql(q, { s: sessionId }, m.token)).data.channelDeliveries;
    expect(failed.attempts).toBeGreaterThan(2);
    expect(failed.lastError).toMatch(/^HTTP 500/);
    await expect.poll(() => receiver.requests.some((r) => r.json.msg_id === next.msgId), { timeout: 15_000 }).toBe(true);
    const order = receiver.requests.map((r) => r.json.msg_id);
    expect(order.lastIndexOf(failed.msgId)).toBeLessThan(order.indexOf(next.msgId));
    expect(order.filter((id) => id === failed.msgId).length).toBe(failed.attempts);
    // The channel's own state: one given up, the newest is the next reply.
    const listed = (await t.gql('{ channels(page: { pageSize: 100 }) { items { accountId deliveryState { pending failed latest { msgId } } } } }', {}, m.token)).data.channels.items;
    expect(listed.find((c: any) => c.accountId === 'jd-1').deliveryState).toMatchObject({ failed: 1, latest: { msgId: next.msgId } });
  });

  it("stores a frozen staff's messages without answering them", async () => {
    const { receiver, staffId: s } = await channel('douyin', 'dy-frozen', [], 'frozen-secret-1');
    expect((await t.rest('/api/v1/customer/frozen/staff', { id: s }, m.token)).body.header.code).toBe(0);
    const res = await postGatewayCallback(t.url, 'douyin', 'frozen-secret-1', msg({ account_id: 'dy-frozen', msg_id: 'f-1', content: '营业时间' }));
    expect(res).toMatchObject({ status: 200, body: { code: 0, data: { duplicate: false } } });
    await new Promise((r) => setTimeout(r, 800));
    const rows = await t.app.orm.em.fork().getConnection().execute('select sender_type from message where session_id = ? order by seq', [res.body.data.session_id]);
    expect(rows).toEqual([{ sender_type: 'contact' }]);
    expect(receiver.requests).toHaveLength(0);
  });

  it('carries a whole conversation: AI answer, handoff, an agent accepts and replies', async () => {
    const { receiver, staffId: s } = await channel('douyin', 'dy-conv', [], 'conv-secret-123');
    const agent = await createAgent(t, m.token, [s]);
    const send = (body: Record<string, unknown>) => postGatewayCallback(t.url, 'douyin', 'conv-secret-123', msg({ account_id: 'dy-conv', user_id: 'dy-c', ...body }));

    const q1 = await send({ msg_id: 'c-1', content: '你们的营业时间是什么？' });
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(1);
    const aiReply = receiver.requests[0]!.json;
    expect(aiReply).toMatchObject({ msg_type: 'text', reply_to: 'c-1', user_id: 'dy-c' });
    expect(aiReply.content).toContain('9点');
    const sessionId = q1.body.data.session_id;

    await send({ msg_id: 'c-2', content: '转人工' });
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` };
    await expect.poll(async () => (await (await fetch(`${t.url}/api/sessions/${sessionId}`, { headers: auth })).json()).data.status, { timeout: 15_000 }).toBe('pending');
    // The contact is told it waits, with its place: a notice, not a stored message.
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(2);
    expect(receiver.requests[1]!.json).toMatchObject({ user_id: 'dy-c', msg_type: 'text', reply_to: null });
    expect(receiver.requests[1]!.json.content).toContain('转接人工客服');
    const accepted = await fetch(`${t.url}/api/sessions/${sessionId}/accept`, { method: 'POST', headers: auth, body: JSON.stringify({ csId: String(agent.id) }) });
    expect((await accepted.json()).data.status).toBe('manual');
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(3);
    expect(receiver.requests[2]!.json.content).toContain('为您服务');
    const reply = await fetch(`${t.url}/api/sessions/${sessionId}/message`, { method: 'POST', headers: auth, body: JSON.stringify({ content: '您好，我是人工客服小王' }) });
    expect(reply.status).toBe(200);
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(4);
    expect(receiver.requests[3]!.json).toMatchObject({ account_id: 'dy-conv', user_id: 'dy-c', msg_type: 'text', content: '您好，我是人工客服小王', reply_to: 'c-2' });
    // The AI said nothing after the handoff.
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.requests.length).toBe(4);

    // Closing tells the contact too, in order after everything before it.
    expect((await fetch(`${t.url}/api/sessions/${sessionId}/close`, { method: 'POST', headers: auth })).status).toBe(200);
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(5);
    expect(receiver.requests[4]!.json).toMatchObject({ user_id: 'dy-c', msg_type: 'text', reply_to: null });
    expect(receiver.requests[4]!.json.content).toContain('会话已结束');
    const d = await t.gql('query($s: Int!) { channelDeliveries(sessionId: $s) { messageId state } }', { s: sessionId }, agent.token);
    expect(d.data.channelDeliveries.map((x: any) => [x.messageId === null, x.state])).toEqual([
      [false, 'DELIVERED'],
      [true, 'DELIVERED'],
      [true, 'DELIVERED'],
      [false, 'DELIVERED'],
      [true, 'DELIVERED'],
    ]);
  });
});

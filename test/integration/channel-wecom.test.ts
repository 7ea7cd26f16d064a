import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wecomEncrypt, wecomSignature } from '../../src/services/channel/wecom-crypto.js';
import { startWecomApi, wecomPost, wecomText } from '../support/channel-fakes.js';
import { createAgent, createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { PUBLIC_URL, startTestApp, type TestApp } from '../support/test-app.js';

const HOURS_DOC = `# 营业时间

我们的门店营业时间是每天上午9点到晚上9点，节假日照常营业。
`;
const settings = { token: 'wecomTok123', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'ww-test-corp', agentId: '1000002' };
const CORP_SECRET = 'corp-app-secret-1';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);

describe('WeCom /wecom/callback', { timeout: 60_000 }, () => {
  let t: TestApp;
  let m: MerchantFixture;
  let staffId: number;
  let api: Awaited<ReturnType<typeof startWecomApi>>;
  const conn = () => t.app.orm.em.fork().getConnection();
  const count = async () => Number((await conn().execute('select count(*)::int as n from message'))[0]!.n);
  /** What one contact said (the AI's answers arrive on their own time). */
  const said = async (externalId: string) =>
    Number((await conn().execute(`select count(*)::int as n from message m join session s on s.id = m.session_id join contact c on c.id = s.contact_id where c.external_id = ? and m.sender_type = 'contact'`, [externalId]))[0]!.n);
  const postXml = async (inner: string, s = settings) => {
    const p = wecomPost(s, inner);
    const res = await fetch(`${t.url}/wecom/callback?${p.query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: p.body });
    return { status: res.status, text: await res.text() };
  };
  const text = (from: string, content: string, msgId: string) => wecomText({ corpId: settings.corpId, agentId: settings.agentId, from, content, msgId });

  beforeAll(async () => {
    api = await startWecomApi({ corpId: settings.corpId, corpSecret: CORP_SECRET, expireOnce: true });
    t = await startTestApp({ WECOM_API_BASE: api.url, CHANNEL_RETRY_BASE_MS: '50', CHANNEL_POLL_MS: '50' });
    m = await createMerchant(t);
    staffId = await createStaff(t, m.token);
    await addDocument(t, m.token, staffId, 'hours.md', HOURS_DOC);
    await t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, m.token);
    await waitForSync(t, m.token, staffId);
    const created = await t.rest(
      '/api/v1/customer/create/channel',
      { staff_id: staffId, channel_type: 'wecom', token: settings.token, encoding_aes_key: settings.encodingAesKey, corp_id: settings.corpId, agent_id: settings.agentId, app_secret: CORP_SECRET },
      m.token,
    );
    expect(created.body.header.code).toBe(0);
    // Another merchant's WeCom app, with its own token and key, on the same callback URL.
    const other = await createMerchant(t);
    const otherStaff = await createStaff(t, other.token);
    expect((await t.rest('/api/v1/customer/create/channel', { staff_id: otherStaff, channel_type: 'wecom', token: 'otherToken9', encoding_aes_key: 'A'.repeat(43), corp_id: 'ww-other', agent_id: '5' }, other.token)).body.header.code).toBe(0);
  });
  afterAll(async () => {
    await t?.close();
    await api?.close();
  });

  it('answers the URL check with the decrypted echostr, matched by signature', async () => {
    const echostr = wecomEncrypt(settings.encodingAesKey, '1288432023552776189', settings.corpId);
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = wecomSignature(settings.token, ts, '4774', echostr);
    const ok = await fetch(`${t.url}/wecom/callback?msg_signature=${sig}&timestamp=${ts}&nonce=4774&echostr=${encodeURIComponent(echostr)}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1288432023552776189');
    const bad = await fetch(`${t.url}/wecom/callback?msg_signature=${'0'.repeat(40)}&timestamp=${ts}&nonce=4774&echostr=${encodeURIComponent(echostr)}`);
    expect([bad.status, await bad.text()]).toEqual([401, 'error']);
    const missing = await fetch(`${t.url}/wecom/callback?timestamp=${ts}`);
    expect([missing.status, await missing.text()]).toEqual([400, 'error']);
  });

  it('refuses a bad signature with 401 "error" and stores nothing', async () => {
    const before = await count();
    const p = wecomPost(settings, text('u-bad', 'hello', '777'));
    const res = await fetch(`${t.url}/wecom/callback?${p.query.replace(/msg_signature=[0-9a-f]+/, `msg_signature=${'1'.repeat(40)}`)}`, { method: 'POST', body: p.body });
    expect([res.status, await res.text()]).toEqual([401, 'error']);
    // Encrypted with another key: the signature verifies, the receiver id does not.
    const forged = await postXml(text('u-bad', 'hello', '778'), { ...settings, encodingAesKey: 'B'.repeat(43) });
    expect(forged).toEqual({ status: 401, text: 'error' });
    const garbage = await fetch(`${t.url}/wecom/callback?${p.query}`, { method: 'POST', body: '<xml><nope/></xml>' });
    expect([garbage.status, await garbage.text()]).toEqual([400, 'error']);
    await new Promise((r) => setTimeout(r, 300));
    expect(await count()).toBe(before);
  });

  it('acknowledges a message with "success", stores a repeated MsgId once, and replies through the send API', async () => {
    const inner = text('zhangsan', '你们的营业时间是什么？', '4561255354251345929');
    expect(await postXml(inner)).toEqual({ status: 200, text: 'success' });
    expect(await postXml(inner)).toEqual({ status: 200, text: 'success' });
    await expect.poll(() => api.sent.length, { timeout: 15_000 }).toBe(1);
    expect(api.sent[0]).toMatchObject({ touser: 'zhangsan', msgtype: 'text', agentid: 1000002, enable_duplicate_check: 1 });
    expect(api.sent[0].text.content).toContain('9点');
    // The first send met an expired token (42001): a new one was fetched and the send repeated.
    expect(api.tokensIssued()).toBe(2);
    expect((await conn().execute(`select count(*)::int as n from message where channel_msg_id = '4561255354251345929'`))[0]!.n).toBe(1);
    expect(await said('zhangsan')).toBe(1);
    // Marked delivered once WeCom has answered the send, a moment after the fake API saw it.
    await expect.poll(async () => (await conn().execute(`select state, attempts from outbound_delivery order by id desc limit 1`))[0], { timeout: 15_000 }).toEqual({ state: 'delivered', attempts: 1 });
    // The token is cached: a second reply fetches none.
    await postXml(text('zhangsan', '节假日营业吗？', '4561255354251345930'));
    await expect.poll(() => api.sent.length, { timeout: 15_000 }).toBe(2);
    expect(api.tokensIssued()).toBe(2);
  });

  it('fetches media through the API into file storage, and records events without storing them', async () => {
    api.media.set('MEDIA-1', { data: JPEG, contentType: 'image/jpeg', name: 'photo.jpg' });
    const image = `<xml><ToUserName><![CDATA[${settings.corpId}]]></ToUserName><FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://wx/p.jpg]]></PicUrl><MediaId><![CDATA[MEDIA-1]]></MediaId><MsgId>900001</MsgId><AgentID>${settings.agentId}</AgentID></xml>`;
    expect(await postXml(image)).toEqual({ status: 200, text: 'success' });
    await expect.poll(async () => (await conn().execute(`select count(*)::int as n from message where channel_msg_id = '900001'`))[0]!.n, { timeout: 15_000 }).toBe(1);
    const row = (await conn().execute(`select msg_type, content, payload from message where channel_msg_id = '900001'`))[0]!;
    expect(row.msg_type).toBe('picture');
    expect(row.payload).toMatchObject({ mediaId: 'MEDIA-1', mimeType: 'image/jpeg', size: JPEG.length, name: 'photo.jpg' });
    expect(row.content).toBe(row.payload.url);
    expect(row.payload.url.startsWith(`${PUBLIC_URL}/assets/files/`)).toBe(true);
    const file = await fetch(row.payload.url.replace(PUBLIC_URL, t.url));
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(JPEG);

    // A media id WeCom does not know: the message is kept, with the reason.
    const lost = image.replace('MEDIA-1', 'MEDIA-404').replace('900001', '900002');
    expect((await postXml(lost)).text).toBe('success');
    await expect.poll(async () => (await conn().execute(`select payload from message where channel_msg_id = '900002'`))[0]?.payload?.fetchError, { timeout: 15_000 }).toMatch(/40007/);

    const before = await said('lisi');
    const event = `<xml><ToUserName><![CDATA[${settings.corpId}]]></ToUserName><FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>${settings.agentId}</AgentID></xml>`;
    expect(await postXml(event)).toEqual({ status: 200, text: 'success' });
    const location = `<xml><ToUserName><![CDATA[${settings.corpId}]]></ToUserName><FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[location]]></MsgType><Location_X>23.13</Location_X><Location_Y>113.26</Location_Y><Scale>15</Scale><Label><![CDATA[广州]]></Label><MsgId>900003</MsgId><AgentID>${settings.agentId}</AgentID></xml>`;
    expect(await postXml(location)).toEqual({ status: 200, text: 'success' });
    await expect.poll(async () => (await conn().execute(`select content from message where channel_msg_id = '900003'`))[0]?.content, { timeout: 15_000 }).toBe('[location] 广州 (23.13, 113.26)');
    expect(await said('lisi')).toBe(before + 1);
  });

  it('carries a whole conversation: AI answer, handoff, an agent accepts over GraphQL and replies', async () => {
    const agent = await createAgent(t, m.token, [staffId]);
    const sentTo = () => api.sent.filter((s) => s.touser === 'wangwu');
    await postXml(text('wangwu', '营业时间是几点？', '800001'));
    await expect.poll(() => sentTo().length, { timeout: 15_000 }).toBe(1);
    expect(sentTo()[0].text.content).toContain('9点');

    await postXml(text('wangwu', '转人工', '800002'));
    const s = (await conn().execute(`select s.id, s.status from session s join contact c on c.id = s.contact_id where c.external_id = 'wangwu'`))[0]!;
    await expect.poll(async () => (await t.gql('query($id: Int!) { session(id: $id) { status } }', { id: s.id }, agent.token)).data?.session.status, { timeout: 15_000 }).toBe('PENDING');
    // Told it waits, then that a person joined: notices through the send API.
    await expect.poll(() => sentTo().length, { timeout: 15_000 }).toBe(2);
    expect(sentTo()[1].text.content).toContain('转接人工客服');
    const accepted = await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { status } }', { id: s.id }, agent.token);
    expect(accepted.data.acceptSession.status).toBe('MANUAL');
    await expect.poll(() => sentTo().length, { timeout: 15_000 }).toBe(3);
    expect(sentTo()[2].text.content).toContain('为您服务');
    const events: any[] = [];
    t.wsClient({ token: agent.token }).subscribe(
      { query: `subscription { channelDeliveryChanged(sessionId: ${s.id}) { messageId state attempts } }` },
      { next: (v) => events.push(v.data?.channelDeliveryChanged), error: () => {}, complete: () => {} },
    );
    await new Promise((r) => setTimeout(r, 200));
    const sent = await t.gql('mutation($id: Int!) { sendMessage(input: { sessionId: $id, content: "您好，我是人工客服" }) { id delivery { state } } }', { id: s.id }, agent.token);
    expect(sent.data.sendMessage.delivery.state).toBe('PENDING');
    await expect.poll(() => sentTo().length, { timeout: 15_000 }).toBe(4);
    expect(sentTo()[3]).toMatchObject({ touser: 'wangwu', msgtype: 'text', agentid: 1000002, text: { content: '您好，我是人工客服' } });
    await expect.poll(() => events, { timeout: 15_000 }).toEqual([{ messageId: sent.data.sendMessage.id, state: 'DELIVERED', attempts: 1 }]);
    await expect.poll(async () => (await t.gql('query($id: Int!) { messages(sessionId: $id) { senderType delivery { state } } }', { id: s.id }, agent.token)).data.messages.map((x: any) => [x.senderType, x.delivery?.state ?? null]), { timeout: 15_000 }).toEqual([
      ['CONTACT', null], ['AI', 'DELIVERED'], ['CONTACT', null], ['AGENT', 'DELIVERED'],
    ]);
  });

  it('keeps a message over the rate limit, unanswered: WeCom was told "success" and will not send it again', async () => {
    const aiSaid = async () =>
      Number((await conn().execute(`select count(*)::int as n from message m join session s on s.id = m.session_id join contact c on c.id = s.contact_id where c.external_id = 'flood' and m.sender_type = 'ai'`))[0]!.n);
    // CHAT_MESSAGES_PER_CONTACT_PER_MINUTE is 30 here: three more than the limit within the minute.
    for (let i = 0; i < 33; i++) expect(await postXml(text('flood', `第${i}个问题：营业时间？`, `770${String(i).padStart(3, '0')}`))).toEqual({ status: 200, text: 'success' });
    await expect.poll(() => said('flood'), { timeout: 20_000 }).toBe(33);
    await expect.poll(aiSaid, { timeout: 20_000 }).toBe(30);
    await new Promise((r) => setTimeout(r, 300));
    expect(await aiSaid()).toBe(30);
  });
});

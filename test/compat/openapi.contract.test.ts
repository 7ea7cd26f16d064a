import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wecomEncrypt, wecomSignature } from '../../src/services/channel/wecom-crypto.js';
import { gatewaySignature } from '../../src/services/channel/gateway-signature.js';
import { startGatewayReceiver, startWecomApi, wecomPost, wecomText } from '../support/channel-fakes.js';
import { md5 } from '../support/factories.js';
import { ContractClient, type Answer } from '../support/openapi-contract.js';
import { ADMIN_PASSWORD, ADMIN_USER, startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const WECOM = { token: 'contractToken1', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'ww-contract', agentId: '1000002' };

/** The ai-staff envelope's success. */
const ok = (a: Answer) => {
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  expect(a.body.header?.code ?? a.body.code, JSON.stringify(a.body)).toBe(0);
  return a.body.data;
};

/**
 * Every documented operation, sent as a client would against the real app, each answer checked
 * against /openapi.json (status, media type, schema): the document cannot drift from the code.
 */
describe('the OpenAPI document (/openapi.json) against the real app', () => {
  let t: TestApp;
  let api: ContractClient;
  let receiver: Awaited<ReturnType<typeof startGatewayReceiver>>;
  let wecomApi: Awaited<ReturnType<typeof startWecomApi>>;
  const token = (tok: string) => ({ 'auth-token': tok });
  const post = (path: string, json: unknown, tok?: string) => api.send({ method: 'POST', path, json, headers: tok ? token(tok) : {} });

  beforeAll(async () => {
    [receiver, wecomApi] = await Promise.all([startGatewayReceiver(), startWecomApi({ corpId: WECOM.corpId, corpSecret: 'contract-secret' })]);
    t = await startTestApp({ WECOM_API_BASE: wecomApi.url });
    const res = await fetch(`${t.url}/openapi.json`);
    expect(res.status).toBe(200);
    api = new ContractClient(t.url, await res.json());
    // Kept for reading (gitignored): the document as this run served it.
    await mkdir('test-artifacts', { recursive: true });
    await writeFile(path.resolve('test-artifacts/openapi.json'), JSON.stringify(api.doc, null, 2));
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    await wecomApi?.close();
  });

  it('is a valid OpenAPI 3.1 document, with the seeds’ comments as descriptions and each envelope named once', async () => {
    const result = await new Validator().validate(api.doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(api.doc.openapi).toBe('3.1.0');
    const schemas = api.doc.components.schemas;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['AiStaffError', 'MultichannelError', 'AgentConsoleError', 'GatewayError', 'PlainError', 'Staff', 'SessionInfo']));
    expect(schemas.Staff.properties.state.description).toContain('0=未激活 1=正常 2=接近过期 3=已过期');
    expect(schemas.AiStaffError.description).toContain('1006');
    expect(Object.keys(api.doc.components.securitySchemes)).toEqual(['authToken', 'bearer', 'staffKeys']);
  });

  it('documents every route the app mounts, and mounts every route it documents', () => {
    const documented = Object.entries(api.doc.paths).flatMap(([p, item]) => Object.keys(item as object).map((m) => `${m} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
    // Not REST: the GraphQL IDE, the reference page's own assets, and the ai-staff API's 404 for unknown paths.
    const notRest = ['get /graphiql', 'get /docs/init.js', 'get /docs/assets/swagger-ui.css', 'get /docs/assets/swagger-ui-bundle.js', '_all /api/*path'];
    const mounted = t.app.routes().filter((r) => !notRest.includes(r));
    expect([...mounted].sort()).toEqual([...documented].sort());
  });

  it('matches every REST answer of every documented operation', async () => {
    // Service and the document itself.
    await api.send({ method: 'GET', path: '/healthz' });
    await api.send({ method: 'GET', path: '/readyz' });
    await api.send({ method: 'GET', path: '/openapi.json' });
    expect((await api.send({ method: 'GET', path: '/docs' })).type).toBe('text/html');

    // Accounts: a merchant through the real flow, a reset, admin login and logouts.
    const userName = `contract_${Date.now()}`;
    const email = `${userName}@shop.example`;
    const password = md5('contract-pw');
    ok(await post('/api/v1/customer/send/code', { user_name: userName, email, action_type: 0, language: 'en' }));
    const regCode = await t.mailbox.code(email);
    const merchantId = ok(await post('/api/v1/customer/register', { user_name: userName, password, email, reg_code: regCode })).id;
    const spare = ok(await post('/api/v1/customer/login', { user_name: userName, password })).token;
    ok(await post('/api/v1/customer/logout', {}, spare));
    await t.app.orm.em.fork().getConnection().execute(`update verification_code set created_at = created_at - interval '61 seconds' where email = ?`, [email]);
    ok(await post('/api/v1/customer/send/code', { email, action_type: 1 }));
    const resetCode = await t.mailbox.code(email);
    ok(await post('/api/v1/customer/reset/password', { email, reg_code: resetCode, password }));
    // After the reset: it revokes the merchant's tokens.
    const m = ok(await post('/api/v1/customer/login', { user_name: userName, password }));
    expect(m.customer_id).toBe(merchantId);
    const merchant: string = m.token;
    const adminSpare = ok(await post('/api/v1/admin/login', { user_name: ADMIN_USER, password: md5(ADMIN_PASSWORD) })).token;
    ok(await post('/api/v1/admin/logout', {}, adminSpare));
    const admin: string = ok(await post('/api/v1/admin/login', { user_name: ADMIN_USER, password: md5(ADMIN_PASSWORD) })).token;

    // ai-staff errors: no token (401), invalid params, wrong password (HTTP 200 with a code).
    expect((await post('/api/v1/customer/list/staff', {})).status).toBe(401);
    expect((await post('/api/v1/customer/create/staff', { name: '', org_name: '' }, merchant)).body.header.code).toBe(1003);
    expect((await post('/api/v1/customer/login', { user_name: userName, password: md5('wrong') })).body.header.code).toBe(1002);

    // Staff.
    const persona = { name: 'Contract staff', org_name: '销售部', tone: 'friendly and sincere', output_length: 'concise', language_mode: 'written', language_response: 'Chinese', greetings: '您好' };
    const staffId = ok(await post('/api/v1/customer/create/staff', persona, merchant)).id;
    const staff = ok(await post('/api/v1/customer/list/staff', { id: staffId, page_no: 0, page_size: 10 }, merchant)).list[0];
    ok(await post('/api/v1/customer/edit/staff', { id: staffId, description: 'edited', is_frozen: 0 }, merchant));
    ok(await post('/api/v1/customer/frozen/staff', { id: staffId }, merchant));
    ok(await post('/api/v1/customer/unfrozen/staff', { id: String(staffId) }, merchant));
    expect(ok(await post('/api/v1/customer/query/staff', { serial_no: staff.serial_no })).list[0].api_key).toBe('');
    const doomed = ok(await post('/api/v1/customer/create/staff', { ...persona, name: 'Doomed' }, merchant)).id;
    ok(await post('/api/v1/customer/delete/staff', { id: doomed }, merchant));

    // Products and trades (the sandbox provider, no payment configured).
    const product = { name: 'Contract plan', price: '199.00', currency: 'CNY', state: 1, language: 'zh-CN', description: '标准版', trial_days: 7, expiring_days: 31 };
    const productId = ok(await post('/api/v1/admin/create/production', product, admin)).id;
    ok(await post('/api/v1/admin/list/production', { id: productId }, admin));
    ok(await post('/api/v1/customer/list/production', {}, merchant));
    ok(await post('/api/v1/admin/edit/production', { id: productId, description: '标准版包月' }, admin));
    const trade = ok(await post('/api/v1/customer/pay/staff', { id: staffId, production_id: productId, pay_type: 'alipay' }, merchant));
    ok(await post('/api/v1/customer/query/trade', { trade_no: trade.trade_no }, merchant));
    await api.send({ method: 'GET', path: '/pay/sandbox/{tradeNo}', params: { tradeNo: trade.trade_no } });
    expect((await api.send({ method: 'POST', path: '/pay/sandbox/{tradeNo}', params: { tradeNo: trade.trade_no }, headers: { accept: 'application/json' } })).body.state).toBe(1);
    await api.send({ method: 'GET', path: '/pay/return/{tradeNo}', params: { tradeNo: trade.trade_no } });
    expect((await api.send({ method: 'GET', path: '/pay/return/{tradeNo}', params: { tradeNo: 'NO-SUCH' }, headers: { accept: 'application/json' } })).status).toBe(404);
    ok(await post('/api/v1/customer/list/billing', { page_no: 0 }, merchant));
    expect((await api.send({ method: 'POST', path: '/api/v1/pay/notify/{provider}', params: { provider: 'stripe' }, raw: { type: 'application/json', body: '{}' } })).status).toBe(404);
    const spareProduct = ok(await post('/api/v1/admin/create/production', { ...product, name: 'Spare plan' }, admin)).id;
    ok(await post('/api/v1/admin/delete/production', { id: spareProduct }, admin));

    // Knowledge: upload, add, list, sync, the stored file, delete.
    const form = new FormData();
    form.append('file_name', 'hours.md');
    form.append('file_data', new Blob(['# 营业时间\n\n每天上午9点到晚上9点。\n']), 'hours.md');
    const file = ok(await api.send({ method: 'POST', path: '/api/v1/customer/upload/file', headers: token(merchant), raw: { type: 'multipart/form-data', body: form } }));
    ok(await post('/api/v1/customer/update/doc', { staff_id: staffId, docs: [file] }, merchant));
    const doc = ok(await post('/api/v1/customer/list/doc', { staff_id: staffId }, merchant)).list[0];
    ok(await post('/api/v1/customer/sync/doc', { staff_id: staffId }, merchant));
    expect((await api.send({ method: 'GET', path: '/assets/files/{filePath}', params: { filePath: file.file_path } })).status).toBe(200);
    expect((await api.send({ method: 'GET', path: '/assets/files/{filePath}', params: { filePath: 'no-such-file' } })).status).toBe(404);
    expect((await api.send({ method: 'GET', path: '/assets/audio/{name}', params: { name: `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}.mp3` } })).status).toBe(404);

    // Agents.
    const agentPassword = md5('agent-pw');
    const agentName = `agent_${Date.now()}`;
    const agentId = ok(await post('/api/v1/customer/create/agent', { user_name: agentName, password: agentPassword, name: 'Agent C', staff_ids: [staffId], max_sessions: 3 }, merchant)).id;
    ok(await post('/api/v1/customer/list/agent', { staff_id: staffId }, merchant));
    ok(await post('/api/v1/customer/edit/agent', { id: agentId, auto_accept: false }, merchant));
    const agentSpare = ok(await post('/api/v1/agent/login', { user_name: agentName, password: agentPassword })).token;
    ok(await post('/api/v1/agent/logout', {}, agentSpare));
    const agent: string = ok(await post('/api/v1/agent/login', { user_name: agentName, password: agentPassword })).token;

    // Web chat: the page and both picture uploads.
    await api.send({ method: 'GET', path: '/chat/{serialNo}', params: { serialNo: staff.serial_no } });
    expect((await api.send({ method: 'GET', path: '/chat/{serialNo}', params: { serialNo: 'no-such-staff' } })).status).toBe(404);
    expect((await api.send({ method: 'GET', path: '/widget.js' })).type).toBe('application/javascript');
    expect((await api.send({ method: 'GET', path: '/chat/{serialNo}/launcher.json', params: { serialNo: staff.serial_no } })).body).toMatchObject({ name: expect.any(String) });
    expect((await api.send({ method: 'GET', path: '/chat/{serialNo}/launcher.json', params: { serialNo: 'no-such-staff' } })).status).toBe(404);
    const picture = () => {
      const f = new FormData();
      f.append('file_data', new Blob([new Uint8Array(PNG)]), 'dot.png');
      return f;
    };
    const keys = { authorization: basicAuth(staff.api_key, staff.secret_key).authorization };
    ok(await api.send({ method: 'POST', path: '/api/v1/chat/upload', query: { contact_id: 'contract-contact' }, headers: keys, raw: { type: 'multipart/form-data', body: picture() } }));
    ok(await api.send({ method: 'POST', path: '/chat/{serialNo}/upload', params: { serialNo: staff.serial_no }, query: { contact_id: `page-${'c'.repeat(32)}` }, raw: { type: 'multipart/form-data', body: picture() } }));
    expect((await api.send({ method: 'POST', path: '/api/v1/chat/upload', headers: keys, raw: { type: 'multipart/form-data', body: picture() } })).body.header.code).toBe(1003);

    // Sessions: a contact asks for a person, the agent accepts, replies and closes.
    const contact = await FrameClient.open(`${t.url.replace('http', 'ws')}/ws?contact_id=contract-session`, basicAuth(staff.api_key, staff.secret_key));
    contact.send({ action: 'chat', content: '转人工' });
    await contact.untilEof();
    contact.close();
    const bearer = (tok: string) => ({ authorization: `Bearer ${tok}` });
    const sessions = ok(await api.send({ method: 'GET', path: '/api/sessions', query: { status: 'pending' }, headers: bearer(merchant) }));
    const sessionId = sessions.find((s: any) => s.customerId === 'contract-session').sessionId;
    ok(await api.send({ method: 'GET', path: '/api/sessions/{sessionId}', params: { sessionId }, headers: bearer(merchant) }));
    ok(await api.send({ method: 'POST', path: '/api/sessions/{sessionId}/accept', params: { sessionId }, json: {}, headers: bearer(agent) }));
    ok(await api.send({ method: 'POST', path: '/api/sessions/{sessionId}/message', params: { sessionId }, json: { content: '您好', msgType: 'text' }, headers: bearer(agent) }));
    ok(await api.send({ method: 'POST', path: '/api/sessions/{sessionId}/notes', params: { sessionId }, json: { content: 'called back' }, headers: bearer(agent) }));
    expect(ok(await api.send({ method: 'GET', path: '/api/sessions/{sessionId}/history', params: { sessionId }, headers: bearer(merchant) })).map((m: { senderType: string }) => m.senderType)).toContain('note');
    const day = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    expect((await api.send({ method: 'GET', path: '/api/v1/reports.csv', query: day, headers: bearer(merchant) })).type).toBe('text/csv');
    expect((await api.send({ method: 'GET', path: '/api/v1/reports.csv', query: { from: 'yesterday', to: day.to }, headers: bearer(merchant) })).status).toBe(400);
    expect((await api.send({ method: 'GET', path: '/api/v1/reports.csv', query: day })).status).toBe(401);
    ok(await api.send({ method: 'POST', path: '/api/sessions/{sessionId}/close', params: { sessionId }, headers: bearer(agent) }));
    expect((await api.send({ method: 'GET', path: '/api/sessions/{sessionId}', params: { sessionId: '999999' }, headers: bearer(merchant) })).status).toBe(404);
    expect((await api.send({ method: 'GET', path: '/api/sessions', query: { status: 'nonsense' }, headers: bearer(merchant) })).status).toBe(400);
    expect((await api.send({ method: 'GET', path: '/api/sessions' })).status).toBe(401);

    // Agent console HTTP, with the staff's keys.
    const consolePost = (path: string, json: unknown, headers: Record<string, string> = keys) => api.send({ method: 'POST', path, json, headers });
    ok(await consolePost('/api/chat/send_to_group', { bid: staffId, data: { type: 'notice', text: 'hi' } }));
    ok(await consolePost('/api/chat/send_to_customer', { customer_id: agentId, data: { type: 'notice' } }));
    ok(await consolePost('/api/customer/list', { bid: staffId }));
    ok(await consolePost('/api/customer/info', { customer_id: agentId }));
    ok(await consolePost('/api/customer/info', { customer_id: agentId }, token(merchant)));
    ok(await consolePost('/api/customer/is_online', { customer_id: agentId }));
    expect((await consolePost('/api/customer/is_online', { customer_id: 999999 })).body.code).toBe(404);
    expect((await consolePost('/api/customer/list', { bid: staffId }, {})).status).toBe(401);

    // Channels and their callbacks: a gateway message, WeCom's URL check, a refused WeCom post.
    const secret = 'contract-gateway-secret';
    const channelId = ok(await post('/api/v1/customer/create/channel', { staff_id: staffId, channel_type: 'wechat', account_id: 'gh_contract', secret, outbound_url: receiver.url }, merchant)).id;
    ok(await post('/api/v1/customer/list/channel', { channel_type: 'wechat' }, merchant));
    ok(await post('/api/v1/customer/edit/channel', { id: channelId, outbound_url: receiver.url }, merchant));
    const message = { account_id: 'gh_contract', msg_id: 'm-1', user_id: 'u-1', nickname: 'Wu', msg_type: 'text', content: '营业时间?' };
    const raw = JSON.stringify(message);
    const ts = String(Math.floor(Date.now() / 1000));
    const signed = (nonce: string, signature = gatewaySignature(secret, ts, nonce, raw)) => ({ 'x-timestamp': ts, 'x-nonce': nonce, 'x-signature': signature });
    const gateway = (headers: Record<string, string>, type = 'wechat') =>
      api.send({ method: 'POST', path: '/channel/{channelType}/callback', params: { channelType: type }, headers, raw: { type: 'application/json', body: raw } });
    expect(ok(await gateway(signed('n-1'))).msg_id).toBe('m-1');
    expect((await gateway(signed('n-2', 'bad'))).status).toBe(401);
    expect((await gateway(signed('n-3'), 'icq')).status).toBe(404);
    ok(await post('/api/v1/customer/create/channel', { staff_id: staffId, channel_type: 'wecom', token: WECOM.token, encoding_aes_key: WECOM.encodingAesKey, corp_id: WECOM.corpId, agent_id: WECOM.agentId, app_secret: 'contract-secret' }, merchant));
    const echostr = wecomEncrypt(WECOM.encodingAesKey, 'echo-1234', WECOM.corpId);
    const verify = await api.send({ method: 'GET', path: '/wecom/callback', query: { msg_signature: wecomSignature(WECOM.token, ts, '77', echostr), timestamp: ts, nonce: '77', echostr } });
    expect(verify.body).toBe('echo-1234');
    const refused = await api.send({ method: 'POST', path: '/wecom/callback', query: { msg_signature: 'bad', timestamp: ts, nonce: '78' }, raw: { type: 'text/xml', body: `<xml><ToUserName>${WECOM.corpId}</ToUserName><Encrypt>x</Encrypt></xml>` } });
    expect(refused.status).toBe(401);
    const xml = wecomPost(WECOM, wecomText({ corpId: WECOM.corpId, agentId: WECOM.agentId, from: 'wx-user', content: '你好', msgId: 'wx-1' }));
    const q = Object.fromEntries(new URLSearchParams(xml.query));
    expect((await api.send({ method: 'POST', path: '/wecom/callback', query: q, raw: { type: 'text/xml', body: xml.body } })).body).toBe('success');
    ok(await post('/api/v1/customer/delete/channel', { id: channelId }, merchant));

    // Webhooks: register, list, edit, a test send and its log, send it again, a new secret, delete.
    const hook = ok(await post('/api/v1/customer/create/webhook', { url: receiver.url, event_types: ['session.opened', 'message.created'] }, merchant));
    expect(hook.secret).toMatch(/^whsec_/);
    ok(await post('/api/v1/customer/list/webhook', {}, merchant));
    ok(await post('/api/v1/customer/edit/webhook', { id: hook.id, description: 'contract' }, merchant));
    ok(await post('/api/v1/customer/test/webhook', { id: hook.id }, merchant));
    const log = ok(await post('/api/v1/customer/list/webhook_delivery', { webhook_id: hook.id }, merchant));
    ok(await post('/api/v1/customer/redeliver/webhook_delivery', { id: log.list[0].id }, merchant));
    expect(ok(await post('/api/v1/customer/rotate/webhook_secret', { id: hook.id }, merchant)).secret).toMatch(/^whsec_/);
    expect((await post('/api/v1/customer/create/webhook', { url: 'ftp://nowhere', event_types: ['session.opened'] }, merchant)).body.header.code).toBe(1003);
    ok(await post('/api/v1/customer/delete/webhook', { id: hook.id }, merchant));

    // Last, what removes: the document, the agent.
    ok(await post('/api/v1/customer/delete/doc', { staff_id: staffId, ids: [doc.id] }, merchant));
    ok(await post('/api/v1/customer/delete/agent', { id: agentId }, merchant));

    expect(api.missing()).toEqual([]);
    const surfaces = api.doc.tags.map((tag: { name: string }) => tag.name).filter((name: string) => name !== 'service');
    const withoutError = surfaces.filter((s: string) => !api.errorsBySurface.has(s));
    // Every surface answered at least one documented error envelope.
    expect(withoutError.filter((s: string) => !s.startsWith('ai-staff'))).toEqual([]);
    expect(api.errorsBySurface.has('ai-staff: staff')).toBe(true);
  }, 240_000);
});

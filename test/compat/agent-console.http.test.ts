import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

describe('agent-console HTTP endpoints (§17, §18)', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  let agent: AgentFixture;
  let other: AgentFixture;
  let console: FrameClient;
  let clientId: string;

  beforeAll(async () => {
    t = await startTestApp();
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token);
    agent = await createAgent(t, merchant.token, [staff.id], { name: 'Ivy' });
    other = await createAgent(t, merchant.token, [staff.id], { name: 'Jay' });
    console = await FrameClient.open(`${t.url.replace('http', 'ws')}/ws/kf`);
    console.send({ method: 'login', token: agent.token });
    clientId = (await console.nextJson({ method: 'login' })).client_id;
  });
  afterAll(async () => {
    console?.close();
    await t?.close();
  });

  const post = async (path: string, body: unknown, headers: Record<string, string> = basicAuth(staff.apiKey, staff.secretKey)) => {
    const res = await fetch(`${t.url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('lists the online agents of a staff, and tells one agent\'s details and presence', async () => {
    const list = await post('/api/customer/list', { bid: staff.id });
    expect(list.body).toEqual({ code: 0, msg: 'ok', data: [{ customer_id: agent.id, customer_name: 'Ivy', status: 1 }] });
    const info = await post('/api/customer/info', { customer_id: agent.id });
    expect(info.body).toEqual({ code: 0, msg: 'ok', data: { bid: String(staff.id), customer_name: 'Ivy', customer_id: agent.id, status: 1, connecting_user: [] } });
    expect((await post('/api/customer/is_online', { customer_id: agent.id })).body.data).toEqual({ is_online: 1 });
    expect((await post('/api/customer/is_online', { customer_id: other.id }, { 'auth-token': merchant.token })).body.data).toEqual({ is_online: 0 });
  });

  it('pushes data to a staff\'s consoles (send_to_group) and to one agent (send_to_customer)', async () => {
    const data = { method: 'set_customer_status_push', customer_id: '1', customer_name: 'test1', status: 1 };
    expect((await post('/api/chat/send_to_group', { bid: staff.id, exclude_client_id: [], data })).body.code).toBe(0);
    expect(await console.nextJson({ method: 'set_customer_status_push', customer_name: 'test1' })).toEqual(data);
    // Excluded clients hear nothing.
    await post('/api/chat/send_to_group', { bid: staff.id, exclude_client_id: [clientId], data: { method: 'excluded' } });
    const direct = { method: 'chat', userid: 'u1', user_query: { type: 'text', text: '你好' }, bot_response: [{ type: 'text', text: '你好啊' }] };
    expect((await post('/api/chat/send_to_customer', { customer_id: agent.id, data: direct }, { 'auth-token': merchant.token })).body.code).toBe(0);
    expect(await console.nextJson({ method: 'chat' })).toEqual(direct);
    expect(console.frames.some((f) => f.includes('"excluded"'))).toBe(false);
  });

  it('needs credentials (HTTP 401 with code 401) and keeps keys to their own staff and tenant', async () => {
    const none = await post('/api/customer/list', { bid: staff.id }, {});
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: 401, msg: expect.any(String) });
    expect((await post('/api/customer/list', { bid: staff.id }, basicAuth(staff.apiKey, 'wrong'))).status).toBe(401);
    expect((await post('/api/customer/list', { bid: staff.id }, { 'auth-token': agent.token })).status).toBe(401);

    const second = await createStaffWithKeys(t, merchant.token);
    expect((await post('/api/customer/list', { bid: second.id })).body.code).toBe(403);
    const stranger = await createMerchant(t);
    const strangerStaff = await createStaffWithKeys(t, stranger.token);
    const keys = basicAuth(strangerStaff.apiKey, strangerStaff.secretKey);
    expect((await post('/api/customer/info', { customer_id: agent.id }, keys)).body.code).toBe(404);
    expect((await post('/api/chat/send_to_customer', { customer_id: agent.id, data: { x: 1 } }, keys)).body.code).toBe(404);
    expect((await post('/api/customer/list', { bid: staff.id }, { 'auth-token': stranger.token })).body.code).toBe(404);
  });

  it.each([
    ['frozen', 'update staff set is_frozen = true where id = ?', /frozen/],
    ['expired', "update staff set trial_time = now() - interval '1 day', expiring_time = null where id = ?", /expired/],
    ['not activated', 'update staff set trial_time = null, expiring_time = null where id = ?', /not activated/],
  ])("refuses the keys of a %s staff with 403, on every endpoint", async (_kind, update, message) => {
    const s = await createStaffWithKeys(t, merchant.token);
    const a = await createAgent(t, merchant.token, [s.id]);
    const keys = basicAuth(s.apiKey, s.secretKey);
    expect((await post('/api/customer/list', { bid: s.id }, keys)).body.code).toBe(0);
    await t.app.orm.em.fork().getConnection().execute(update, [s.id]);
    const calls: [string, unknown][] = [
      ['/api/customer/list', { bid: s.id }],
      ['/api/customer/info', { customer_id: a.id }],
      ['/api/customer/is_online', { customer_id: a.id }],
      ['/api/chat/send_to_group', { bid: s.id, data: { method: 'x' } }],
      ['/api/chat/send_to_customer', { customer_id: a.id, data: { method: 'x' } }],
    ];
    for (const [path, body] of calls) {
      const res = await post(path, body, keys);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ code: 403, msg: expect.stringMatching(message) });
    }
  });

  it("answers a deleted staff's keys with 401", async () => {
    const s = await createStaffWithKeys(t, merchant.token);
    expect((await t.rest('/api/v1/customer/delete/staff', { id: s.id }, merchant.token)).body.header.code).toBe(0);
    const res = await post('/api/customer/list', { bid: s.id }, basicAuth(s.apiKey, s.secretKey));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 401 });
  });

  it('answers bad input with 400', async () => {
    expect((await post('/api/customer/list', {})).body.code).toBe(400);
    expect((await post('/api/customer/list', '{oops')).body.code).toBe(400);
    expect((await post('/api/chat/send_to_group', { bid: staff.id, data: 'x' })).body.code).toBe(400);
    expect((await post('/api/chat/send_to_group', { bid: staff.id, exclude_client_id: 'x', data: {} })).body.code).toBe(400);
    expect((await post('/api/customer/info', { customer_id: 'abc' })).body.code).toBe(400);
  });
});

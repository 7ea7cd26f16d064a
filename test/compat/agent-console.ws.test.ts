import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { freePort } from '../../src/core/db/embedded-postgres.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

describe('agent-console protocol (/ws/kf)', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;

  beforeAll(async () => {
    t = await startTestApp({ AGENT_WS_BEAT_MS: '400' });
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token, { language_response: 'English' });
  });
  afterAll(() => t?.close());

  async function loggedIn(agent: AgentFixture, extra: Record<string, unknown> = {}): Promise<FrameClient> {
    const c = (await FrameClient.open(ws('/ws/kf'))).answerBeats();
    c.send({ method: 'login', token: agent.token, ...extra });
    const reply = await c.nextJson({ method: 'login' });
    expect(reply.code).toBe(0);
    return c;
  }

  /** A contact who asked for a person, so its session waits in the queue. */
  async function waitingContact(userid: string, text = 'talk to a human'): Promise<FrameClient> {
    const c = await FrameClient.open(ws(`/ws?contact_id=${userid}`), basicAuth(staff.apiKey, staff.secretKey));
    c.send({ action: 'chat', content: text });
    await c.untilEof();
    return c;
  }

  it('logs in with the seed fields and tells the others (login_push)', async () => {
    const a = await createAgent(t, merchant.token, [staff.id], { name: 'Alice' });
    const b = await createAgent(t, merchant.token, [staff.id], { name: 'Bob' });
    const ca = await loggedIn(a);
    const cb = (await FrameClient.open(ws('/ws/kf'))).answerBeats();
    cb.send({ method: 'login', token: b.token });
    const reply = await cb.nextJson({ method: 'login' });
    expect(reply).toMatchObject({ code: 0, method: 'login', head_img: '', client_id: expect.any(String), timestamp: expect.any(Number) });
    expect(reply.customer_list).toEqual(
      expect.arrayContaining([
        { customer_id: a.id, customer_name: 'Alice', head_img: '', status: 1 },
        { customer_id: b.id, customer_name: 'Bob', head_img: '', status: 1 },
      ]),
    );
    expect(await ca.nextJson({ method: 'login_push' })).toEqual({ code: 0, method: 'login_push', customer_name: 'Bob', customer_id: b.id, timestamp: expect.any(Number) });

    cb.send({ method: 'set_customer_status', status: 3 });
    expect(await cb.nextJson({ method: 'set_customer_status' })).toEqual({ method: 'set_customer_status', code: 0, msg: 'ok' });
    expect(await ca.nextJson({ method: 'set_customer_status_push' })).toEqual({ code: 0, method: 'set_customer_status_push', customer_id: String(b.id), customer_name: 'Bob', status: 3 });
    cb.send({ method: 'set_customer_status', status: 9 });
    expect(await cb.nextJson({ method: 'set_customer_status' })).toMatchObject({ code: 400 });

    cb.send({ method: 'logout' });
    expect(await cb.nextJson({ method: 'logout' })).toMatchObject({ code: 0 });
    expect((await cb.closed).code).toBe(1000);
    expect(await ca.nextJson({ method: 'logout_push' })).toEqual({ code: 0, method: 'logout_push', customer_id: b.id, customer_name: 'Bob', timestamp: expect.any(Number) });
    ca.close();
  });

  it('refuses a bad token with 440 and keeps the socket for another try', async () => {
    const a = await createAgent(t, merchant.token, [staff.id]);
    const c = (await FrameClient.open(ws('/ws/kf'))).answerBeats();
    c.send({ method: 'login', token: 'nope' });
    expect(await c.nextJson()).toEqual({ code: 440, msg: 'Invalid token', method: 'login' });
    c.send({ method: 'login', token: merchant.token });
    expect(await c.nextJson()).toMatchObject({ code: 440 });
    c.send({ method: 'get_wait_user_list' });
    expect(await c.nextJson()).toMatchObject({ code: 440, method: 'get_wait_user_list' });
    c.send({ method: 'login', token: a.token });
    expect(await c.nextJson({ method: 'login' })).toMatchObject({ code: 0 });
    c.close();
  });

  it('allows one login per agent: 490 without force_online, 492 to the old one with it', async () => {
    const a = await createAgent(t, merchant.token, [staff.id]);
    const first = await loggedIn(a);
    const second = (await FrameClient.open(ws('/ws/kf'))).answerBeats();
    second.send({ method: 'login', token: a.token });
    expect(await second.nextJson()).toEqual({ code: 490, msg: '该账号已在别处登录', method: 'login' });
    second.send({ method: 'login', token: a.token, force_online: 1 });
    expect(await second.nextJson({ method: 'login' })).toMatchObject({ code: 0 });
    expect(await first.nextJson()).toEqual({ code: 492, msg: '该账号已在别处登录，你已被强制下线', method: 'login' });
    expect((await first.closed).code).toBe(4003);
    // The new login stays online although the old socket closed.
    const online = await fetch(`${t.url}/api/customer/is_online`, { method: 'POST', headers: basicAuth(staff.apiKey, staff.secretKey), body: JSON.stringify({ customer_id: a.id }) });
    expect(await online.json()).toEqual({ code: 0, msg: 'ok', data: { is_online: 1 } });
    second.close();
  });

  it('sends beat, and closes after three unanswered beats; a console that answers stays', async () => {
    const silent = await FrameClient.open(ws('/ws/kf'));
    const a = await createAgent(t, merchant.token, [staff.id]);
    silent.send({ method: 'login', token: a.token });
    await silent.nextJson({ method: 'login' });
    expect(await silent.next(2000)).toBe('beat');
    expect((await silent.closed).code).toBe(4001);

    const b = await createAgent(t, merchant.token, [staff.id]);
    const alive = await loggedIn(b);
    const answering = setInterval(() => alive.ws.readyState === alive.ws.OPEN && alive.send('beat'), 150);
    await new Promise((r) => setTimeout(r, 2500));
    expect(alive.ws.readyState).toBe(alive.ws.OPEN);
    clearInterval(answering);
    alive.close();
  });

  it('closes a socket that never logs in', async () => {
    const c = await FrameClient.open(ws('/ws/kf'));
    expect((await c.closed).code).toBe(4002);
  });

  it('answers bad frames with 400 and stays up; a frame over 1 MB closes only that socket', async () => {
    const a = await createAgent(t, merchant.token, [staff.id]);
    const c = await loggedIn(a);
    c.send('not json');
    expect(await c.nextJson()).toEqual({ code: 400, msg: 'The frame is not a JSON object' });
    c.send({ method: 'fly_to_the_moon' });
    expect(await c.nextJson()).toEqual({ code: 400, msg: 'Unknown method: fly_to_the_moon', method: 'fly_to_the_moon' });
    c.send({ method: 'connect' });
    expect(await c.nextJson({ method: 'connect' })).toMatchObject({ code: 400, msg: 'userid: is required' });
    c.send({ method: 'get_chat_record', userid: 'x', page: 'abc' });
    expect((await c.nextJson({ method: 'get_chat_record' })).code).toBeGreaterThanOrEqual(400);
    c.send([1, 2]);
    expect(await c.nextJson()).toMatchObject({ code: 400 });

    const big = await loggedIn(await createAgent(t, merchant.token, [staff.id]));
    big.send('x'.repeat(1024 * 1024 + 10));
    expect((await big.closed).code).toBe(1009);
    c.send({ method: 'get_wait_user_list' });
    expect(await c.nextJson({ method: 'get_wait_user_list' })).toMatchObject({ code: 0 });
    c.close();
  });

  it('lists waiting users, connects one, chats, transfers and disconnects, with pushes to the others', async () => {
    const a = await createAgent(t, merchant.token, [staff.id], { name: 'Ann' });
    const b = await createAgent(t, merchant.token, [staff.id], { name: 'Ben' });
    const ca = await loggedIn(a);
    const cb = await loggedIn(b);

    const contact = await waitingContact('u-flow', 'I need a real person please');
    expect(await ca.nextJson({ method: 'wait_list_push' })).toMatchObject({ code: 0, userid: 'u-flow', user_query: [{ type: 'text', value: { text: 'I need a real person please' } }] });
    contact.send({ action: 'chat', content: 'anyone there?' });
    expect(await contact.untilEof()).toMatch(/Connecting you to a person/);
    expect(await cb.nextJson({ method: 'wait_list_push' })).toMatchObject({ userid: 'u-flow' });

    ca.send({ method: 'get_wait_user_list', bid: staff.id });
    const wait = await ca.nextJson({ method: 'get_wait_user_list' });
    expect(wait.data.user_list).toContainEqual({
      userid: 'u-flow',
      head_img: '',
      nickname: '',
      last_message: [{ type: 'text', value: { text: 'anyone there?' } }],
      // The helpdesk addition (docs/helpdesk.md).
      handoff_summary: expect.stringContaining('I need a real person please'),
    });

    ca.send({ method: 'connect', userid: 'u-flow' });
    expect(await ca.nextJson({ method: 'connect' })).toEqual({ method: 'connect', code: 0, msg: 'ok' });
    expect(await cb.nextJson({ method: 'connect_push' })).toEqual({ code: 0, method: 'connect_push', userid: 'u-flow', event_seq: expect.any(Number) });
    cb.send({ method: 'connect', userid: 'u-flow' });
    expect(await cb.nextJson({ method: 'connect' })).toMatchObject({ code: 409 });

    ca.send({ method: 'get_current_session_list', bid: staff.id, customer_id: a.id });
    const current = await ca.nextJson({ method: 'get_current_session_list' });
    expect(current.data.user_list.map((u: { userid: string }) => u.userid)).toEqual(['u-flow']);

    ca.send({ method: 'send_to_user', userid: 'u-flow', message: [{ type: 'text', value: { text: 'Hi, Ann here' } }, { type: 'picture', value: { url: 'https://img.example/x.png' } }, { type: 'text', value: {} }] });
    expect(await ca.nextJson({ method: 'send_to_user' })).toEqual({ code: 0, method: 'send_to_user', data: { failure: 1, success: 2 } });
    expect(await contact.untilEof()).toBe('Ann has joined the conversation.');
    expect(await contact.untilEof()).toBe('Hi, Ann here');
    expect(await contact.untilEof()).toBe('https://img.example/x.png');
    contact.send({ action: 'chat', content: 'thanks Ann' });
    expect(await contact.untilEof()).toBe('');
    expect(await ca.nextJson({ method: 'connect_list_push' })).toMatchObject({ userid: 'u-flow', user_query: [{ value: { text: 'thanks Ann' } }] });

    ca.send({ method: 'get_user_info', userid: 'u-flow' });
    const info = await ca.nextJson({ method: 'get_user_info' });
    expect(info).toMatchObject({ code: 0, data: { bid: staff.id, openid: 'u-flow', nickname: '', sex: 0, wid: staff.id } });
    expect(Object.keys(info.data).sort()).toEqual(['active_time', 'att_time', 'bid', 'city', 'country', 'head_img', 'mobile', 'nickname', 'openid', 'province', 'realname', 'sex', 'wid']);

    ca.send({ method: 'get_chat_record', bid: staff.id, customer_id: a.id, userid: 'u-flow', page: 1, pagesize: 2 });
    const page1 = await ca.nextJson({ method: 'get_chat_record' });
    expect(page1.data.list_chat.map((r: any) => r.message.value.text ?? r.message.value.url)).toEqual(['https://img.example/x.png', 'thanks Ann']);
    ca.send({ method: 'get_chat_record', bid: staff.id, customer_id: a.id, userid: 'u-flow', page: 2, pagesize: 2 });
    const page2 = await ca.nextJson({ method: 'get_chat_record' });
    expect(page2.data.list_chat.map((r: any) => [r.is_robot, r.message.value.text])).toEqual([
      [0, 'anyone there?'],
      [0, 'Hi, Ann here'],
    ]);
    ca.send({ method: 'get_chat_record', userid: 'u-flow', page: 3, pagesize: 2 });
    const page3 = await ca.nextJson({ method: 'get_chat_record' });
    expect(page3.data.list_chat.map((r: any) => r.is_robot)).toEqual([0]);

    // Transfer back to the queue: Ben hears of it, and can take it.
    ca.send({ method: 'transform', userid: 'u-flow' });
    expect(await ca.nextJson({ method: 'transform' })).toEqual({ code: 0, method: 'transform', msg: 'ok' });
    expect(await cb.nextJson({ method: 'transfer_push' })).toEqual({ code: 0, method: 'transfer_push', userid: 'u-flow', event_seq: expect.any(Number) });
    // To a named agent.
    cb.send({ method: 'connect', userid: 'u-flow' });
    expect(await cb.nextJson({ method: 'connect' })).toMatchObject({ code: 0 });
    cb.send({ method: 'transform', userid: 'u-flow', customer_id: a.id });
    expect(await cb.nextJson({ method: 'transform' })).toMatchObject({ code: 0 });
    expect(await ca.nextJson({ method: 'connect_list_push' })).toMatchObject({ userid: 'u-flow' });

    ca.send({ method: 'disconnect', userid: 'u-flow' });
    expect(await ca.nextJson({ method: 'disconnect' })).toEqual({ method: 'disconnect', code: 0, msg: 'ok', userid: 'u-flow' });
    expect(await contact.untilEof()).toBe('Ben has joined the conversation.');
    // Ben handed it to Ann by name: the contact is introduced to her.
    expect(await contact.untilEof()).toBe('Ann has joined the conversation.');
    expect(await contact.untilEof()).toContain('This conversation has ended');
    ca.send({ method: 'disconnect', userid: 'u-flow' });
    expect(await ca.nextJson({ method: 'disconnect' })).toMatchObject({ code: 404 });
    contact.close();
    ca.close();
    cb.close();
  });

  it('auto-accepts for the least loaded agent within capacity, and queues the rest in order', async () => {
    const m = await createMerchant(t);
    const st = await createStaffWithKeys(t, m.token, { language_response: 'English' });
    const a = await createAgent(t, m.token, [st.id], { max_sessions: 1 });
    const b = await createAgent(t, m.token, [st.id], { max_sessions: 1 });
    const ca = await loggedIn(a);
    const cb = await loggedIn(b);
    for (const c of [ca, cb]) {
      c.send({ method: 'set_auto_connect_status', status: 1 });
      await c.nextJson({ method: 'set_auto_connect_status' });
    }
    const contacts: FrameClient[] = [];
    const replies: string[] = [];
    for (const id of ['q1', 'q2', 'q3', 'q4']) {
      const c = await FrameClient.open(ws(`/ws?contact_id=${id}`), basicAuth(st.apiKey, st.secretKey));
      c.send({ action: 'chat', content: 'human agent' });
      replies.push(await c.untilEof());
      contacts.push(c);
    }
    const sessions = async () => (await (await fetch(`${t.url}/api/sessions`, { headers: { 'auth-token': m.token } })).json()) as any;
    await expect.poll(async () => (await sessions()).data.filter((s: any) => s.status === 'manual').length).toBe(2);
    const list = (await sessions()).data;
    const owners = list.filter((s: any) => s.status === 'manual').map((s: any) => s.manualCsId).sort();
    expect(owners).toEqual([String(a.id), String(b.id)].sort());
    const waiting = list.filter((s: any) => s.status === 'pending').map((s: any) => s.customerId).sort();
    expect(waiting).toEqual(['q3', 'q4']);
    // The contacts in the queue are told their place.
    expect(replies[2]).toBe('Connecting you to a person, please wait.');
    expect(replies[3]).toBe('Connecting you to a person, please wait. 1 ahead of you.');

    // Closing one frees a place: the first waiting contact gets it.
    const held = list.find((s: any) => s.manualCsId === String(a.id));
    await fetch(`${t.url}/api/sessions/${held.sessionId}/close`, { method: 'POST', headers: { 'auth-token': a.token } });
    await expect.poll(async () => (await sessions()).data.find((s: any) => s.customerId === 'q3').status).toBe('manual');
    expect((await sessions()).data.find((s: any) => s.customerId === 'q4').status).toBe('pending');
    contacts.forEach((c) => c.close());
    ca.close();
    cb.close();
  });

  it("answers from the knowledge base for the agent (get_answer_from_ai) and hides other tenants' users", async () => {
    const a = await createAgent(t, merchant.token, [staff.id]);
    const c = await loggedIn(a);
    c.send({ method: 'get_answer_from_ai', bid: staff.id, customer_id: a.id, userid: 'u-x', user_query: [{ type: 'text', value: { text: 'What are your opening hours?' } }] });
    const reply = await c.nextJson({ method: 'get_answer_from_ai' });
    expect(reply).toMatchObject({ code: 0, data: { message_list: [{ type: 'text', value: { text: expect.any(String) } }] } });

    const other = await createMerchant(t);
    const otherStaff = await createStaffWithKeys(t, other.token);
    const stranger = await FrameClient.open(ws('/ws?contact_id=foreign-user'), basicAuth(otherStaff.apiKey, otherStaff.secretKey));
    stranger.send({ action: 'chat', content: '转人工' });
    await stranger.untilEof();
    for (const method of ['connect', 'get_user_info', 'disconnect', 'transform']) {
      c.send({ method, userid: 'foreign-user' });
      expect(await c.nextJson({ method }), method).toMatchObject({ code: 404 });
    }
    c.send({ method: 'get_wait_user_list', bid: otherStaff.id });
    expect(await c.nextJson({ method: 'get_wait_user_list' })).toMatchObject({ code: 404 });
    c.send({ method: 'get_answer_from_ai', bid: otherStaff.id, user_query: [{ type: 'text', value: { text: 'hi' } }] });
    expect(await c.nextJson({ method: 'get_answer_from_ai' })).toMatchObject({ code: 404 });
    stranger.close();
    c.close();
  });
});

describe('agent sockets follow revocations, deletions and staff changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;

  it('closes console and workbench sockets when the token is revoked, and the agent goes offline', async () => {
    const m = await createMerchant(t);
    const st = await createStaffWithKeys(t, m.token);
    const a = await createAgent(t, m.token, [st.id]);
    const console = (await FrameClient.open(ws('/ws/kf'))).answerBeats();
    console.send({ method: 'login', token: a.token });
    await console.nextJson({ method: 'login' });
    console.send({ method: 'set_auto_connect_status', status: 1 });
    await console.nextJson({ method: 'set_auto_connect_status' });
    const bench = await FrameClient.open(ws(`/ws/cs/${a.id}?token=${a.token}`));

    // Logging out over REST revokes the token the sockets were opened with.
    expect((await t.rest('/api/v1/agent/logout', {}, a.token)).body.header.code).toBe(0);
    expect(await console.nextJson({ code: 440 })).toEqual({ code: 440, msg: 'Invalid token', method: 'login' });
    expect((await console.closed).code).toBe(4004);
    expect((await bench.closed).code).toBe(4004);
    const info = async () => (await fetch(`${t.url}/api/customer/is_online`, { method: 'POST', headers: basicAuth(st.apiKey, st.secretKey), body: JSON.stringify({ customer_id: a.id }) })).json();
    await expect.poll(async () => ((await info()) as any).data.is_online).toBe(0);

    // So a new handoff is not given to the agent who left.
    const c = await FrameClient.open(ws('/ws?contact_id=after-logout'), basicAuth(st.apiKey, st.secretKey));
    c.send({ action: 'chat', content: '转人工' });
    expect(await c.untilEof()).toMatch(/转接人工客服/);
    c.close();
  });

  it("closes a deleted agent's sockets, and stops pushing a staff taken away from an agent", async () => {
    const m = await createMerchant(t);
    const st1 = await createStaffWithKeys(t, m.token);
    const st2 = await createStaffWithKeys(t, m.token);
    const a = await createAgent(t, m.token, [st1.id, st2.id]);
    const console = (await FrameClient.open(ws('/ws/kf'))).answerBeats();
    console.send({ method: 'login', token: a.token });
    await console.nextJson({ method: 'login' });
    console.send({ method: 'get_current_session_list' });
    await console.nextJson({ method: 'get_current_session_list' });

    // A session of staff 2 that the agent holds goes back to the queue when staff 2 is taken away.
    const c = await FrameClient.open(ws('/ws?contact_id=taken-away'), basicAuth(st2.apiKey, st2.secretKey));
    c.send({ action: 'chat', content: '转人工' });
    await c.untilEof();
    console.send({ method: 'connect', userid: 'taken-away' });
    expect(await console.nextJson({ method: 'connect' })).toMatchObject({ code: 0 });
    await t.rest('/api/v1/customer/edit/agent', { id: a.id, staff_ids: [st1.id] }, m.token);
    const sessions = ((await (await fetch(`${t.url}/api/sessions`, { headers: { 'auth-token': m.token } })).json()) as any).data;
    expect(sessions.find((x: any) => x.customerId === 'taken-away')).toMatchObject({ status: 'pending', manualCsId: null });
    const before = console.frames.length;
    c.send({ action: 'chat', content: 'hello again' });
    await c.untilEof();
    await new Promise((r) => setTimeout(r, 300));
    expect(console.frames.slice(before).filter((f) => f.includes('taken-away'))).toEqual([]);

    await t.rest('/api/v1/customer/delete/agent', { id: a.id }, m.token);
    expect((await console.closed).code).toBe(4004);
    c.close();
  });

  it('marks agents without a console offline at start', async () => {
    const m = await createMerchant(t);
    const st = await createStaffWithKeys(t, m.token);
    const a = await createAgent(t, m.token, [st.id]);
    await t.app.orm.em.fork().getConnection().execute('update agent set status = 1 where id = ?', [a.id]);
    const fixed = await t.app.services.agents.reconcilePresence(t.app.orm.em.fork(), async () => null);
    expect(fixed).toBeGreaterThanOrEqual(1);
    const rows = await t.app.orm.em.fork().getConnection().execute('select status from agent where id = ?', [a.id]);
    expect(rows[0]?.status).toBe(0);
  });
});

describe('agent-console protocol on its own port (AGENT_WS_PORT)', () => {
  it('serves the same protocol at / of that port', async () => {
    const port = await freePort();
    const t = await startTestApp({ AGENT_WS_PORT: String(port) });
    try {
      expect(t.app.agentWsPort).toBe(port);
      const m = await createMerchant(t);
      const st = await createStaffWithKeys(t, m.token);
      const a = await createAgent(t, m.token, [st.id]);
      const c = await FrameClient.open(`ws://127.0.0.1:${port}/`);
      c.send({ method: 'login', token: a.token });
      expect(await c.nextJson({ method: 'login' })).toMatchObject({ code: 0, customer_id: a.id });
      c.close();
    } finally {
      await t.close();
    }
  });
});

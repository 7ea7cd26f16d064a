import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

describe('helpdesk on the legacy surfaces: workbench REST and /ws/cs, agent console /ws/kf', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let stranger: MerchantFixture;
  let staff: StaffFixture;
  let alice: AgentFixture;
  let bob: AgentFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;

  beforeAll(async () => {
    t = await startTestApp({ AGENT_WS_BEAT_MS: '400' });
    merchant = await createMerchant(t);
    stranger = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token, { language_response: 'English' });
    alice = await createAgent(t, merchant.token, [staff.id], { name: 'Alice' });
    bob = await createAgent(t, merchant.token, [staff.id], { name: 'Bob' });
  });
  afterAll(() => t?.close());

  const api = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  async function console_(agent: AgentFixture): Promise<FrameClient> {
    const c = (await FrameClient.open(ws('/ws/kf'))).answerBeats();
    c.send({ method: 'login', token: agent.token });
    expect((await c.nextJson({ method: 'login' })).code).toBe(0);
    return c;
  }

  async function handedOff(userid: string): Promise<{ contact: FrameClient; sessionId: number }> {
    const contact = await FrameClient.open(ws(`/ws?contact_id=${userid}`), basicAuth(staff.apiKey, staff.secretKey));
    contact.send({ action: 'chat', content: 'hello' });
    await contact.untilEof();
    contact.send({ action: 'chat', content: 'please get me a human, my parcel is lost' });
    await contact.untilEof();
    const list = await api('GET', '/api/sessions?status=pending', merchant.token);
    return { contact, sessionId: Number(list.body.data.find((s: any) => s.customerId === userid).sessionId) };
  }

  it('delivers the handoff summary to agent consoles, in the push and in the lists', async () => {
    const ca = await console_(alice);
    const { contact } = await handedOff('kf-summary');
    const push = await ca.nextJson({ method: 'wait_list_push', userid: 'kf-summary' });
    expect(push.handoff_summary).toContain('The contact asked: hello / please get me a human, my parcel is lost');
    ca.send({ method: 'get_wait_user_list' });
    const list = await ca.nextJson({ method: 'get_wait_user_list' });
    expect(list.data.user_list.find((u: any) => u.userid === 'kf-summary').handoff_summary).toBe(push.handoff_summary);
    ca.send({ method: 'connect', userid: 'kf-summary' });
    expect(await ca.nextJson({ method: 'connect' })).toMatchObject({ code: 0 });
    expect((await ca.nextJson({ method: 'connect_list_push', userid: 'kf-summary' })).handoff_summary).toBe(push.handoff_summary);
    ca.send({ method: 'get_current_session_list' });
    const current = await ca.nextJson({ method: 'get_current_session_list' });
    expect(current.data.user_list.find((u: any) => u.userid === 'kf-summary').handoff_summary).toBe(push.handoff_summary);
    contact.close();
    ca.close();
  });

  it('shows internal notes in the workbench history and pushes, and in the console record, never to the contact', async () => {
    const ca = await console_(alice);
    const cb = await console_(bob);
    const bench = await FrameClient.open(ws(`/ws/cs/${alice.id}?token=${alice.token}`));
    const { contact, sessionId } = await handedOff('notes-legacy');
    expect((await api('POST', `/api/sessions/${sessionId}/accept`, alice.token, {})).body.code).toBe(0);
    await contact.untilEof(); // the agent-joined notice

    // Bob writes a note: Alice's console and workbench hear of it; Bob, its author, is not told again.
    const added = await api('POST', `/api/sessions/${sessionId}/notes`, bob.token, { content: 'Parcel 123 was returned to the depot' });
    expect(added.status).toBe(200);
    expect(added.body.data).toMatchObject({ senderType: 'note', senderId: String(bob.id), content: 'Parcel 123 was returned to the depot', msgId: expect.stringMatching(/^note-\d+$/) });
    const notePush = await ca.nextJson({ method: 'note_push' });
    expect(notePush).toMatchObject({ code: 0, bid: staff.id, session_id: sessionId, userid: 'notes-legacy', note: { content: 'Parcel 123 was returned to the depot', author_type: 'agent', customer_id: bob.id, create_time: expect.any(Number) } });
    expect(await bench.nextJson({ type: 'new_message' })).toMatchObject({ sessionId: String(sessionId), data: { senderType: 'note', content: 'Parcel 123 was returned to the depot' } });

    await api('POST', `/api/sessions/${sessionId}/message`, alice.token, { content: 'Good news, we found it' });
    expect(await contact.untilEof()).toBe('Good news, we found it');

    // The history: the note in place, between the messages around it (the AI answered, unsure, then handed off).
    const history = (await api('GET', `/api/sessions/${sessionId}/history`, alice.token)).body.data;
    expect(history.map((m: any) => m.senderType)).toEqual(['customer', 'ai', 'customer', 'ai', 'note', 'manual']);
    expect(history[4]).toMatchObject({ content: 'Parcel 123 was returned to the depot', seq: 4 });

    // The agent console's record marks it.
    ca.send({ method: 'get_chat_record', userid: 'notes-legacy', page: 1, pagesize: 10 });
    const record = (await ca.nextJson({ method: 'get_chat_record' })).data.list_chat;
    expect(record.map((r: any) => [r.sender_type, r.is_note])).toEqual([
      ['contact', 0],
      ['ai', 0],
      ['contact', 0],
      ['ai', 0],
      ['note', 1],
      ['agent', 0],
    ]);
    expect(record[4]).toMatchObject({ is_robot: 0, author_type: 'agent', customer_id: bob.id, message: { type: 'text', value: { text: 'Parcel 123 was returned to the depot' } } });
    ca.send({ method: 'get_chat_record', userid: 'notes-legacy', page: 1, pagesize: 2 });
    expect((await ca.nextJson({ method: 'get_chat_record' })).data.list_chat.map((r: any) => r.sender_type)).toEqual(['note', 'agent']);

    // Another tenant: not found; bad input: the envelope.
    expect((await api('POST', `/api/sessions/${sessionId}/notes`, stranger.token, { content: 'x' })).status).toBe(404);
    expect((await api('GET', `/api/sessions/${sessionId}/history`, stranger.token)).status).toBe(404);
    expect((await api('POST', `/api/sessions/${sessionId}/notes`, alice.token, { content: '' })).body).toMatchObject({ code: 400, data: null });
    expect((await api('POST', `/api/sessions/${sessionId}/notes`, alice.token, {})).body).toMatchObject({ code: 400 });
    contact.close();
    bench.close();
    ca.close();
    cb.close();
  });

  it('filters the workbench session list by label', async () => {
    const label = (await t.gql('mutation { createLabel(input: { name: "Lost parcel", colour: "#00aa00" }) { id } }', {}, merchant.token)).data.createLabel;
    const a = await handedOff('label-rest-a');
    const b = await handedOff('label-rest-b');
    await t.gql('mutation($s: Int!, $l: Int!) { labelSession(sessionId: $s, labelId: $l) { id } }', { s: a.sessionId, l: label.id }, alice.token);
    const res = await api('GET', `/api/sessions?label=${encodeURIComponent('Lost parcel')}`, alice.token);
    expect(res.status).toBe(200);
    expect(res.body.data.map((s: any) => s.customerId)).toEqual(['label-rest-a']);
    expect((await api('GET', `/api/sessions?label=${encodeURIComponent('Lost parcel')}`, stranger.token)).body.data).toEqual([]);
    expect((await api('GET', '/api/sessions?label=', merchant.token)).body).toMatchObject({ code: 400 });
    a.contact.close();
    b.contact.close();
  });
});

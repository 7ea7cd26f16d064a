import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const SESSION_FIELDS = ['sessionId', 'customerId', 'kfId', 'channelType', 'status', 'manualCsId', 'lastMessage', 'lastMessageTime', 'messageCount', 'createdAt', 'updatedAt'].sort();
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('session REST (/api/sessions, multichannel seed) and the workbench stream (/ws/cs)', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  let agent: AgentFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;

  beforeAll(async () => {
    t = await startTestApp();
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token);
    agent = await createAgent(t, merchant.token, [staff.id]);
  });
  afterAll(() => t?.close());

  const api = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${t.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  /** A contact who asked for a person: its session waits. Returns the session id. */
  async function pendingSession(contactId: string, s: StaffFixture = staff, token = merchant.token): Promise<string> {
    const c = await FrameClient.open(ws(`/ws?contact_id=${contactId}`), basicAuth(s.apiKey, s.secretKey));
    c.send({ action: 'chat', content: '转人工' });
    await c.untilEof();
    c.close();
    const list = await api('GET', '/api/sessions', token);
    return list.body.data.find((x: any) => x.customerId === contactId).sessionId;
  }

  it('lists sessions with the seed fields, latest activity first, filtered by status, csId and channelType', async () => {
    const first = await pendingSession('rest-a');
    const second = await pendingSession('rest-b');
    const res = await api('GET', '/api/sessions', merchant.token);
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(0);
    const ids = res.body.data.map((s: any) => s.sessionId);
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
    const item = res.body.data.find((s: any) => s.sessionId === first);
    expect(Object.keys(item).sort()).toEqual(SESSION_FIELDS);
    expect(item).toMatchObject({ customerId: 'rest-a', kfId: String(staff.id), channelType: 'web', status: 'pending', manualCsId: null, lastMessage: '转人工', messageCount: 1 });
    expect(item.createdAt).toMatch(ISO);
    expect(item.lastMessageTime).toMatch(ISO);

    expect((await api('GET', '/api/sessions?status=manual', merchant.token)).body.data).toEqual([]);
    expect((await api('GET', '/api/sessions?status=pending&channelType=web', merchant.token)).body.data.length).toBeGreaterThanOrEqual(2);
    expect((await api('GET', '/api/sessions?channelType=jd', merchant.token)).body.data).toEqual([]);
    const bad = await api('GET', '/api/sessions?status=sleeping', merchant.token);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(400);
    expect(bad.body.message).toContain('status');
  });

  it('returns the whole history, however long, oldest first (2,500 messages)', async () => {
    const id = await pendingSession('rest-long');
    // Stored in one statement after the contact's first message: the history must page past any batch or cap.
    await t.app.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into message (session_id, merchant_id, seq, sender_type, sender_id, msg_type, content, channel)
         select session_id, merchant_id, seq + g, sender_type, sender_id, msg_type, 'line ' || g, channel from message, generate_series(1, 2500) g
         where session_id = ? and seq = 1`,
        [Number(id)],
      );
    const history = await api('GET', `/api/sessions/${id}/history`, merchant.token);
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ code: 0, message: 'OK' });
    expect(history.body.data).toHaveLength(2501);
    expect(history.body.data.map((m: any) => m.seq)).toEqual(Array.from({ length: 2501 }, (_, i) => i + 1));
    expect(history.body.data[0].content).toBe('转人工');
    expect(history.body.data[2500].content).toBe('line 2500');
    const other = await createMerchant(t);
    expect((await api('GET', `/api/sessions/${id}/history`, other.token)).status).toBe(404);
  });

  it('accepts, sends, reads history and closes, with 400 for a wrong state and 404 for unknown ids', async () => {
    const id = await pendingSession('rest-flow');
    const got = await api('GET', `/api/sessions/${id}`, agent.token);
    expect(got.body).toMatchObject({ code: 0, message: 'OK', data: { sessionId: id, status: 'pending' } });

    const early = await api('POST', `/api/sessions/${id}/message`, agent.token, { content: 'too early' });
    expect(early.status).toBe(400);

    const accepted = await api('POST', `/api/sessions/${id}/accept`, agent.token, { csId: String(agent.id) });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({ status: 'manual', manualCsId: String(agent.id) });
    const again = await api('POST', `/api/sessions/${id}/accept`, agent.token, { csId: String(agent.id) });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe(400);

    const sent = await api('POST', `/api/sessions/${id}/message`, agent.token, { content: '您好', msgType: 'text' });
    expect(sent.body.data).toMatchObject({ sessionId: id, senderType: 'manual', senderId: String(agent.id), content: '您好', msgType: 'text' });
    expect((await api('POST', `/api/sessions/${id}/message`, agent.token, {})).status).toBe(400);
    expect((await api('POST', `/api/sessions/${id}/message`, agent.token, { content: 'x', msgType: 'hologram' })).status).toBe(400);
    expect((await api('POST', `/api/sessions/${id}/message`, agent.token, '{"content":')).status).toBe(400);

    const history = await api('GET', `/api/sessions/${id}/history`, agent.token);
    expect(history.body.data.map((m: any) => [m.senderType, m.content])).toEqual([
      ['customer', '转人工'],
      ['manual', '您好'],
    ]);
    expect(Object.keys(history.body.data[0]).sort()).toEqual(['content', 'createdAt', 'media', 'msgId', 'msgType', 'senderId', 'senderType', 'seq', 'sessionId'].sort());

    const closed = await api('POST', `/api/sessions/${id}/close`, agent.token);
    expect(closed.body.data.status).toBe('closed');
    expect((await api('POST', `/api/sessions/${id}/close`, agent.token)).status).toBe(400);

    for (const bad of ['999999', 'abc', '0', '-1']) {
      expect((await api('GET', `/api/sessions/${bad}`, agent.token)).status, bad).toBe(404);
      expect((await api('POST', `/api/sessions/${bad}/close`, agent.token)).status, bad).toBe(404);
    }
  });

  it('lets a merchant accept for a named agent (csId), and refuses agents of other staff', async () => {
    const id = await pendingSession('rest-merchant');
    expect((await api('POST', `/api/sessions/${id}/accept`, merchant.token, {})).status).toBe(400);
    const res = await api('POST', `/api/sessions/${id}/accept`, merchant.token, { csId: agent.id });
    expect(res.body.data.manualCsId).toBe(String(agent.id));

    const otherStaff = await createStaffWithKeys(t, merchant.token);
    const outsider = await createAgent(t, merchant.token, [otherStaff.id]);
    const id2 = await pendingSession('rest-outsider');
    // The outsider cannot even see a session of a staff it is not assigned to.
    expect((await api('GET', `/api/sessions/${id2}`, outsider.token)).status).toBe(404);
    expect((await api('POST', `/api/sessions/${id2}/accept`, merchant.token, { csId: outsider.id })).status).toBe(403);
    expect((await api('GET', '/api/sessions', outsider.token)).body.data.map((s: any) => s.sessionId)).not.toContain(id2);
  });

  it("needs a token (401) and answers 404 for another tenant's session", async () => {
    const id = await pendingSession('rest-tenant');
    expect((await api('GET', '/api/sessions')).status).toBe(401);
    expect((await api('GET', `/api/sessions/${id}`, 'garbage')).status).toBe(401);
    const other = await createMerchant(t);
    const otherAgent = await createAgent(t, other.token, []);
    for (const token of [other.token, otherAgent.token]) {
      expect((await api('GET', `/api/sessions/${id}`, token)).status).toBe(404);
      expect((await api('GET', `/api/sessions/${id}/history`, token)).status).toBe(404);
      expect((await api('POST', `/api/sessions/${id}/accept`, token, { csId: otherAgent.id })).status).toBe(404);
      expect((await api('POST', `/api/sessions/${id}/message`, token, { content: 'x' })).status).toBe(404);
      expect((await api('POST', `/api/sessions/${id}/close`, token)).status).toBe(404);
      expect((await api('GET', '/api/sessions', token)).body.data).toEqual([]);
    }
    expect((await api('GET', `/api/sessions/${id}`, merchant.token)).body.data.status).toBe('pending');
  });

  it('pushes the four workbench events to the agent, and requires that agent\'s token', async () => {
    expect(await FrameClient.upgradeStatus(ws(`/ws/cs/${agent.id}`))).toBe(401);
    expect(await FrameClient.upgradeStatus(ws(`/ws/cs/${agent.id}?token=garbage`))).toBe(401);
    expect(await FrameClient.upgradeStatus(ws(`/ws/cs/${agent.id}?token=${merchant.token}`))).toBe(401);
    const other = await createAgent(t, merchant.token, [staff.id]);
    expect(await FrameClient.upgradeStatus(ws(`/ws/cs/${agent.id}?token=${other.token}`))).toBe(403);

    const bench = await FrameClient.open(ws(`/ws/cs/${agent.id}?token=${agent.token}`));
    const id = await pendingSession('ws-cs');
    expect(await bench.nextJson({ type: 'new_pending_session' })).toMatchObject({ sessionId: id, data: { sessionId: id, status: 'pending', customerId: 'ws-cs' } });
    await api('POST', `/api/sessions/${id}/accept`, agent.token, { csId: agent.id });
    expect(await bench.nextJson({ type: 'session_accepted' })).toMatchObject({ sessionId: id, data: { status: 'manual' } });
    await api('POST', `/api/sessions/${id}/message`, agent.token, { content: 'hello from the workbench' });
    expect(await bench.nextJson({ type: 'new_message' })).toMatchObject({ sessionId: id, data: { content: 'hello from the workbench', senderType: 'manual', msgType: 'text', msgId: expect.any(String), createdAt: expect.stringMatching(ISO) } });
    await api('POST', `/api/sessions/${id}/close`, agent.token);
    expect(await bench.nextJson({ type: 'session_closed' })).toMatchObject({ sessionId: id, data: { status: 'closed' } });

    // bind_session follows a session the agent does not own; bad frames get an error frame.
    const watched = await pendingSession('ws-cs-watch');
    bench.send({ type: 'bind_session', sessionId: watched });
    expect(await bench.nextJson({ type: 'session_bound' })).toEqual({ type: 'session_bound', sessionId: watched });
    const c = await FrameClient.open(ws('/ws?contact_id=ws-cs-watch'), basicAuth(staff.apiKey, staff.secretKey));
    c.send({ action: 'chat', content: 'still there?' });
    await c.untilEof();
    expect(await bench.nextJson({ type: 'new_message' })).toMatchObject({ sessionId: watched, data: { senderType: 'customer', content: 'still there?' } });
    bench.send('nope');
    expect(await bench.nextJson({ type: 'error' })).toMatchObject({ code: 400 });
    bench.send({ type: 'bind_session', sessionId: '999999' });
    expect(await bench.nextJson({ type: 'error' })).toMatchObject({ code: 404 });
    c.close();
    bench.close();
  });
});

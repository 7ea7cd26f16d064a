import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelType } from '../../src/entities/contact/contact.entity.js';
import { ContactHistoryService } from '../../src/services/conversation/contact-history.service.js';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const JSON_MARK = '|=JSON=|';

/**
 * Reconnecting clients of the legacy sockets, as they use them (docs/protocols.md, "Resuming"): web chat
 * with `after_msg_id`, the agent console with `since` in its login, the workbench with `?since=`.
 */
describe('resuming the legacy sockets after a reconnect', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;

  beforeAll(async () => {
    t = await startTestApp({ AGENT_WS_BEAT_MS: '5000' });
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token, { language_response: 'English' });
  });
  afterAll(() => t?.close());

  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${t.url}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const chat = (contactId: string, extra = '') => FrameClient.open(ws(`/ws?contact_id=${contactId}${extra}`), basicAuth(staff.apiKey, staff.secretKey));
  const sessionOf = async (contactId: string): Promise<string> => (await api('GET', '/api/sessions', merchant.token)).body.data.find((x: any) => x.customerId === contactId).sessionId;
  const say = (sessionId: string, agent: AgentFixture, content: string) => api('POST', `/api/sessions/${sessionId}/message`, agent.token, { content });

  /** The next `|=JSON=|` answer of a web-chat stream (its EOF taken too), skipping text answers. */
  async function nextJsonAnswer(c: FrameClient): Promise<any> {
    for (;;) {
      const f = await c.next();
      if (!f.startsWith(JSON_MARK)) continue;
      expect(await c.next()).toBe('|=EOF=|');
      return JSON.parse(f.slice(JSON_MARK.length));
    }
  }

  /** Every `|=JSON=|` answer that arrives within `ms`. */
  async function jsonAnswersWithin(c: FrameClient, ms: number): Promise<any[]> {
    const got: any[] = [];
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const f = await c.next(Math.max(1, until - Date.now())).catch(() => null);
      if (f?.startsWith(JSON_MARK)) got.push(JSON.parse(f.slice(JSON_MARK.length)));
    }
    return got;
  }

  it('web chat: a client with after_msg_id gets exactly the agent replies it missed, and a reload gets the conversation', async () => {
    const agent = await createAgent(t, merchant.token, [staff.id]);
    const first = await chat('resume-web', '&after_msg_id=0');
    first.send({ action: 'chat', content: 'talk to a human' });
    expect(await first.untilEof()).toMatch(/Connecting you to a person/);
    // Its own message's id, so the cursor covers what it showed itself.
    const own = await nextJsonAnswer(first);
    expect(own).toEqual({ code: 0, message: 'OK', result: { msgId: expect.any(String) } });
    const sessionId = await sessionOf('resume-web');
    expect((await api('POST', `/api/sessions/${sessionId}/accept`, agent.token, { csId: agent.id })).status).toBe(200);
    await say(sessionId, agent, 'reply one');
    const one = await nextJsonAnswer(first);
    expect(one.result).toMatchObject({ senderType: 'agent', msgType: 'text', content: 'reply one', media: null });
    first.close();
    await first.closed;

    await say(sessionId, agent, 'reply two');
    await say(sessionId, agent, 'reply three');
    const back = await chat('resume-web', `&after_msg_id=${one.result.msgId}`);
    const missed = await jsonAnswersWithin(back, 1500);
    expect(missed.map((m) => m.result.content)).toEqual(['reply two', 'reply three']);
    await say(sessionId, agent, 'reply four');
    expect((await nextJsonAnswer(back)).result.content).toBe('reply four');
    back.close();

    // A reload knows nothing: from 0 it is shown the whole conversation, its own message included, oldest first.
    const reload = await chat('resume-web', '&after_msg_id=0');
    const all = await jsonAnswersWithin(reload, 1500);
    expect(all.map((m) => [m.result.senderType, m.result.content])).toEqual([
      ['contact', 'talk to a human'],
      ['agent', 'reply one'],
      ['agent', 'reply two'],
      ['agent', 'reply three'],
      ['agent', 'reply four'],
    ]);
    expect(all.map((m) => Number(m.result.msgId))).toEqual([...all.map((m) => Number(m.result.msgId))].sort((a, b) => a - b));
    reload.close();

    // The seed's clients (no after_msg_id) still get the reply as plain text.
    const plain = await chat('resume-web');
    await new Promise((r) => setTimeout(r, 300));
    await say(sessionId, agent, 'plain reply');
    expect(await plain.untilEof()).toBe('plain reply');
    plain.close();
    expect(await FrameClient.upgradeStatus(ws('/ws?contact_id=resume-web&after_msg_id=abc'), basicAuth(staff.apiKey, staff.secretKey))).toBe(400);
  });

  it('web chat: a resume gets everything it missed however much that is, page by page; a reload the newest page', async () => {
    const agent = await createAgent(t, merchant.token, [staff.id]);
    const first = await chat('resume-long', '&after_msg_id=0');
    first.send({ action: 'chat', content: 'talk to a human' });
    await first.untilEof();
    const own = await nextJsonAnswer(first);
    first.close();
    const sessionId = await sessionOf('resume-long');
    expect((await api('POST', `/api/sessions/${sessionId}/accept`, agent.token, { csId: agent.id })).status).toBe(200);
    for (let i = 1; i <= 7; i++) await say(sessionId, agent, `reply ${i}`);
    // Pages of three: the seven missed come in three reads, all of them, in order.
    const history = new ContactHistoryService(t.app.orm, 3);
    const contactId = (await t.app.services.intake.knownContact(staff.id, ChannelType.WEB, 'resume-long'))!;
    const pages = async (after: number) => {
      const out: string[][] = [];
      for await (const page of history.after(contactId, after)) out.push(page.map((m) => m.content));
      return out;
    };
    expect(await pages(Number(own.result.msgId))).toEqual([['reply 1', 'reply 2', 'reply 3'], ['reply 4', 'reply 5', 'reply 6'], ['reply 7']]);
    expect(await pages(0)).toEqual([['reply 5', 'reply 6', 'reply 7']]);
    // On the socket, a resume from the same cursor gets all seven, in order, once each.
    const back = await chat('resume-long', `&after_msg_id=${own.result.msgId}`);
    const replayed = await jsonAnswersWithin(back, 1500);
    expect(replayed.map((m) => m.result.content)).toEqual(['reply 1', 'reply 2', 'reply 3', 'reply 4', 'reply 5', 'reply 6', 'reply 7']);
    back.close();
  });

  it('agent console: a login with since replays what the console missed, once, and an old cursor gets resync_push', async () => {
    const agent = await createAgent(t, merchant.token, [staff.id]);
    const login = async (extra: Record<string, unknown> = {}) => {
      const c = (await FrameClient.open(ws('/ws/kf'))).answerBeats();
      c.send({ method: 'login', token: agent.token, ...extra });
      const reply = await c.nextJson({ method: 'login' });
      expect(reply.code).toBe(0);
      return { c, reply };
    };
    const { c: first, reply } = await login();
    expect(reply.event_seq).toEqual(expect.any(Number));
    const contact = await chat('resume-kf');
    contact.send({ action: 'chat', content: 'talk to a human' });
    await contact.untilEof();
    const waiting = await first.nextJson({ method: 'wait_list_push' });
    expect(waiting).toMatchObject({ userid: 'resume-kf', event_seq: expect.any(Number) });
    expect(waiting.event_seq).toBeGreaterThan(reply.event_seq);
    first.send({ method: 'logout' });
    await first.closed;

    // While it is away: the contact writes twice (each a wait-list push when live).
    for (const text of ['still there?', 'hello?']) {
      contact.send({ action: 'chat', content: text });
      await contact.untilEof();
    }
    const { c: back } = await login({ since: waiting.event_seq });
    const first1 = await back.nextJson({ method: 'wait_list_push' });
    const second = await back.nextJson({ method: 'wait_list_push' });
    expect([first1.user_query[0].value.text, second.user_query[0].value.text]).toEqual(['still there?', 'hello?']);
    expect(second.event_seq).toBeGreaterThan(first1.event_seq);
    // Then live, and nothing replayed twice.
    contact.send({ action: 'chat', content: 'third' });
    await contact.untilEof();
    const live = await back.nextJson({ method: 'wait_list_push' });
    expect(live.user_query[0].value.text).toBe('third');
    await new Promise((r) => setTimeout(r, 300));
    expect(back.frames.filter((f) => f.includes('"wait_list_push"'))).toHaveLength(3);
    back.send({ method: 'logout' });
    await back.closed;

    // A cursor this server never gave (or past the kept events) is answered with resync_push and the head.
    const { c: lost } = await login({ since: 10_000_000 });
    expect(await lost.nextJson({ method: 'resync_push' })).toEqual({ code: 0, method: 'resync_push', event_seq: live.event_seq });
    lost.send({ method: 'logout' });
    await lost.closed;
    const bad = (await FrameClient.open(ws('/ws/kf'))).answerBeats();
    bad.send({ method: 'login', token: agent.token, since: 'soon' });
    expect(await bad.nextJson({ method: 'login' })).toMatchObject({ code: 400 });
    bad.close();
    contact.close();
  });

  it('workbench: ?since= replays the pushes it missed in order, then live ones; a bad cursor is refused', async () => {
    const agent = await createAgent(t, merchant.token, [staff.id]);
    const bench = await FrameClient.open(ws(`/ws/cs/${agent.id}?token=${agent.token}`));
    const contact = await chat('resume-cs');
    contact.send({ action: 'chat', content: 'talk to a human' });
    await contact.untilEof();
    const pending = await bench.nextJson({ type: 'new_pending_session' });
    expect(pending.eventSeq).toEqual(expect.any(Number));
    bench.close();
    await bench.closed;

    const sessionId = await sessionOf('resume-cs');
    await api('POST', `/api/sessions/${sessionId}/accept`, agent.token, { csId: agent.id });
    await say(sessionId, agent, 'while away');
    const back = await FrameClient.open(ws(`/ws/cs/${agent.id}?token=${agent.token}&since=${pending.eventSeq}`));
    expect(await back.nextJson({ type: 'session_accepted' })).toMatchObject({ sessionId, data: { status: 'manual' } });
    const missed = await back.nextJson({ type: 'new_message' });
    expect(missed).toMatchObject({ sessionId, data: { content: 'while away', senderType: 'manual' } });
    contact.send({ action: 'chat', content: 'thanks' });
    await contact.untilEof();
    const live = await back.nextJson({ type: 'new_message' });
    expect(live).toMatchObject({ data: { content: 'thanks', senderType: 'customer' } });
    expect(live.eventSeq).toBeGreaterThan(missed.eventSeq);
    await new Promise((r) => setTimeout(r, 300));
    expect(back.frames.filter((f) => f.includes('"new_message"'))).toHaveLength(2);
    back.close();
    await back.closed;

    const lost = await FrameClient.open(ws(`/ws/cs/${agent.id}?token=${agent.token}&since=99999999`));
    expect(await lost.nextJson({ type: 'resync' })).toEqual({ type: 'resync', eventSeq: live.eventSeq });
    lost.close();
    expect(await FrameClient.upgradeStatus(ws(`/ws/cs/${agent.id}?token=${agent.token}&since=-1`))).toBe(400);
    contact.close();
  });
});

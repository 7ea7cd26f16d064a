import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

/** GraphQL subscriptions that resume: `messageAdded(after:)` by seq, `sessionChanged(since:)` by eventSeq. */
describe('GraphQL subscriptions resumed with after / since', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;

  beforeAll(async () => {
    t = await startTestApp();
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token);
  });
  afterAll(() => t?.close());

  async function waiting(contactId: string, s = staff): Promise<{ id: number; contact: FrameClient }> {
    const contact = await FrameClient.open(ws(`/ws?contact_id=${contactId}`), basicAuth(s.apiKey, s.secretKey));
    contact.send({ action: 'chat', content: '人工客服' });
    await contact.untilEof();
    const list = await t.gql('{ sessions(filter: { status: PENDING }, page: { pageSize: 100 }) { items { id contact { externalId } } } }', {}, merchant.token);
    return { id: list.data.sessions.items.find((x: any) => x.contact.externalId === contactId).id, contact };
  }

  function collect(token: string, query: string) {
    const seen: any[] = [];
    const errors: any[] = [];
    const stop = t.wsClient({ token }).subscribe({ query }, { next: (v) => (v.errors ? errors.push(...v.errors) : seen.push(v.data)), error: (e) => errors.push(e), complete: () => {} });
    return { seen, errors, stop };
  }

  it('messageAdded(after:) gives the messages after the seq first, then live ones, none twice', async () => {
    const agent = await createAgent(t, merchant.token, [staff.id]);
    const { id, contact } = await waiting('resume-gql-msg');
    await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { id } }', { id }, agent.token);
    for (const content of ['a', 'b', 'c']) await t.gql('mutation($i: SendMessageInput!) { sendMessage(input: $i) { seq } }', { i: { sessionId: id, content } }, agent.token);
    // seq 1 is the contact's message; the client had it, and missed a, b, c.
    const sub = collect(agent.token, `subscription { messageAdded(sessionId: ${id}, after: 1) { seq content } }`);
    await expect.poll(() => sub.seen.length).toBe(3);
    contact.send({ action: 'chat', content: 'd' });
    await contact.untilEof();
    await expect.poll(() => sub.seen.length).toBe(4);
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.seen.map((s) => s.messageAdded)).toEqual([
      { seq: 2, content: 'a' },
      { seq: 3, content: 'b' },
      { seq: 4, content: 'c' },
      { seq: 5, content: 'd' },
    ]);
    sub.stop();
    // Another tenant's session stays not found, with or without a cursor.
    const stranger = await createMerchant(t);
    const foreign = collect(stranger.token, `subscription { messageAdded(sessionId: ${id}, after: 0) { seq } }`);
    await expect.poll(() => foreign.errors.length).toBeGreaterThan(0);
    expect(foreign.errors[0].extensions?.code ?? foreign.errors[0].message).toMatch(/NOT_FOUND|not found/);
    contact.close();
  });

  it('sessionChanged(since:) replays the changes after the eventSeq for what the caller may see, then live ones', async () => {
    const agent = await createAgent(t, merchant.token, [staff.id]);
    const otherStaff = await createStaffWithKeys(t, merchant.token);
    const live = collect(agent.token, 'subscription { sessionChanged { kind eventSeq session { id } } }');
    await new Promise((r) => setTimeout(r, 200));
    const first = await waiting('resume-gql-s1');
    // A new contact's session opens, then is handed off.
    await expect.poll(() => live.seen.map((s) => s.sessionChanged.kind)).toEqual(['opened', 'handoff']);
    const cursor = live.seen[1].sessionChanged.eventSeq;
    expect(cursor).toMatch(/^\d+$/);
    live.stop();

    // While the subscription is away: a handoff of another staff (not the agent's), an accept and a close.
    const hidden = await waiting('resume-gql-hidden', otherStaff);
    await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { id } }', { id: first.id }, agent.token);
    await t.gql('mutation($id: Int!) { closeSession(sessionId: $id) { id } }', { id: first.id }, agent.token);

    const back = collect(agent.token, `subscription { sessionChanged(since: "${cursor}") { kind eventSeq session { id } } }`);
    await expect.poll(() => back.seen.length).toBe(2);
    const second = await waiting('resume-gql-s2');
    await expect.poll(() => back.seen.length).toBe(4);
    await new Promise((r) => setTimeout(r, 300));
    const got = back.seen.map((s) => s.sessionChanged);
    expect(got.map((c) => [c.kind, c.session.id])).toEqual([
      ['accepted', first.id],
      ['closed', first.id],
      ['opened', second.id],
      ['handoff', second.id],
    ]);
    expect(got.map((c) => Number(c.eventSeq))).toEqual([...got.map((c) => Number(c.eventSeq))].sort((a, b) => a - b));
    expect(got.some((c) => c.session.id === hidden.id)).toBe(false);
    back.stop();

    // The merchant sees its other staff's handoff in the replay too; a foreign cursor asks for a resync.
    const all = collect(merchant.token, `subscription { sessionChanged(since: "${cursor}") { kind session { id } } }`);
    await expect.poll(() => all.seen.length).toBeGreaterThanOrEqual(6);
    expect(all.seen.map((s) => s.sessionChanged.session.id)).toContain(hidden.id);
    all.stop();
    const lost = collect(agent.token, 'subscription { sessionChanged(since: "99999999") { kind } }');
    await expect.poll(() => lost.errors.length).toBeGreaterThan(0);
    expect(lost.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'RESYNC_REQUIRED' });
    const bad = collect(agent.token, 'subscription { sessionChanged(since: "soon") { kind } }');
    await expect.poll(() => bad.errors.length).toBeGreaterThan(0);
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    [first, hidden, second].forEach((w) => w.contact.close());
  });

  it('forgets events past their retention in the maintenance sweep, and a cursor behind them gets a resync', async () => {
    const agent = await createAgent(t, merchant.token, [staff.id]);
    const sub = collect(agent.token, 'subscription { sessionChanged { kind eventSeq } }');
    await new Promise((r) => setTimeout(r, 200));
    const w = await waiting('resume-gql-pruned');
    await expect.poll(() => sub.seen.length).toBe(2);
    sub.stop();
    const old = Number(sub.seen[0].sessionChanged.eventSeq) - 1;
    const fresh = collect(agent.token, `subscription { sessionChanged(since: "${old}") { kind } }`);
    await expect.poll(() => fresh.seen.length).toBe(2);
    fresh.stop();

    // The events age past EVENT_RETENTION_HOURS (72 by default); the next sweep deletes them.
    await t.app.orm.em.fork().getConnection().execute(`update event_log set created_at = now() - interval '73 hours'`);
    const report = await t.app.services.sweep.sweep();
    expect(report.eventsPruned).toBeGreaterThan(0);
    const lost = collect(agent.token, `subscription { sessionChanged(since: "${old}") { kind } }`);
    await expect.poll(() => lost.errors.length).toBeGreaterThan(0);
    expect(lost.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'RESYNC_REQUIRED' });
    w.contact.close();
  });
});

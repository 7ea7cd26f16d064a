import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

/**
 * A transaction must never take a second pooled connection while it holds one: when more requests wait on
 * one session's lock than the pool has connections, that would deadlock the pool until the acquire timeout
 * (found by the fan-out benchmark: agent replies at 20/s to one session). With a pool of three, a burst of
 * replies, accepts and transfers on one session must all finish.
 */
describe('a small pool under a burst on one session', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  let agent: AgentFixture;
  let colleague: AgentFixture;

  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_MAX: '3', CHAT_MESSAGES_PER_CONTACT_PER_MINUTE: '1000' });
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token);
    agent = await createAgent(t, merchant.token, [staff.id], { name: 'Ada' });
    colleague = await createAgent(t, merchant.token, [staff.id], { name: 'Bo' });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  async function handedOffSession(contactId: string): Promise<number> {
    const c = await FrameClient.open(`${t.url.replace('http', 'ws')}/ws?contact_id=${contactId}`, basicAuth(staff.apiKey, staff.secretKey));
    c.send({ action: 'chat', content: 'I want to talk to a human' });
    await c.untilEof();
    c.close();
    const r = await t.gql<{ sessions: { items: { id: number; contact: { externalId: string } }[] } }>(
      '{ sessions(filter: { status: PENDING }) { items { id contact { externalId } } } }',
      {},
      merchant.token,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.sessions.items.find((s) => s.contact.externalId === contactId)!.id;
  }

  /** Fails in seconds rather than at the pool's 60 s acquire timeout. */
  function within<T>(ms: number, p: Promise<T>): Promise<T> {
    return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`not done within ${ms} ms: the pool is stuck`)), ms))]);
  }

  it('finishes twenty concurrent agent replies to one session, each stored once', async () => {
    const sessionId = await handedOffSession('burst-1');
    const accepted = await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { status } }', { id: sessionId }, agent.token);
    expect(accepted.errors).toBeUndefined();
    const send = (i: number) =>
      t.gql<{ sendMessage: { seq: number } }>('mutation($i: SendMessageInput!) { sendMessage(input: $i) { seq } }', { i: { sessionId, content: `reply ${i}` } }, agent.token);
    const results = await within(15_000, Promise.all(Array.from({ length: 20 }, (_, i) => send(i))));
    expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
    const seqs = results.map((r) => r.data!.sendMessage.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(20);
    const history = await t.gql<{ messages: { content: string }[] }>('query($id: Int!) { messages(sessionId: $id) { content } }', { id: sessionId }, agent.token);
    expect(history.data!.messages.filter((m) => m.content.startsWith('reply ')).length).toBe(20);
  }, 30_000);

  it('finishes a burst of transfers between two agents and their replies on one session', async () => {
    const sessionId = await handedOffSession('burst-2');
    expect((await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { status } }', { id: sessionId }, agent.token)).errors).toBeUndefined();
    const ops = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0
        ? t.gql('mutation($id: Int!, $to: Int) { transferSession(sessionId: $id, toAgentId: $to) { status } }', { id: sessionId, to: i % 2 ? agent.id : colleague.id }, merchant.token)
        : t.gql('mutation($i: SendMessageInput!) { sendMessage(input: $i) { seq } }', { i: { sessionId, content: `burst ${i}` } }, i % 2 ? agent.token : colleague.token),
    );
    const results = await within(15_000, Promise.all(ops));
    // Every request is answered: done, or refused with a code (a reply may find the session between owners).
    for (const r of results) if (r.errors) expect(r.errors[0]!.extensions?.code).toMatch(/CONFLICT|FORBIDDEN/);
    const after = await t.gql<{ session: { status: string } }>('query($id: Int!) { session(id: $id) { status } }', { id: sessionId }, merchant.token);
    expect(after.data!.session.status).toBe('MANUAL');
  }, 30_000);
});

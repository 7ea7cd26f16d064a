import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { ShortAppends, type AppendValues } from '../../src/services/session/open-session-append.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

type Row = Record<string, unknown>;

/**
 * The intake's short path (src/services/session/open-session-append.ts) writes a message, its event and its
 * webhooks in one statement, where the full path writes them through the ORM in a transaction. Both must
 * leave the same rows behind, and the short path must step aside whenever the session is not as it expects.
 */
describe('the short path of a message writes what the full path writes', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  let agent: AgentFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
  const sql = <T = Row>(text: string, params: unknown[] = []) => t.app.orm.em.fork().getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    t = await startTestApp({ CHAT_MESSAGES_PER_CONTACT_PER_MINUTE: '1000' });
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token);
    agent = await createAgent(t, merchant.token, [staff.id], { name: 'Dora' });
    const created = await t.gql(
      `mutation($i: WebhookEndpointCreateInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }`,
      { i: { url: 'http://127.0.0.1:9/hook', eventTypes: ['message.created'] } },
      merchant.token,
    );
    expect(created.errors).toBeUndefined();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  async function contact(id: string): Promise<FrameClient> {
    return FrameClient.open(ws(`/ws?contact_id=${id}`), basicAuth(staff.apiKey, staff.secretKey));
  }

  async function say(c: FrameClient, content: string): Promise<void> {
    c.send({ action: 'chat', content });
    await c.untilEof();
  }

  const keysAndTypes = (o: Row) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? 'null' : typeof v]));

  it('logs the same event and queues the same webhook as the full path, numbered densely', async () => {
    const c = await contact('shape-1');
    // The first message opens the session: the full path. The second goes to the open AI session: the short path.
    await say(c, 'hello');
    await say(c, 'hello again');
    const messages = await sql<{ id: number; seq: number; session_id: number }>(
      `select m.id, m.seq, m.session_id from message m join contact k on k.id = (select contact_id from session where id = m.session_id)
       where k.external_id = 'shape-1' and m.sender_type = 'contact' order by m.id`,
    );
    expect(messages).toHaveLength(2);
    const logged = await sql<{ seq: string; payload: Row }>(`select seq, payload from event_log where merchant_id = ? and topic = 'MESSAGE_ADDED' and (payload->>'messageId')::int = any(?::int[]) order by seq`, [
      merchant.id,
      `{${messages.map((m) => m.id).join(',')}}`,
    ]);
    expect(logged).toHaveLength(2);
    const [full, short] = logged.map((l) => l.payload);
    expect(keysAndTypes(short!)).toEqual(keysAndTypes(full!));
    expect(short).toMatchObject({ merchantId: merchant.id, staffId: staff.id, sessionId: messages[1]!.session_id, messageId: messages[1]!.id, seq: messages[1]!.seq, senderType: 'contact', status: 'ai', agentId: null });

    const hooks = await sql<{ payload: { type: string; timestamp: string; data: Row } }>(
      `select payload from webhook_delivery where merchant_id = ? and event_type = 'message.created' and (payload->'data'->>'message_id')::int = any(?::int[]) order by id`,
      [merchant.id, `{${messages.map((m) => m.id).join(',')}}`],
    );
    expect(hooks).toHaveLength(2);
    const [fullHook, shortHook] = hooks.map((h) => h.payload);
    expect(Object.keys(shortHook!).sort()).toEqual(Object.keys(fullHook!).sort());
    expect(keysAndTypes(shortHook!.data)).toEqual(keysAndTypes(fullHook!.data));
    expect(shortHook!.data).toMatchObject({ session_id: messages[1]!.session_id, message_id: messages[1]!.id, content: 'hello again', sender_type: 'contact', channel: 'web' });
    expect(new Date(shortHook!.timestamp).toISOString()).toBe(shortHook!.timestamp);

    // Every number of the merchant is used once, with no hole, whichever path wrote it.
    const seqs = (await sql<{ seq: string }>('select seq from event_log where merchant_id = ? order by seq', [merchant.id])).map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    c.close();
  });

  it("pushes the agent's console the contact's message with its profile, from the event alone", async () => {
    const kf = (await FrameClient.open(ws('/ws/kf'))).answerBeats();
    kf.send({ method: 'login', token: agent.token });
    expect(await kf.nextJson({ method: 'login' })).toMatchObject({ code: 0 });
    const c = await contact('shape-2');
    await say(c, 'I want to talk to a human');
    expect(await kf.nextJson({ method: 'wait_list_push', userid: 'shape-2' })).toMatchObject({ code: 0 });
    // Waiting: the short path.
    await say(c, 'still waiting');
    const waiting = await kf.nextJson({ method: 'wait_list_push', userid: 'shape-2' });
    expect(waiting).toMatchObject({ userid: 'shape-2', user_query: [{ type: 'text', value: { text: 'still waiting' } }], event_seq: expect.any(Number) });
    kf.send({ method: 'connect', userid: 'shape-2' });
    expect(await kf.nextJson({ method: 'connect' })).toMatchObject({ code: 0 });
    // The session joins the agent's current list, shown with the contact's latest message.
    expect(await kf.nextJson({ method: 'connect_list_push', userid: 'shape-2' })).toMatchObject({ user_query: [{ value: { text: 'still waiting' } }] });
    // With the agent: the short path again.
    await say(c, 'thanks for taking this');
    const held = await kf.nextJson({ method: 'connect_list_push', userid: 'shape-2' });
    expect(held).toMatchObject({ userid: 'shape-2', user_query: [{ type: 'text', value: { text: 'thanks for taking this' } }] });
    expect(held.event_seq).toBeGreaterThan(waiting.event_seq);
    kf.close();
    c.close();
  });

  it('steps aside when the session changes under it: messages racing a close are each stored once, in dense seqs', async () => {
    const c = await contact('race-1');
    // Two connections of the contact, so its messages also race each other (each connection answers in turn).
    const c2 = await contact('race-1');
    await say(c, 'let me talk to a human');
    const [session] = await sql<{ id: number }>(`select s.id from session s join contact k on k.id = s.contact_id where k.external_id = 'race-1' and s.status <> 'closed'`);
    const sent = Array.from({ length: 24 }, (_, i) => `race message ${i}`);
    const close = (async () => {
      await new Promise((r) => setTimeout(r, 20));
      const r = await t.gql('mutation($id: Int!) { closeSession(sessionId: $id) { id status } }', { id: session!.id }, merchant.token);
      expect(r.errors).toBeUndefined();
    })();
    sent.forEach((text, i) => (i % 2 ? c2 : c).send({ action: 'chat', content: text }));
    for (let i = 0; i < sent.length / 2; i++) await Promise.all([c.untilEof(20_000), c2.untilEof(20_000)]);
    await close;
    const rows = await sql<{ content: string; seq: number; session_id: number; status: string }>(
      `select m.content, m.seq, m.session_id, s.status from message m join session s on s.id = m.session_id join contact k on k.id = s.contact_id
       where k.external_id = 'race-1' and m.sender_type = 'contact' and m.content like 'race message %' order by m.id`,
    );
    expect(rows.map((r) => r.content).sort()).toEqual([...sent].sort());
    // Per session, seqs (of every sender) run 1..n with no gap or repeat.
    const all = await sql<{ session_id: number; seq: number }>(`select m.session_id, m.seq from message m join session s on s.id = m.session_id join contact k on k.id = s.contact_id where k.external_id = 'race-1' order by m.session_id, m.seq`);
    const bySession = new Map<number, number[]>();
    for (const r of all) bySession.set(r.session_id, [...(bySession.get(r.session_id) ?? []), r.seq]);
    for (const seqs of bySession.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    // A message that arrived after the close went to a new session, never into the closed one after its end.
    const late = await sql<{ n: number }>(`select count(*)::int as n from message m join session s on s.id = m.session_id where s.id = ? and m.created_at > s.closed_at`, [session!.id]);
    expect(late[0]!.n).toBe(0);
    c.close();
    c2.close();
  });

  it("keeps another tenant's session out of reach", async () => {
    const other = await createMerchant(t);
    const otherStaff = await createStaffWithKeys(t, other.token);
    const mine = await contact('tenant-1');
    await say(mine, 'hello');
    // The same contact id under another merchant's staff is another contact, in another session.
    const theirs = await FrameClient.open(ws('/ws?contact_id=tenant-1'), basicAuth(otherStaff.apiKey, otherStaff.secretKey));
    await say(theirs, 'hello from elsewhere');
    await say(mine, 'hello once more');
    const rows = await sql<{ merchant_id: number; n: number }>(
      `select s.merchant_id, count(*)::int as n from message m join session s on s.id = m.session_id join contact k on k.id = s.contact_id
       where k.external_id = 'tenant-1' and m.sender_type = 'contact' group by s.merchant_id order by s.merchant_id`,
    );
    expect(rows).toEqual([
      { merchant_id: merchant.id, n: 2 },
      { merchant_id: other.id, n: 1 },
    ]);
    mine.close();
    theirs.close();
  });

  it('writes the appends that wait together in one round trip, and a failing one fails alone', async () => {
    const c = await contact('batch-1');
    await say(c, 'I want to talk to a human');
    c.close();
    const [session] = await sql<{ id: number; last_seq: number }>(`select s.id, s.last_seq from session s join contact k on k.id = s.contact_id where k.external_id = 'batch-1' and s.status = 'pending'`);
    const appends = new ShortAppends(t.app.orm);
    const values = (content: string): AppendValues => ({
      statuses: ['pending' as AppendValues['statuses'][number]],
      orOffline: false,
      preview: content,
      senderType: 'contact',
      senderId: 'batch-1',
      msgType: 'text',
      content,
      payload: { quote: "it's \\ fine; really" },
    });
    const target = { kind: 'session' as const, merchantId: merchant.id, sessionId: session!.id };
    const run = (contents: string[]) => Promise.allSettled(contents.map((text) => appends.append(target, values(text))));
    const stored = (like: string) =>
      sql<{ content: string; seq: number; payload: Row; xmin: string }>(`select content, seq, payload, xmin::text from message where session_id = ? and content like ? order by seq`, [session!.id, like]);

    // The first goes alone; the eleven that wait for it go as one batch: one statement list, one transaction.
    const good = Array.from({ length: 12 }, (_, i) => `batched ${i}; it's 'quoted' \\ too`);
    expect((await run(good)).map((r) => r.status)).toEqual(good.map(() => 'fulfilled'));
    const batched = await stored('batched %');
    expect(batched.map((r) => r.content)).toEqual(good);
    expect(batched.map((r) => r.seq)).toEqual(batched.map((_, i) => session!.last_seq + 1 + i));
    expect(batched[0]!.payload).toEqual({ quote: "it's \\ fine; really" });
    expect(new Set(batched.map((r) => r.xmin)).size).toBe(2);

    // One of a batch that PostgreSQL refuses (a NUL) fails alone: the others are written again one by one.
    const mixed = Array.from({ length: 6 }, (_, i) => (i === 3 ? 'mixed bad \u0000 byte' : `mixed ${i}`));
    expect((await run(mixed)).map((r) => r.status)).toEqual(mixed.map((_, i) => (i === 3 ? 'rejected' : 'fulfilled')));
    expect((await stored('mixed %')).map((r) => r.content)).toEqual(mixed.filter((_, i) => i !== 3));
    const seqs = (await sql<{ seq: string }>('select seq from event_log where merchant_id = ? order by seq', [merchant.id])).map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
  });
});

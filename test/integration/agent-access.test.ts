import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

/** What an agent or a merchant may reach: visible staff only, and only staff that may work. */
describe('access: agents see their own staff only; an unavailable staff does not answer', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let st1: StaffFixture;
  let st2: StaffFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
  const sql = (q: string, params: unknown[]) => t.app.orm.em.fork().getConnection().execute(q, params);

  beforeAll(async () => {
    t = await startTestApp();
    merchant = await createMerchant(t);
    st1 = await createStaffWithKeys(t, merchant.token);
    st2 = await createStaffWithKeys(t, merchant.token);
  });
  afterAll(() => t?.close());

  /** A contact of `s` who asked for a person; its socket stays open. */
  async function waiting(contactId: string, s: StaffFixture): Promise<{ id: number; contact: FrameClient }> {
    const contact = await FrameClient.open(ws(`/ws?contact_id=${contactId}`), basicAuth(s.apiKey, s.secretKey));
    contact.send({ action: 'chat', content: '转人工' });
    await contact.untilEof();
    const list = await t.gql('{ sessions(filter: { status: PENDING }) { items { id contact { externalId } } } }', {}, merchant.token);
    return { id: list.data.sessions.items.find((x: any) => x.contact.externalId === contactId).id, contact };
  }

  it("never lists another staff's sessions to an agent, whatever the filter", async () => {
    const agent = await createAgent(t, merchant.token, [st1.id]);
    const mine = await waiting('filter-mine', st1);
    const theirs = await waiting('filter-theirs', st2);
    const q = 'query($f: SessionFilterInput) { sessions(filter: $f) { items { id staffId } } }';
    const ids = async (f: Record<string, unknown>, token = agent.token) => ((await t.gql(q, { f }, token)).data.sessions.items as { id: number }[]).map((s) => s.id);

    expect(await ids({ staffId: st2.id })).toEqual([]);
    expect(await ids({ staffId: st2.id, status: 'PENDING' })).toEqual([]);
    expect(await ids({ staffId: st1.id })).toContain(mine.id);
    expect(await ids({})).not.toContain(theirs.id);
    // The merchant still narrows by staff.
    expect(await ids({ staffId: st2.id }, merchant.token)).toEqual([theirs.id]);
    mine.contact.close();
    theirs.contact.close();
  });

  describe('askStaff and askStaffStream refuse a staff that may not answer', () => {
    const ask = (staffId: number) => t.gql('query($id: Int!) { askStaff(staffId: $id, question: "营业时间？") { text } }', { id: staffId }, merchant.token);
    const askStream = (staffId: number) =>
      new Promise<any>((resolve) => {
        const seen: any[] = [];
        t.wsClient({ token: merchant.token }).subscribe(
          { query: 'subscription($id: Int!) { askStaffStream(staffId: $id, question: "营业时间？") { delta done error } }', variables: { id: staffId } },
          { next: (v) => seen.push(v), error: (errors) => resolve({ errors }), complete: () => resolve(seen) },
        );
      });

    it('answers for a staff in its trial', async () => {
      const res = await ask(st1.id);
      expect(res.errors).toBeUndefined();
      expect(typeof res.data.askStaff.text).toBe('string');
    });

    it.each([
      ['frozen', 'update staff set is_frozen = true where id = ?', /frozen/],
      ['expired', "update staff set trial_time = now() - interval '1 day', expiring_time = null where id = ?", /expired/],
      ['inactive', 'update staff set trial_time = null, expiring_time = null where id = ?', /not activated/],
    ])('refuses a %s staff with FORBIDDEN / STAFF_UNAVAILABLE, over HTTP and graphql-ws', async (_kind, update, message) => {
      const s = await createStaffWithKeys(t, merchant.token);
      await sql(update, [s.id]);
      const res = await ask(s.id);
      expect(res.data).toBeNull();
      expect(res.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'FORBIDDEN', reason: 'STAFF_UNAVAILABLE' } });
      const streamed = await askStream(s.id);
      const errors = Array.isArray(streamed) ? streamed.flatMap((v: any) => v.errors ?? []) : streamed.errors;
      expect(errors[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'FORBIDDEN', reason: 'STAFF_UNAVAILABLE' } });
    });
  });

  it('/ws/cs stops following bound sessions of a staff taken away from the agent, and binds only visible ones', async () => {
    const agent = await createAgent(t, merchant.token, [st1.id, st2.id]);
    const bench = await FrameClient.open(ws(`/ws/cs/${agent.id}?token=${agent.token}`));
    const kept = await waiting('bench-kept', st1);
    const lost = await waiting('bench-lost', st2);
    for (const s of [kept, lost]) {
      bench.send({ type: 'bind_session', sessionId: String(s.id) });
      expect(await bench.nextJson({ type: 'session_bound' })).toEqual({ type: 'session_bound', sessionId: String(s.id) });
    }
    lost.contact.send({ action: 'chat', content: 'before' });
    await lost.contact.untilEof();
    expect(await bench.nextJson({ type: 'new_message' })).toMatchObject({ sessionId: String(lost.id), data: { content: 'before' } });

    expect((await t.rest('/api/v1/customer/edit/agent', { id: agent.id, staff_ids: [st1.id] }, merchant.token)).body.header.code).toBe(0);
    // A new bind is checked against the staff the agent has now.
    bench.send({ type: 'bind_session', sessionId: String(lost.id) });
    expect(await bench.nextJson({ type: 'error' })).toMatchObject({ code: 404, sessionId: String(lost.id) });

    const from = bench.frames.length;
    lost.contact.send({ action: 'chat', content: 'after' });
    await lost.contact.untilEof();
    kept.contact.send({ action: 'chat', content: 'still followed' });
    await kept.contact.untilEof();
    // The kept session's push comes after the lost one's would have: nothing of the lost session arrives.
    expect(await bench.nextJson({ type: 'new_message', sessionId: String(kept.id) })).toMatchObject({ data: { content: 'still followed' } });
    const leaked = bench.frames.slice(from).filter((f) => f.includes(`"sessionId":"${lost.id}"`));
    expect(leaked).toEqual([]);
    bench.close();
    kept.contact.close();
    lost.contact.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, createMerchant, type MerchantFixture } from '../support/factories.js';
import { PUBLIC_URL, startTestApp, type TestApp } from '../support/test-app.js';

const STAFF_FIELDS = 'id serialNo name orgName tone outputLength languageMode languageResponse state chatUrl apiKey secretKey isFrozen isDeleted editUser trialTime expiringTime merchant { id userName }';

describe('GraphQL: staff', () => {
  let t: TestApp;
  let alice: MerchantFixture;
  let bob: MerchantFixture;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, bob] = await Promise.all([createMerchant(t), createMerchant(t)]);
    admin = await adminToken(t);
  });
  afterAll(() => t?.close());

  const create = (token: string, input: Record<string, unknown> = {}) =>
    t.gql(`mutation($input: StaffCreateInput!) { createStaff(input: $input) { ${STAFF_FIELDS} } }`, { input: { name: 'Bot', orgName: 'Support', ...input } }, token);

  it('creates with enum values and derives state and chatUrl', async () => {
    const res = await create(alice.token, { tone: 'PROFESSIONAL_AND_CAUTIOUS', outputLength: 'CONCISE', languageResponse: 'ENGLISH' });
    expect(res.errors).toBeUndefined();
    const s = res.data.createStaff;
    expect(s).toMatchObject({ name: 'Bot', tone: 'PROFESSIONAL_AND_CAUTIOUS', outputLength: 'CONCISE', languageMode: 'WRITTEN', languageResponse: 'ENGLISH', state: 'NORMAL', isFrozen: false, editUser: alice.userName, expiringTime: null, merchant: { id: alice.id, userName: alice.userName } });
    expect(s.chatUrl).toBe(`${PUBLIC_URL}/chat/${s.serialNo}`);
    expect(new Date(s.trialTime).getTime()).toBeGreaterThan(Date.now() + 6 * 86400_000);
  });

  it('lists with paging and filters, and updates only given fields', async () => {
    const m = await createMerchant(t);
    for (const name of ['Alpha', 'Beta', 'Gamma']) await create(m.token, { name, description: `about ${name}` });
    const page = await t.gql('{ staffs(page: { pageNo: 0, pageSize: 2 }) { total pageNo pageSize items { name merchant { userName } } } }', {}, m.token);
    expect(page.data.staffs).toMatchObject({ total: 3, pageNo: 0, pageSize: 2 });
    expect(page.data.staffs.items.map((s: { name: string }) => s.name)).toEqual(['Gamma', 'Beta']);
    const filtered = await t.gql('{ staffs(filter: { name: "alp" }) { total items { id name description } } }', {}, m.token);
    expect(filtered.data.staffs.total).toBe(1);
    const { id } = filtered.data.staffs.items[0];
    const upd = await t.gql('mutation($id: Int!) { updateStaff(id: $id, input: { name: "Alpha 2" }) { name description } }', { id }, m.token);
    expect(upd.data.updateStaff).toEqual({ name: 'Alpha 2', description: 'about Alpha' });
  });

  it('freezes, unfreezes and deletes', async () => {
    const { id } = (await create(alice.token)).data.createStaff;
    expect((await t.gql('mutation($id: Int!) { freezeStaff(id: $id) { isFrozen } }', { id }, alice.token)).data.freezeStaff.isFrozen).toBe(true);
    expect((await t.gql('mutation($id: Int!) { unfreezeStaff(id: $id) { isFrozen } }', { id }, alice.token)).data.unfreezeStaff.isFrozen).toBe(false);
    expect((await t.gql('mutation($id: Int!) { deleteStaff(id: $id) { isDeleted } }', { id }, alice.token)).data.deleteStaff.isDeleted).toBe(true);
    const gone = await t.gql('query($id: Int!) { staff(id: $id) { id } }', { id }, alice.token);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND for another tenant, exactly as for a missing id', async () => {
    const { id } = (await create(alice.token, { name: 'Private' })).data.createStaff;
    const foreign = await t.gql('query($id: Int!) { staff(id: $id) { id } }', { id }, bob.token);
    const missing = await t.gql('query($id: Int!) { staff(id: $id) { id } }', { id: 99_999_999 }, bob.token);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]?.message).toBe(`Staff ${id} not found`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const m of ['deleteStaff', 'freezeStaff', 'unfreezeStaff']) {
      const res = await t.gql(`mutation($id: Int!) { ${m}(id: $id) { id } }`, { id }, bob.token);
      expect(res.errors?.[0]?.extensions?.code, m).toBe('NOT_FOUND');
    }
    const upd = await t.gql('mutation($id: Int!) { updateStaff(id: $id, input: { name: "x" }) { id } }', { id }, bob.token);
    expect(upd.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const bobs = await t.gql('{ staffs { items { id } } }', {}, bob.token);
    expect(bobs.data.staffs.items.map((s: { id: number }) => s.id)).not.toContain(id);
    const still = await t.gql('query($id: Int!) { staff(id: $id) { name isDeleted isFrozen } }', { id }, alice.token);
    expect(still.data.staff).toEqual({ name: 'Private', isDeleted: false, isFrozen: false });
  });

  it('enforces roles: UNAUTHENTICATED without a token, FORBIDDEN for the admin', async () => {
    const anon = await t.gql('{ staffs { total } }');
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await t.gql('{ staffs { total } }', {}, 'garbage');
    expect(bad.errors?.[0]).toMatchObject({ message: 'Invalid or expired token', extensions: { code: 'UNAUTHENTICATED' } });
    const asAdmin = await t.gql('{ staffs { total } }', {}, admin);
    expect(asAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('validates input: BAD_USER_INPUT for rule and type errors', async () => {
    const empty = await create(alice.token, { name: '  ' });
    expect(empty.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(empty.errors?.[0]?.message).toContain('name');
    const badEnum = await create(alice.token, { tone: 'GRUMPY' });
    expect(badEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badUrl = await create(alice.token, { avatarUrl: 'ftp://x' });
    expect(badUrl.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badPage = await t.gql('{ staffs(page: { pageSize: 5000 }) { total } }', {}, alice.token);
    expect(badPage.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('public lookup by serial number needs no token and has no key fields', async () => {
    const s = (await create(alice.token, { name: 'Widget', greetings: 'Hello!' })).data.createStaff;
    const res = await t.gql('query($sn: String!) { staffBySerialNo(serialNo: $sn) { id name greetings chatUrl state } }', { sn: s.serialNo });
    expect(res.data.staffBySerialNo).toEqual({ id: s.id, name: 'Widget', greetings: 'Hello!', chatUrl: s.chatUrl, state: 'NORMAL' });
    const keys = await t.gql('query($sn: String!) { staffBySerialNo(serialNo: $sn) { apiKey } }', { sn: s.serialNo });
    expect(keys.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await t.gql('{ staffBySerialNo(serialNo: "nope") { id } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("pushes staffChanged over graphql-ws to the owner only", async () => {
    const aliceWs = t.wsClient({ token: alice.token });
    const bobWs = t.wsClient({ Authorization: `Bearer ${bob.token}` });
    const aliceEvents: any[] = [];
    const bobEvents: any[] = [];
    const query = 'subscription { staffChanged { kind staffId staff { name isFrozen } } }';
    const sub = (client: typeof aliceWs, sink: any[]) =>
      new Promise<void>((resolve, reject) => {
        const unsubscribe = client.subscribe({ query }, { next: (v) => sink.push(v), error: reject, complete: resolve });
        return unsubscribe;
      });
    void sub(aliceWs, aliceEvents);
    void sub(bobWs, bobEvents);
    await new Promise((r) => setTimeout(r, 300));

    const { id } = (await create(alice.token, { name: 'Live' })).data.createStaff;
    await t.gql('mutation($id: Int!) { freezeStaff(id: $id) { id } }', { id }, alice.token);
    await t.gql('mutation($id: Int!) { updateStaff(id: $id, input: { name: "Live 2" }) { id } }', { id }, alice.token);
    await t.gql('mutation($id: Int!) { deleteStaff(id: $id) { id } }', { id }, alice.token);
    await expect.poll(() => aliceEvents.length).toBe(4);
    expect(aliceEvents.map((e) => e.data.staffChanged)).toEqual([
      { kind: 'CREATED', staffId: id, staff: expect.objectContaining({ name: expect.stringMatching(/^Live/) }) },
      { kind: 'FROZEN', staffId: id, staff: expect.any(Object) },
      { kind: 'UPDATED', staffId: id, staff: expect.any(Object) },
      { kind: 'DELETED', staffId: id, staff: expect.objectContaining({ name: 'Live 2', isFrozen: true }) },
    ]);
    expect(bobEvents).toEqual([]);
  });

  it('refuses a subscription without a merchant token, and a connection with a bad token', async () => {
    const anon = t.wsClient();
    const err = await new Promise<any>((resolve) => {
      anon.subscribe({ query: 'subscription { staffChanged { kind } } ' }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    expect(JSON.stringify(err)).toContain('UNAUTHENTICATED');

    const bad = t.wsClient({ token: 'garbage' });
    const closed = await new Promise<any>((resolve) => {
      bad.subscribe({ query: '{ staffBySerialNo(serialNo: "x") { id } }' }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    expect(closed?.code).toBe(4403);
  });

  it('runs queries and mutations over graphql-ws with the same context', async () => {
    const ws = t.wsClient({ token: alice.token });
    const result = await new Promise<any>((resolve, reject) => {
      ws.subscribe({ query: '{ me { role merchant { id } } }' }, { next: resolve, error: reject, complete: () => {} });
    });
    expect(result.data.me).toEqual({ role: 'MERCHANT', merchant: { id: alice.id } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMerchant, createStaff, staffInput, type MerchantFixture } from '../support/factories.js';
import { PUBLIC_URL, startTestApp, type TestApp } from '../support/test-app.js';

const SEED_STAFF_FIELDS = [
  'id', 'serial_no', 'customer_id', 'name', 'org_name', 'tone', 'output_length', 'language_mode', 'language_response',
  'description', 'trial_time', 'expiring_time', 'state', 'edit_user', 'is_frozen', 'api_key', 'secret_key', 'chat_url',
  'avatar_url', 'greetings', 'repo_name', 'repo_descr', 'is_deleted', 'created_time', 'updated_time',
].sort();
const SEED_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('ai-staff REST: staff (§2.1–2.5, §2.14)', () => {
  let t: TestApp;
  let alice: MerchantFixture;
  let bob: MerchantFixture;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, bob] = await Promise.all([createMerchant(t), createMerchant(t)]);
  });
  afterAll(() => t?.close());

  const list = (token: string, body: Record<string, unknown> = {}) => t.rest('/api/v1/customer/list/staff', body, token);

  it('creates a staff and lists it with every seed field', async () => {
    const res = await t.rest('/api/v1/customer/create/staff', staffInput({ name: '我的AI员工1号' }), alice.token);
    expect(res.status).toBe(200);
    expect(res.body.header).toEqual({ code: 0, message: 'OK', total: 1, count: 1 });
    expect(res.body.data.id).toBeTypeOf('number');

    const listed = await list(alice.token, { id: res.body.data.id });
    expect(listed.body.header).toMatchObject({ code: 0, total: 1, count: 1 });
    const item = listed.body.data.list[0];
    expect(Object.keys(item).sort()).toEqual(SEED_STAFF_FIELDS);
    expect(item).toMatchObject({
      id: res.body.data.id,
      customer_id: alice.id,
      name: '我的AI员工1号',
      org_name: '销售部',
      tone: 'friendly and sincere',
      output_length: 'normal-length',
      language_mode: 'written',
      language_response: 'Chinese',
      state: 1,
      edit_user: alice.userName,
      is_frozen: false,
      is_deleted: false,
      expiring_time: '',
    });
    expect(item.serial_no).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(item.api_key).toMatch(/^ak_/);
    expect(item.secret_key).toMatch(/^sk_/);
    expect(item.chat_url).toBe(`${PUBLIC_URL}/chat/${item.serial_no}`);
    expect(item.trial_time).toMatch(SEED_TIME);
    expect(item.created_time).toMatch(SEED_TIME);
  });

  it('generates distinct serial numbers and keys', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => createStaff(t, alice.token)));
    const listed = await list(alice.token, { page_size: 100 });
    const items = listed.body.data.list.filter((s: { id: number }) => ids.includes(s.id));
    expect(new Set(items.map((s: { serial_no: string }) => s.serial_no)).size).toBe(3);
    expect(new Set(items.map((s: { api_key: string }) => s.api_key)).size).toBe(3);
  });

  it('pages from 0 with total and count, and filters by name and serial_no', async () => {
    const m = await createMerchant(t);
    for (let i = 0; i < 5; i++) await createStaff(t, m.token, { name: `Pager ${i}` });
    const page0 = await list(m.token, { page_no: 0, page_size: 2 });
    expect(page0.body.header).toMatchObject({ total: 5, count: 2 });
    const page2 = await list(m.token, { page_no: 2, page_size: 2 });
    expect(page2.body.header).toMatchObject({ total: 5, count: 1 });
    const seen = new Set([...page0.body.data.list, ...page2.body.data.list].map((s: { id: number }) => s.id));
    expect(seen.size).toBe(3);

    const byName = await list(m.token, { name: 'pager 3' });
    expect(byName.body.data.list.map((s: { name: string }) => s.name)).toEqual(['Pager 3']);
    const sn = byName.body.data.list[0].serial_no;
    const bySerial = await list(m.token, { serial_no: sn, id: 0, name: '' });
    expect(bySerial.body.header).toMatchObject({ total: 1, count: 1 });

    const none = await list(m.token, { name: '100%_' });
    expect(none.body.header).toMatchObject({ code: 0, total: 0, count: 0 });
    expect(none.body.data.list).toEqual([]);
  });

  it('edits only the fields present and ignores generated ones', async () => {
    const id = await createStaff(t, alice.token, { description: 'keep me' });
    const before = (await list(alice.token, { id })).body.data.list[0];
    const res = await t.rest(
      '/api/v1/customer/edit/staff',
      { id, name: 'Renamed', tone: 'clear and direct', serial_no: 'HACKED', chat_url: 'http://evil' },
      alice.token,
    );
    expect(res.body.header.code).toBe(0);
    const after = (await list(alice.token, { id })).body.data.list[0];
    expect(after).toMatchObject({ name: 'Renamed', tone: 'clear and direct', description: 'keep me', serial_no: before.serial_no, chat_url: before.chat_url, api_key: before.api_key });
  });

  it('freezes and unfreezes', async () => {
    const id = await createStaff(t, alice.token);
    expect((await t.rest('/api/v1/customer/frozen/staff', { id }, alice.token)).body.header.code).toBe(0);
    expect((await list(alice.token, { id })).body.data.list[0].is_frozen).toBe(true);
    expect((await t.rest('/api/v1/customer/unfrozen/staff', { id }, alice.token)).body.header.code).toBe(0);
    expect((await list(alice.token, { id })).body.data.list[0].is_frozen).toBe(false);
  });

  it('soft-deletes: gone from lists and public lookup, but the row stays', async () => {
    const id = await createStaff(t, alice.token);
    const sn = (await list(alice.token, { id })).body.data.list[0].serial_no;
    expect((await t.rest('/api/v1/customer/delete/staff', { id }, alice.token)).body.header.code).toBe(0);
    expect((await list(alice.token, { id })).body.header.total).toBe(0);
    expect((await t.rest('/api/v1/customer/query/staff', { serial_no: sn })).body.header.code).toBe(1006);
    expect((await t.rest('/api/v1/customer/delete/staff', { id }, alice.token)).body.header.code).toBe(1006);
    const rows = await t.app.orm.em.fork().getConnection().execute('select is_deleted from staff where id = ?', [id]);
    expect(rows[0]?.is_deleted).toBe(true);
  });

  it('answers the public query by serial number without a token, keys or the merchant\'s login name', async () => {
    const id = await createStaff(t, alice.token, { name: 'Public face' });
    const owned = (await list(alice.token, { id })).body.data.list[0];
    expect(owned.edit_user).toBe(alice.userName);
    const res = await t.rest('/api/v1/customer/query/staff', { serial_no: owned.serial_no });
    expect(res.body.header).toEqual({ code: 0, message: 'OK', total: 1, count: 1 });
    const item = res.body.data.list[0];
    expect(Object.keys(item).sort()).toEqual(SEED_STAFF_FIELDS);
    expect(item).toMatchObject({ id, name: 'Public face', api_key: '', secret_key: '', edit_user: '' });
    expect(JSON.stringify(res.body)).not.toMatch(/ak_|sk_/);
    expect(JSON.stringify(res.body)).not.toContain(alice.userName);
    // Nor does the public chat page.
    const page = await (await fetch(owned.chat_url.replace(PUBLIC_URL, t.url))).text();
    expect(page).toContain('Public face');
    for (const secret of [alice.userName, owned.api_key, owned.secret_key]) expect(page).not.toContain(secret);
    expect((await t.rest('/api/v1/customer/query/staff', { serial_no: 'nope' })).body.header.code).toBe(1006);
    expect((await t.rest('/api/v1/customer/query/staff', {})).body.header.code).toBe(1003);
  });

  it('refuses bad input with 1003 and names the field', async () => {
    const bad = [
      [{ ...staffInput(), name: '' }, 'name'],
      [{ ...staffInput(), org_name: undefined }, 'orgName'],
      [{ ...staffInput(), tone: 'grumpy' }, 'tone'],
      [{ ...staffInput(), output_length: 'long' }, 'outputLength'],
      [{ ...staffInput(), language_mode: 'sung' }, 'languageMode'],
      [{ ...staffInput(), language_response: 'French' }, 'languageResponse'],
      [{ ...staffInput(), name: { x: 1 } }, 'name'],
      [{ ...staffInput(), avatar_url: 'javascript:alert(1)' }, 'avatarUrl'],
      [{ ...staffInput(), name: 'x'.repeat(101) }, 'name'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await t.rest('/api/v1/customer/create/staff', body, alice.token);
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(res.body.header.code, JSON.stringify(body)).toBe(1003);
      expect(res.body.header.message).toContain(field);
    }
    expect((await t.rest('/api/v1/customer/edit/staff', { name: 'no id' }, alice.token)).body.header.code).toBe(1003);
    expect((await t.rest('/api/v1/customer/edit/staff', { id: 'abc' }, alice.token)).body.header.code).toBe(1003);
    expect((await t.rest('/api/v1/customer/edit/staff', { id: 1, tone: 'grumpy' }, alice.token)).body.header.code).toBe(1003);
    expect((await list(alice.token, { page_size: 1000 })).body.header.code).toBe(1003);
    expect((await list(alice.token, { page_no: -1 })).body.header.code).toBe(1003);
  });

  it('answers invalid JSON with 1004 and a non-object body with 1003', async () => {
    const res = await t.rest('/api/v1/customer/create/staff', '{"name": ', alice.token);
    expect(res.status).toBe(200);
    expect(res.body.header.code).toBe(1004);
    expect((await t.rest('/api/v1/customer/create/staff', '[1,2]', alice.token)).body.header.code).toBe(1003);
  });

  it('needs a valid token: 401 with 1001', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const res = await t.rest('/api/v1/customer/list/staff', {}, token);
      expect(res.status).toBe(401);
      expect(res.body.header.code).toBe(1001);
    }
  });

  it("treats another merchant's staff as not found (1006) on every operation", async () => {
    const id = await createStaff(t, alice.token, { name: 'Alice only' });
    for (const p of ['edit', 'delete', 'frozen', 'unfrozen']) {
      const res = await t.rest(`/api/v1/customer/${p}/staff`, { id, name: 'stolen' }, bob.token);
      expect(res.body.header.code, p).toBe(1006);
    }
    const listed = await list(bob.token, { id });
    expect(listed.body.header.total).toBe(0);
    const mine = (await list(alice.token, { id })).body.data.list[0];
    expect(mine).toMatchObject({ name: 'Alice only', is_frozen: false, is_deleted: false });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, createMerchant, createProduct, productInput, type MerchantFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SEED_PRODUCT_FIELDS = [
  'id', 'name', 'price', 'currency', 'state', 'language', 'description', 'trial_days', 'expiring_days', 'serial_no',
  'is_deleted', 'create_user', 'edit_user', 'created_time', 'updated_time',
].sort();

describe('ai-staff REST: products (§3)', () => {
  let t: TestApp;
  let admin: string;
  let merchant: MerchantFixture;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
    merchant = await createMerchant(t);
  });
  afterAll(() => t?.close());

  const adminList = (body: Record<string, unknown> = {}) => t.rest('/api/v1/admin/list/production', body, admin);

  it('creates a product and lists it with every seed field, price exact', async () => {
    const res = await t.rest('/api/v1/admin/create/production', productInput({ name: '标准版包月套餐', price: '199' }), admin);
    expect(res.body.header).toEqual({ code: 0, message: 'OK', total: 1, count: 1 });
    const listed = await adminList({ id: res.body.data.id });
    const item = listed.body.data.list[0];
    expect(Object.keys(item).sort()).toEqual(SEED_PRODUCT_FIELDS);
    expect(item).toMatchObject({
      id: res.body.data.id,
      name: '标准版包月套餐',
      price: '199.00',
      currency: 'CNY',
      state: 1,
      language: 'zh-CN',
      trial_days: 7,
      expiring_days: 31,
      is_deleted: false,
      create_user: 'root-admin',
      edit_user: 'root-admin',
    });
    expect(item.serial_no).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it('keeps prices exact: 0.1 + 0.2 style amounts never drift, JPY has no decimals', async () => {
    const a = await createProduct(t, admin, { price: '0.30' });
    const b = await createProduct(t, admin, { price: 19.99, currency: 'usd' });
    const c = await createProduct(t, admin, { price: '1500', currency: 'JPY' });
    const d = await createProduct(t, admin, { price: '99999999.99' });
    const prices = await Promise.all([a, b, c, d].map(async (id) => (await adminList({ id })).body.data.list[0]));
    expect(prices.map((p) => [p.price, p.currency])).toEqual([
      ['0.30', 'CNY'],
      ['19.99', 'USD'],
      ['1500', 'JPY'],
      ['99999999.99', 'CNY'],
    ]);
  });

  it('refuses bad prices, currencies, states and days with 1003', async () => {
    const bad: Record<string, unknown>[] = [
      { price: '19.999' },
      { price: '-1' },
      { price: 'abc' },
      { price: '1e3' },
      { price: '1.5', currency: 'JPY' },
      { currency: 'XYZ' },
      { currency: 'yuan' },
      { state: 3 },
      { language: 'fr' },
      { expiring_days: 0 },
      { trial_days: -1 },
      { name: '' },
      { price: { v: 1 } },
    ];
    for (const patch of bad) {
      const res = await t.rest('/api/v1/admin/create/production', productInput(patch), admin);
      expect(res.body.header.code, JSON.stringify(patch)).toBe(1003);
    }
    const noPrice = productInput();
    delete (noPrice as Record<string, unknown>).price;
    expect((await t.rest('/api/v1/admin/create/production', noPrice, admin)).body.header.code).toBe(1003);
  });

  it('edits only the fields present', async () => {
    const id = await createProduct(t, admin, { description: 'stays' });
    const res = await t.rest('/api/v1/admin/edit/production', { id, price: '299.5', state: 2 }, admin);
    expect(res.body.header.code).toBe(0);
    const item = (await adminList({ id })).body.data.list[0];
    expect(item).toMatchObject({ price: '299.50', state: 2, description: 'stays', currency: 'CNY' });
    expect((await t.rest('/api/v1/admin/edit/production', { id: 999999, name: 'x' }, admin)).body.header.code).toBe(1006);
    expect((await t.rest('/api/v1/admin/edit/production', { name: 'x' }, admin)).body.header.code).toBe(1003);
  });

  it('shows merchants only products on sale, and deletes softly', async () => {
    const onSale = await createProduct(t, admin, { state: 1 });
    const draft = await createProduct(t, admin, { state: 0 });
    const off = await createProduct(t, admin, { state: 2 });
    const res = await t.rest('/api/v1/customer/list/production', { page_size: 100 }, merchant.token);
    const ids = res.body.data.list.map((p: { id: number }) => p.id);
    expect(ids).toContain(onSale);
    expect(ids).not.toContain(draft);
    expect(ids).not.toContain(off);
    expect(res.body.header.total).toBe(res.body.data.list.length);

    expect((await t.rest('/api/v1/admin/delete/production', { id: onSale }, admin)).body.header.code).toBe(0);
    const after = await t.rest('/api/v1/customer/list/production', { id: onSale }, merchant.token);
    expect(after.body.header.total).toBe(0);
    expect((await adminList({ id: onSale })).body.header.total).toBe(0);
    expect((await t.rest('/api/v1/admin/delete/production', { id: onSale }, admin)).body.header.code).toBe(1006);
  });

  it('pages from 0 and filters by name', async () => {
    const tag = `Pkg-${Date.now()}`;
    for (let i = 0; i < 3; i++) await createProduct(t, admin, { name: `${tag} ${i}` });
    const page = await adminList({ name: tag, page_no: 1, page_size: 2 });
    expect(page.body.header).toMatchObject({ total: 3, count: 1 });
  });

  it('keeps admin paths for the admin: 1000 for a merchant, 401/1001 without a token', async () => {
    for (const p of ['create', 'list', 'edit', 'delete']) {
      const res = await t.rest(`/api/v1/admin/${p}/production`, productInput({ id: 1 }), merchant.token);
      expect(res.body.header.code, p).toBe(1000);
      const anon = await t.rest(`/api/v1/admin/${p}/production`, productInput({ id: 1 }));
      expect(anon.status).toBe(401);
      expect(anon.body.header.code).toBe(1001);
    }
    expect((await t.rest('/api/v1/customer/list/production', {})).status).toBe(401);
    expect((await t.rest('/api/v1/admin/create/production', '{"name"', admin)).body.header.code).toBe(1004);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, createMerchant, createProduct, createStaff, type MerchantFixture } from '../support/factories.js';
import { DAY_MS, staffExpiry } from '../support/payment-fakes.js';
import { PUBLIC_URL, startTestApp, type TestApp } from '../support/test-app.js';

const SEED_BILLING_FIELDS = [
  'id', 'customer_id', 'staff_id', 'pay_type', 'trade_no', 'transaction_id', 'customer_email', 'prod_id', 'prod_no', 'prod_name',
  'prod_price', 'currency', 'pay_amount', 'refund_amount', 'state', 'created_time', 'updated_time', 'pay_url', 'extra_data',
  'message', 'payer',
].sort();
const SEED_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('ai-staff REST: payments (§2.6 pay, §2.7 query trade, §2.15 billing) through the sandbox', () => {
  let t: TestApp;
  let alice: MerchantFixture;
  let bob: MerchantFixture;
  let admin: string;
  let productId: number;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, bob] = await Promise.all([createMerchant(t), createMerchant(t)]);
    admin = await adminToken(t);
    productId = await createProduct(t, admin, { name: '标准版包月¥199', price: '199', currency: 'CNY', expiring_days: 31, state: 1 });
  });
  afterAll(() => t?.close());

  const pay = (token: string, body: Record<string, unknown>) => t.rest('/api/v1/customer/pay/staff', body, token);
  const query = (token: string, tradeNo: unknown) => t.rest('/api/v1/customer/query/trade', { trade_no: tradeNo }, token);
  const billing = (token: string, body: Record<string, unknown> = {}) => t.rest('/api/v1/customer/list/billing', body, token);
  const sandbox = (url: string, method: 'GET' | 'POST', accept = 'application/json') =>
    fetch(url.replace(PUBLIC_URL, t.url), { method, headers: { accept } });

  it('pays through the sandbox end to end: pay_url page, POST pays, staff extended, bill listed', async () => {
    const staffId = await createStaff(t, alice.token);
    const before = Date.now();
    const res = await pay(alice.token, { id: staffId, production_id: productId, pay_type: 'alipay' });
    expect(res.status).toBe(200);
    expect(res.body.header).toEqual({ code: 0, message: 'OK', total: 1, count: 1 });
    expect(Object.keys(res.body.data).sort()).toEqual(['pay_type', 'pay_url', 'trade_no']);
    const { trade_no: tradeNo, pay_url: payUrl, pay_type: payType } = res.body.data;
    expect(payType).toBe('alipay');
    expect(tradeNo).toMatch(/^NO\d{27}$/);
    expect(payUrl).toBe(`${PUBLIC_URL}/pay/sandbox/${tradeNo}`);

    expect((await query(alice.token, tradeNo)).body).toEqual({
      header: { code: 0, message: 'OK', total: 1, count: 1 },
      data: { state: 0, message: 'Waiting for payment' },
    });

    const page = await sandbox(payUrl, 'GET', 'text/html');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('199.00 CNY');
    expect(html).toContain('<form method="post">');

    const paid = await sandbox(payUrl, 'POST');
    expect(paid.status).toBe(200);
    expect(await paid.json()).toEqual({ trade_no: tradeNo, state: 1, message: 'Success' });
    expect((await query(alice.token, tradeNo)).body.data).toEqual({ state: 1, message: 'Success' });

    // Extended from now: no paid period existed before.
    const expiry = (await staffExpiry(t, staffId))!.getTime();
    expect(expiry).toBeGreaterThanOrEqual(before + 31 * DAY_MS);
    expect(expiry).toBeLessThanOrEqual(Date.now() + 31 * DAY_MS);
    const listed = (await t.rest('/api/v1/customer/list/staff', { id: staffId }, alice.token)).body.data.list[0];
    expect(listed.state).toBe(1);
    expect(listed.expiring_time).toMatch(SEED_TIME);

    const bills = await billing(alice.token, { page_no: 0, page_size: 20 });
    expect(bills.body.header).toMatchObject({ code: 0, total: 1, count: 1 });
    const bill = bills.body.data.list[0];
    expect(Object.keys(bill).sort()).toEqual(SEED_BILLING_FIELDS);
    expect(bill).toMatchObject({
      customer_id: alice.id,
      staff_id: staffId,
      pay_type: 'alipay',
      trade_no: tradeNo,
      customer_email: alice.email.toLowerCase(),
      prod_id: productId,
      prod_name: '标准版包月¥199',
      prod_price: '199.00',
      currency: 'CNY',
      pay_amount: '199.00',
      refund_amount: '0.00',
      state: 1,
      pay_url: payUrl,
      extra_data: null,
      message: 'Success',
      payer: 'sandbox',
    });
    expect(bill.transaction_id).toMatch(/^SB\d{24}$/);
    expect(bill.prod_no).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(bill.created_time).toMatch(SEED_TIME);
    expect(bill.updated_time).toMatch(SEED_TIME);

    // A second confirmation of a paid trade changes nothing.
    const again = await sandbox(payUrl, 'POST');
    expect(await again.json()).toMatchObject({ state: 1 });
    expect((await staffExpiry(t, staffId))!.getTime()).toBe(expiry);
    const done = await sandbox(payUrl, 'GET', 'text/html');
    expect(await done.text()).not.toContain('<form');
  });

  it('extends from the current expiry when the staff is still paid up', async () => {
    const staffId = await createStaff(t, alice.token);
    const payOnce = async () => {
      const { pay_url: url } = (await pay(alice.token, { id: staffId, production_id: productId, pay_type: 'wxpay' })).body.data;
      expect((await sandbox(url, 'POST')).status).toBe(200);
    };
    await payOnce();
    const first = (await staffExpiry(t, staffId))!.getTime();
    await payOnce();
    expect((await staffExpiry(t, staffId))!.getTime()).toBe(first + 31 * DAY_MS);
  });

  it('copies the product into the trade: later edits to the product change no bill', async () => {
    const pid = await createProduct(t, admin, { name: 'Pro USD', price: '12.5', currency: 'USD', expiring_days: 30 });
    const staffId = await createStaff(t, alice.token);
    const { trade_no: tradeNo } = (await pay(alice.token, { id: staffId, production_id: pid, pay_type: 'stripe' })).body.data;
    await t.rest('/api/v1/admin/edit/production', { id: pid, name: 'Renamed', price: '99' }, admin);
    const bill = (await billing(alice.token, { page_size: 100 })).body.data.list.find((b: { trade_no: string }) => b.trade_no === tradeNo);
    expect(bill).toMatchObject({ prod_name: 'Pro USD', prod_price: '12.50', pay_amount: '12.50', currency: 'USD', pay_type: 'stripe', state: 0 });
  });

  it('refuses bad input with 1003 and invalid JSON with 1004', async () => {
    const staffId = await createStaff(t, alice.token);
    const bad: [Record<string, unknown>, string][] = [
      [{ production_id: productId, pay_type: 'alipay' }, 'id'],
      [{ id: 'abc', production_id: productId, pay_type: 'alipay' }, 'id'],
      [{ id: staffId, pay_type: 'alipay' }, 'production_id'],
      [{ id: staffId, production_id: productId }, 'pay_type'],
      [{ id: staffId, production_id: productId, pay_type: 'paypal' }, 'pay_type'],
      [{ id: staffId, production_id: -1, pay_type: 'alipay' }, 'production_id'],
      [{ id: staffId, production_id: productId, pay_type: { x: 1 } }, 'pay_type'],
    ];
    for (const [body, field] of bad) {
      const res = await pay(alice.token, body);
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(res.body.header.code, JSON.stringify(body)).toBe(1003);
      expect(res.body.header.message).toContain(field);
    }
    const json = await t.rest('/api/v1/customer/pay/staff', '{"id": 1,', alice.token);
    expect(json.status).toBe(200);
    expect(json.body.header.code).toBe(1004);
    expect((await query(alice.token, '')).body.header.code).toBe(1003);
    expect((await t.rest('/api/v1/customer/query/trade', {}, alice.token)).body.header.code).toBe(1003);
    expect((await query(alice.token, 'x'.repeat(65))).body.header.code).toBe(1003);
    expect((await billing(alice.token, { page_size: 1000 })).body.header.code).toBe(1003);
    expect((await billing(alice.token, { id: 'abc' })).body.header.code).toBe(1003);
    // Nothing was created by any of that.
    const rows = await t.app.orm.em.fork().getConnection().execute('select count(*)::int as n from trade where staff_id = ?', [staffId]);
    expect(rows[0]?.n).toBe(0);
  });

  it('answers 1006 for an unknown, deleted or unsold product and a deleted or unknown staff', async () => {
    const staffId = await createStaff(t, alice.token);
    const draft = await createProduct(t, admin, { state: 0 });
    const offSale = await createProduct(t, admin, { state: 2 });
    const deleted = await createProduct(t, admin, { state: 1 });
    await t.rest('/api/v1/admin/delete/production', { id: deleted }, admin);
    for (const pid of [draft, offSale, deleted, 99_999_999]) {
      const res = await pay(alice.token, { id: staffId, production_id: pid, pay_type: 'alipay' });
      expect(res.body.header.code, String(pid)).toBe(1006);
    }
    const gone = await createStaff(t, alice.token);
    await t.rest('/api/v1/customer/delete/staff', { id: gone }, alice.token);
    expect((await pay(alice.token, { id: gone, production_id: productId, pay_type: 'alipay' })).body.header.code).toBe(1006);
    expect((await pay(alice.token, { id: 99_999_999, production_id: productId, pay_type: 'alipay' })).body.header.code).toBe(1006);
    expect((await query(alice.token, 'NO000000000000000000000000000')).body.header.code).toBe(1006);
  });

  it("keeps tenants apart: another merchant's staff and trades are not found", async () => {
    const aliceStaff = await createStaff(t, alice.token);
    const refused = await pay(bob.token, { id: aliceStaff, production_id: productId, pay_type: 'alipay' });
    expect(refused.body.header).toMatchObject({ code: 1006, message: `Staff ${aliceStaff} not found` });

    const { trade_no: tradeNo } = (await pay(alice.token, { id: aliceStaff, production_id: productId, pay_type: 'alipay' })).body.data;
    expect((await query(bob.token, tradeNo)).body.header.code).toBe(1006);
    const aliceBill = (await billing(alice.token, { page_size: 100 })).body.data.list.find((b: { trade_no: string }) => b.trade_no === tradeNo);
    const bobBills = await billing(bob.token, { page_size: 100 });
    expect(bobBills.body.data.list.map((b: { trade_no: string }) => b.trade_no)).not.toContain(tradeNo);
    expect((await billing(bob.token, { id: aliceBill.id })).body.header).toMatchObject({ code: 0, total: 0, count: 0 });
    expect((await billing(alice.token, { id: aliceBill.id })).body.header).toMatchObject({ code: 0, total: 1, count: 1 });
  });

  it('pages bills from 0 with total and count, newest first', async () => {
    const m = await createMerchant(t);
    const staffId = await createStaff(t, m.token);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await pay(m.token, { id: staffId, production_id: productId, pay_type: 'alipay' })).body.data.trade_no);
    const p0 = await billing(m.token, { id: 0, page_no: 0, page_size: 2 });
    expect(p0.body.header).toMatchObject({ total: 3, count: 2 });
    const p1 = await billing(m.token, { page_no: 1, page_size: 2 });
    expect(p1.body.header).toMatchObject({ total: 3, count: 1 });
    expect([...p0.body.data.list, ...p1.body.data.list].map((b: { trade_no: string }) => b.trade_no)).toEqual(made.reverse());
  });

  it('needs a merchant token: 401/1001 without one, 1000 for the admin', async () => {
    for (const path of ['/api/v1/customer/pay/staff', '/api/v1/customer/query/trade', '/api/v1/customer/list/billing']) {
      const anon = await t.rest(path, {});
      expect(anon.status, path).toBe(401);
      expect(anon.body.header.code, path).toBe(1001);
      expect((await t.rest(path, {}, 'not-a-token')).body.header.code, path).toBe(1001);
      expect((await t.rest(path, {}, admin)).body.header.code, path).toBe(1000);
    }
  });

  it('sandbox page: unknown trade 404, HTML form post pays and renders the result', async () => {
    const missing = await fetch(`${t.url}/pay/sandbox/NO123`, { headers: { accept: 'application/json' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 404 });
    expect((await fetch(`${t.url}/pay/sandbox/NO123`, { method: 'POST' })).status).toBe(404);

    const staffId = await createStaff(t, alice.token);
    const { pay_url: url, trade_no: tradeNo } = (await pay(alice.token, { id: staffId, production_id: productId, pay_type: 'wxpay' })).body.data;
    const form = await fetch(url.replace(PUBLIC_URL, t.url), {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Paid');
    const back = await fetch(`${t.url}/pay/return/${tradeNo}`);
    expect(await back.text()).toContain('Paid');
  });
});

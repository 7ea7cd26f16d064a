import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, createMerchant, createProduct, createStaff, type MerchantFixture } from '../support/factories.js';
import { DAY_MS, eventually, staffExpiry, tradeRow } from '../support/payment-fakes.js';
import { PUBLIC_URL, startTestApp, type TestApp } from '../support/test-app.js';

const TRADE_FIELDS =
  'id tradeNo payType provider state transactionId customerEmail merchantId staffId productId prodNo prodName prodPrice currency periodDays payAmount refundAmount message payUrl payer extraData expiresAt paidAt refundedAt staff { id name state }';

describe('GraphQL: trades, payStaff, refundTrade, tradeUpdated (sandbox)', () => {
  let t: TestApp;
  let alice: MerchantFixture;
  let bob: MerchantFixture;
  let admin: string;
  let productId: number;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, bob] = await Promise.all([createMerchant(t), createMerchant(t)]);
    admin = await adminToken(t);
    productId = await createProduct(t, admin, { name: 'Monthly', price: '199', currency: 'CNY', expiring_days: 31 });
  });
  afterAll(() => t?.close());

  const payStaff = (token: string, input: Record<string, unknown>) =>
    t.gql(`mutation($input: PayStaffInput!) { payStaff(input: $input) { ${TRADE_FIELDS} } }`, { input }, token);
  const sandboxPay = async (tradeNo: string) => {
    const res = await fetch(`${t.url}/pay/sandbox/${tradeNo}`, { method: 'POST' });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const refund = (token: string, tradeNo: string, reason?: string) =>
    t.gql('mutation($no: String!, $reason: String) { refundTrade(tradeNo: $no, reason: $reason) { state refundAmount payAmount message refundedAt extraData } }', { no: tradeNo, reason }, token);

  it('payStaff opens a sandbox trade with the product snapshot', async () => {
    const staffId = await createStaff(t, alice.token, { name: 'Payee' });
    const res = await payStaff(alice.token, { staffId, productId, payType: 'STRIPE' });
    expect(res.errors).toBeUndefined();
    const trade = res.data.payStaff;
    expect(trade).toMatchObject({
      payType: 'STRIPE',
      provider: 'SANDBOX',
      state: 'PENDING',
      merchantId: alice.id,
      staffId,
      productId,
      prodName: 'Monthly',
      prodPrice: '199.00',
      payAmount: '199.00',
      refundAmount: '0.00',
      currency: 'CNY',
      periodDays: 31,
      transactionId: '',
      payer: '',
      paidAt: null,
      extraData: null,
      staff: { id: staffId, name: 'Payee' },
    });
    expect(trade.payUrl).toBe(`${PUBLIC_URL}/pay/sandbox/${trade.tradeNo}`);
    expect(new Date(trade.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    const one = await t.gql(`query($no: String!) { trade(tradeNo: $no) { ${TRADE_FIELDS} } }`, { no: trade.tradeNo }, alice.token);
    expect(one.data.trade).toEqual(trade);
  });

  it('refuses bad input, unsold products and another tenant’s staff', async () => {
    const staffId = await createStaff(t, alice.token);
    const badEnum = await payStaff(alice.token, { staffId, productId, payType: 'PAYPAL' });
    expect(badEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badId = await payStaff(alice.token, { staffId: -3, productId, payType: 'ALIPAY' });
    expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const draft = await createProduct(t, admin, { state: 0 });
    expect((await payStaff(alice.token, { staffId, productId: draft, payType: 'ALIPAY' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const foreign = await payStaff(bob.token, { staffId, productId, payType: 'ALIPAY' });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]?.message).toBe(`Staff ${staffId} not found`);
    const admins = await payStaff(admin, { staffId, productId, payType: 'ALIPAY' });
    expect(admins.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anon = await payStaff('', { staffId, productId, payType: 'ALIPAY' });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('trades: a merchant sees its own, the admin sees all and can filter by merchant', async () => {
    const aStaff = await createStaff(t, alice.token);
    const bStaff = await createStaff(t, bob.token);
    const a = (await payStaff(alice.token, { staffId: aStaff, productId, payType: 'ALIPAY' })).data.payStaff.tradeNo;
    const b = (await payStaff(bob.token, { staffId: bStaff, productId, payType: 'WXPAY' })).data.payStaff.tradeNo;

    const list = (token: string, filter: Record<string, unknown> = {}) =>
      t.gql('query($f: TradeFilterInput) { trades(filter: $f, page: { pageSize: 100 }) { total items { tradeNo merchantId } } }', { f: filter }, token);
    const mine = (await list(alice.token)).data.trades.items.map((x: { tradeNo: string }) => x.tradeNo);
    expect(mine).toContain(a);
    expect(mine).not.toContain(b);
    // A merchant's merchantId filter cannot widen its view.
    const sneaky = (await list(alice.token, { merchantId: bob.id })).data.trades.items.map((x: { tradeNo: string }) => x.tradeNo);
    expect(sneaky).not.toContain(b);

    const all = (await list(admin)).data.trades.items.map((x: { tradeNo: string }) => x.tradeNo);
    expect(all).toEqual(expect.arrayContaining([a, b]));
    const bobs = (await list(admin, { merchantId: bob.id })).data.trades;
    expect(bobs.items.every((x: { merchantId: number }) => x.merchantId === bob.id)).toBe(true);
    expect(bobs.items.map((x: { tradeNo: string }) => x.tradeNo)).toContain(b);
    const byState = (await list(admin, { state: 'PENDING', payType: 'WXPAY', tradeNo: b })).data.trades;
    expect(byState.total).toBe(1);

    expect((await t.gql('query($no: String!) { trade(tradeNo: $no) { tradeNo } }', { no: a }, bob.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql('query($no: String!) { trade(tradeNo: $no) { tradeNo } }', { no: a }, admin)).data.trade.tradeNo).toBe(a);
  });

  it('refundTrade (admin): through the sandbox, state REFUNDED, staff expiry shortened by the bought period', async () => {
    const staffId = await createStaff(t, alice.token);
    const tradeNo = (await payStaff(alice.token, { staffId, productId, payType: 'ALIPAY' })).data.payStaff.tradeNo;

    const early = await refund(admin, tradeNo);
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    expect((await sandboxPay(tradeNo)).status).toBe(200);
    const paidUntil = (await staffExpiry(t, staffId))!.getTime();

    expect((await refund(alice.token, tradeNo)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await refund(admin, 'NO-nope')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const res = await refund(admin, tradeNo, 'customer asked');
    expect(res.errors).toBeUndefined();
    expect(res.data.refundTrade).toMatchObject({ state: 'REFUNDED', refundAmount: '199.00', payAmount: '199.00', message: 'Refunded: customer asked' });
    expect(JSON.parse(res.data.refundTrade.extraData).refund_id).toMatch(/^SBR\d+$/);
    expect((await staffExpiry(t, staffId))!.getTime()).toBe(paidUntil - 31 * DAY_MS);

    const twice = await refund(admin, tradeNo);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await staffExpiry(t, staffId))!.getTime()).toBe(paidUntil - 31 * DAY_MS);
    // A refunded trade cannot be paid again.
    expect((await sandboxPay(tradeNo)).status).toBe(409);
    const listed = (await t.rest('/api/v1/customer/list/billing', { page_size: 100 }, alice.token)).body.data.list.find((b: { trade_no: string }) => b.trade_no === tradeNo);
    expect(listed).toMatchObject({ state: 3, refund_amount: '199.00' });
  });

  it('records the service period each payment bought: back to back, kept after a refund', async () => {
    const staffId = await createStaff(t, alice.token);
    const period = async (tradeNo: string) =>
      (await t.gql('query($no: String!) { trade(tradeNo: $no) { state paidAt periodStart periodEnd } }', { no: tradeNo }, alice.token)).data.trade;
    const first = (await payStaff(alice.token, { staffId, productId, payType: 'ALIPAY' })).data.payStaff.tradeNo;
    const second = (await payStaff(alice.token, { staffId, productId, payType: 'ALIPAY' })).data.payStaff.tradeNo;
    expect(await period(first)).toMatchObject({ state: 'PENDING', periodStart: null, periodEnd: null });

    await sandboxPay(first);
    const p1 = await period(first);
    // No paid period yet (only the trial): it starts at the payment.
    expect(p1.periodStart).toBe(p1.paidAt);
    expect(new Date(p1.periodEnd).getTime() - new Date(p1.periodStart).getTime()).toBe(31 * DAY_MS);
    expect((await staffExpiry(t, staffId))!.toISOString()).toBe(p1.periodEnd);

    // Paid early: the next period follows on from the first, no day lost.
    await sandboxPay(second);
    const p2 = await period(second);
    expect(p2.periodStart).toBe(p1.periodEnd);
    expect(new Date(p2.periodEnd).getTime() - new Date(p1.periodEnd).getTime()).toBe(31 * DAY_MS);
    expect((await staffExpiry(t, staffId))!.toISOString()).toBe(p2.periodEnd);

    expect((await refund(admin, second)).errors).toBeUndefined();
    expect(await period(second)).toMatchObject({ state: 'REFUNDED', periodStart: p2.periodStart, periodEnd: p2.periodEnd });
    expect((await staffExpiry(t, staffId))!.toISOString()).toBe(p1.periodEnd);
  });

  it('concurrent confirmations of one trade cause exactly one state change and one extension', async () => {
    const staffId = await createStaff(t, alice.token);
    const ws = t.wsClient({ token: alice.token });
    const events: any[] = [];
    const subscribed = new Promise<void>((resolve, reject) => {
      ws.subscribe({ query: 'subscription { tradeUpdated { tradeNo state trade { state payAmount } } }' }, { next: (v) => events.push(v), error: reject, complete: resolve });
    });
    void subscribed;
    await new Promise((r) => setTimeout(r, 300));

    const tradeNo = (await payStaff(alice.token, { staffId, productId, payType: 'WXPAY' })).data.payStaff.tradeNo;
    const before = Date.now();
    const results = await Promise.all(Array.from({ length: 6 }, () => sandboxPay(tradeNo)));
    expect(results.every((r) => r.status === 200 && r.body.state === 1)).toBe(true);

    const expiry = (await staffExpiry(t, staffId))!.getTime();
    expect(expiry).toBeGreaterThanOrEqual(before + 31 * DAY_MS);
    expect(expiry).toBeLessThan(before + 32 * DAY_MS);
    const row = await tradeRow(t, tradeNo);
    expect(row.state).toBe(1);
    expect(row.credited_days).toBe(31);

    // A later, distinct event marks the end of the stream: everything before it has arrived.
    const admin2 = await refund(admin, tradeNo);
    expect(admin2.errors).toBeUndefined();
    await eventually(async () => events.length, () => events.some((e) => e.data.tradeUpdated.state === 'REFUNDED'));
    const states = events.filter((e) => e.data.tradeUpdated.tradeNo === tradeNo).map((e) => e.data.tradeUpdated.state);
    expect(states).toEqual(['PENDING', 'PAID', 'REFUNDED']);
  });

  it('tradeUpdated: a merchant hears only its own trades, the admin hears all, others are refused', async () => {
    const aliceWs = t.wsClient({ token: alice.token });
    const bobWs = t.wsClient({ token: bob.token });
    const adminWs = t.wsClient({ token: admin });
    const sinks = { alice: [] as any[], bob: [] as any[], admin: [] as any[] };
    const sub = (client: typeof aliceWs, sink: any[], query = 'subscription { tradeUpdated { tradeNo state trade { merchantId } } }') =>
      client.subscribe({ query }, { next: (v) => sink.push(v), error: (e) => sink.push({ error: e }), complete: () => {} });
    sub(aliceWs, sinks.alice);
    sub(bobWs, sinks.bob);
    sub(adminWs, sinks.admin);
    await new Promise((r) => setTimeout(r, 300));

    const staffId = await createStaff(t, alice.token);
    const tradeNo = (await payStaff(alice.token, { staffId, productId, payType: 'ALIPAY' })).data.payStaff.tradeNo;
    await sandboxPay(tradeNo);
    const bobStaff = await createStaff(t, bob.token);
    const bobTrade = (await payStaff(bob.token, { staffId: bobStaff, productId, payType: 'ALIPAY' })).data.payStaff.tradeNo;

    await eventually(async () => sinks.admin.length, (n) => n >= 3);
    await eventually(async () => sinks.bob.length, (n) => n >= 1);
    const seen = (sink: any[]) => sink.map((e) => `${e.data.tradeUpdated.tradeNo}:${e.data.tradeUpdated.state}`);
    expect(seen(sinks.alice)).toEqual([`${tradeNo}:PENDING`, `${tradeNo}:PAID`]);
    expect(seen(sinks.bob)).toEqual([`${bobTrade}:PENDING`]);
    expect(seen(sinks.admin)).toEqual(expect.arrayContaining([`${tradeNo}:PENDING`, `${tradeNo}:PAID`, `${bobTrade}:PENDING`]));
    expect(sinks.admin.find((e) => e.data.tradeUpdated.tradeNo === bobTrade).data.tradeUpdated.trade.merchantId).toBe(bob.id);

    const anon = t.wsClient();
    const err = await new Promise<any>((resolve) => {
      anon.subscribe({ query: 'subscription { tradeUpdated { tradeNo } }' }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    expect(JSON.stringify(err)).toContain('UNAUTHENTICATED');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, createMerchant, createProduct, createStaff, type MerchantFixture } from '../support/factories.js';
import {
  alipayAnswer,
  alipayNotification,
  alipaySignContent,
  rsa2Verify,
  eventually,
  notify,
  rsaKeyPair,
  startFakeServer,
  staffExpiry,
  tradeRow,
  type FakeServer,
  type KeyPair,
} from '../support/payment-fakes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ALIPAY_APP_ID = '2021000000000002';

describe('unpaid trades close through the durable job; late payments are flagged, not credited', () => {
  let t: TestApp;
  let alice: MerchantFixture;
  let admin: string;
  let productId: number;
  let gateway: FakeServer;
  let merchantKeys: KeyPair;
  let alipayKeys: KeyPair;
  /** Orders the fake Alipay will not close, as Alipay refuses to close one that was just paid. */
  const paidAtTheDeadline = new Set<string>();

  beforeAll(async () => {
    [merchantKeys, alipayKeys] = [rsaKeyPair(), rsaKeyPair()];
    gateway = await startFakeServer((req) => {
      const params = Object.fromEntries(new URLSearchParams(req.body));
      if (!rsa2Verify(alipaySignContent(params), params.sign ?? '', merchantKeys.publicKeyPem)) return { status: 400 };
      const biz = JSON.parse(params.biz_content ?? '{}');
      const node =
        params.method === 'alipay.trade.precreate'
          ? { code: '10000', msg: 'Success', out_trade_no: biz.out_trade_no, qr_code: `https://qr.alipay.com/${biz.out_trade_no}` }
          : params.method === 'alipay.trade.close' && paidAtTheDeadline.has(biz.out_trade_no)
            ? { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_STATUS_ERROR', sub_msg: 'trade already paid' }
            : { code: '10000', msg: 'Success' };
      return { body: alipayAnswer(params.method!, node, alipayKeys.privateKeyPem) };
    });
    // Alipay goes to the local gateway; the other pay types use the sandbox. Trades close after 1 second.
    t = await startTestApp({
      PAYMENT_TIMEOUT_SECONDS: '1',
      // Alipay is real here, so the sandbox (used for the other pay types) must be asked for.
      PAYMENT_SANDBOX: 'true',
      PAYMENT_CLOSE_RETRY_SECONDS: '1',
      ALIPAY_APP_ID,
      ALIPAY_PRIVATE_KEY: merchantKeys.privateKeyPem,
      ALIPAY_PUBLIC_KEY: alipayKeys.publicKeyPem,
      ALIPAY_GATEWAY: `${gateway.url}/gateway.do`,
    });
    alice = await createMerchant(t);
    admin = await adminToken(t);
    productId = await createProduct(t, admin, { price: '199', currency: 'CNY', expiring_days: 31 });
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  const pay = async (payType: string) => {
    const staffId = await createStaff(t, alice.token);
    const res = await t.rest('/api/v1/customer/pay/staff', { id: staffId, production_id: productId, pay_type: payType }, alice.token);
    expect(res.body.header.code).toBe(0);
    return { staffId, tradeNo: res.body.data.trade_no as string, payUrl: res.body.data.pay_url as string };
  };
  const queryTrade = async (tradeNo: string) => (await t.rest('/api/v1/customer/query/trade', { trade_no: tradeNo }, alice.token)).body.data;

  it('closes an unpaid Alipay trade (state 2), asks Alipay to close it, and flags a payment that arrives later (state 5)', async () => {
    const { staffId, tradeNo } = await pay('alipay');
    const closed = await eventually(() => queryTrade(tradeNo), (d) => d.state === 2);
    expect(closed.message).toBe('Closed: not paid in time');
    const closeCall = gateway.requests.find((r) => {
      const p = Object.fromEntries(new URLSearchParams(r.body));
      return p.method === 'alipay.trade.close' && JSON.parse(p.biz_content ?? '{}').out_trade_no === tradeNo;
    });
    expect(closeCall).toBeDefined();

    const late = alipayNotification(
      { app_id: ALIPAY_APP_ID, out_trade_no: tradeNo, trade_no: '2026112122001499999999999999', trade_status: 'TRADE_SUCCESS', total_amount: '199.00', buyer_logon_id: 'late***@example.com' },
      alipayKeys.privateKeyPem,
    );
    // Acknowledged (Alipay must stop retrying) and recorded, but not credited.
    expect(await notify(t, 'alipay', late)).toEqual({ status: 200, text: 'success' });
    const flagged = await queryTrade(tradeNo);
    expect(flagged.state).toBe(5);
    expect(flagged.message).toContain('not credited');
    expect(await staffExpiry(t, staffId)).toBeNull();
    expect(await tradeRow(t, tradeNo)).toMatchObject({ transaction_id: '2026112122001499999999999999', credited_days: 0 });
    expect((await notify(t, 'alipay', late)).text).toBe('success');
    expect((await queryTrade(tradeNo)).state).toBe(5);

    // The admin settles it by refunding; the staff, never credited, is not touched.
    const refund = await t.gql('mutation($no: String!) { refundTrade(tradeNo: $no) { state refundAmount } }', { no: tradeNo }, admin);
    expect(refund.data.refundTrade).toEqual({ state: 'REFUNDED', refundAmount: '199.00' });
    expect(await staffExpiry(t, staffId)).toBeNull();
  });

  it('does not close an order the provider would not close: its payment, arriving just after, is credited', async () => {
    const { staffId, tradeNo } = await pay('alipay');
    paidAtTheDeadline.add(tradeNo);
    const refused = () =>
      gateway.requests.filter((r) => {
        const p = Object.fromEntries(new URLSearchParams(r.body));
        return p.method === 'alipay.trade.close' && JSON.parse(p.biz_content ?? '{}').out_trade_no === tradeNo;
      }).length;
    await eventually(async () => refused(), (n) => n >= 1);
    expect((await queryTrade(tradeNo)).state).toBe(0);
    const paid = alipayNotification(
      { app_id: ALIPAY_APP_ID, out_trade_no: tradeNo, trade_no: '2026112122001488888888888888', trade_status: 'TRADE_SUCCESS', total_amount: '199.00', buyer_logon_id: 'last***@example.com' },
      alipayKeys.privateKeyPem,
    );
    expect(await notify(t, 'alipay', paid)).toEqual({ status: 200, text: 'success' });
    expect((await queryTrade(tradeNo)).state).toBe(1);
    expect(await staffExpiry(t, staffId)).not.toBeNull();
  });

  it('closes an unpaid sandbox trade, whose page then refuses payment', async () => {
    const { staffId, tradeNo, payUrl } = await pay('stripe');
    expect(payUrl).toContain('/pay/sandbox/');
    await eventually(() => queryTrade(tradeNo), (d) => d.state === 2);
    const res = await fetch(`${t.url}/pay/sandbox/${tradeNo}`, { method: 'POST', headers: { accept: 'application/json' } });
    expect(res.status).toBe(409);
    expect((await queryTrade(tradeNo)).state).toBe(2);
    expect(await staffExpiry(t, staffId)).toBeNull();
  });

  it('never closes a trade that was paid in time', async () => {
    const { tradeNo, payUrl } = await pay('wxpay');
    const paid = await fetch(payUrl.replace(/^https?:\/\/[^/]+/, t.url), { method: 'POST' });
    expect(paid.status).toBe(200);
    // Once the close job for a later trade has run, this one's has run too (both are due after 1 s).
    const { tradeNo: later } = await pay('wxpay');
    await eventually(() => queryTrade(later), (d) => d.state === 2);
    expect((await queryTrade(tradeNo)).state).toBe(1);
  });
});

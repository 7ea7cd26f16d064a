import { createVerify } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, createMerchant, createProduct, createStaff, type MerchantFixture } from '../support/factories.js';
import {
  alipayAnswer,
  alipayCertificates,
  alipaySignContent,
  alipayNotification,
  rsa2Verify,
  DAY_MS,
  notify,
  parseWxAuthorization,
  rsaKeyPair,
  startFakeServer,
  staffExpiry,
  tradeRow,
  wxpayNotification,
  wxpaySignedHeaders,
  type FakeHandler,
  type FakeServer,
  type KeyPair,
  type RecordedRequest,
} from '../support/payment-fakes.js';
import { PUBLIC_URL, startTestApp, type TestApp } from '../support/test-app.js';

const STRIPE_WEBHOOK_SECRET = 'whsec_test_secret_for_payments';
const ALIPAY_APP_ID = '2021000000000001';
const WX_MCH_ID = '1900000001';
const WX_APP_ID = 'wx8888888888888888';
const WX_API_V3_KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const WX_MERCHANT_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
const WX_PLATFORM_SERIAL = 'PUB_KEY_ID_0114232134912410000000000000';

describe('payment providers: Stripe, Alipay, WeChat Pay against local provider servers', () => {
  let t: TestApp;
  let alice: MerchantFixture;
  let admin: string;
  let cny: number;
  let usd: number;
  let stripeApi: FakeServer;
  let alipayApi: FakeServer;
  let wxApi: FakeServer;
  let alipayMerchant: KeyPair;
  let alipayPlatform: KeyPair;
  let wxMerchant: KeyPair;
  let wxPlatform: KeyPair;
  const stripe = new Stripe('sk_test_only_for_signing');
  let sessionSeq = 0;

  // ---- the providers' side ----
  const stripeHandler: FakeHandler = (req) => {
    if (req.method === 'POST' && req.path === '/v1/checkout/sessions') {
      const id = `cs_test_${++sessionSeq}`;
      return { body: JSON.stringify({ id, object: 'checkout.session', url: `https://checkout.stripe.com/c/pay/${id}`, status: 'open' }) };
    }
    if (req.method === 'POST' && req.path === '/v1/refunds') {
      return { body: JSON.stringify({ id: 're_test_1', object: 'refund', status: 'succeeded' }) };
    }
    const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(req.path);
    if (req.method === 'POST' && expire) return { body: JSON.stringify({ id: expire[1], object: 'checkout.session', status: 'expired' }) };
    return { status: 404, body: JSON.stringify({ error: { type: 'invalid_request_error', message: `no route ${req.path}` } }) };
  };

  const alipayParams = (req: RecordedRequest) => Object.fromEntries(new URLSearchParams(req.body));
  const alipayHandler: FakeHandler = (req) => {
    const params = alipayParams(req);
    const method = params.method ?? '';
    // The gateway checks the merchant's RSA2 signature as Alipay does.
    if (!rsa2Verify(alipaySignContent(params), params.sign ?? '', alipayMerchant.publicKeyPem)) {
      return { body: JSON.stringify({ [`${method.replace(/\./g, '_')}_response`]: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature' } }) };
    }
    const biz = JSON.parse(params.biz_content ?? '{}');
    if (method === 'alipay.trade.precreate') {
      return { body: alipayAnswer(method, { code: '10000', msg: 'Success', out_trade_no: biz.out_trade_no, qr_code: `https://qr.alipay.com/bax0${biz.out_trade_no}` }, alipayPlatform.privateKeyPem) };
    }
    if (method === 'alipay.trade.refund') {
      return { body: alipayAnswer(method, { code: '10000', msg: 'Success', out_trade_no: biz.out_trade_no, fund_change: 'Y', refund_fee: biz.refund_amount }, alipayPlatform.privateKeyPem) };
    }
    if (method === 'alipay.trade.close') return { body: alipayAnswer(method, { code: '10000', msg: 'Success' }, alipayPlatform.privateKeyPem) };
    return { status: 404 };
  };

  const wxVerifiesMerchant = (req: RecordedRequest) => {
    const auth = parseWxAuthorization(String(req.headers.authorization ?? ''));
    const message = `${req.method}\n${req.path}\n${auth.timestamp}\n${auth.nonce_str}\n${req.body}\n`;
    return auth.mchid === WX_MCH_ID && auth.serial_no === WX_MERCHANT_SERIAL && createVerify('RSA-SHA256').update(message).verify(wxMerchant.publicKeyPem, auth.signature ?? '', 'base64');
  };
  const wxReply = (status: number, payload?: unknown) => {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    return { status, body, headers: wxpaySignedHeaders(body, wxPlatform.privateKeyPem, { serial: WX_PLATFORM_SERIAL }) };
  };
  const wxHandler: FakeHandler = (req) => {
    if (!wxVerifiesMerchant(req)) return wxReply(401, { code: 'SIGN_ERROR', message: 'bad signature' });
    if (req.path === '/v3/pay/transactions/native') return wxReply(200, { code_url: `weixin://wxpay/bizpayurl?pr=${JSON.parse(req.body).out_trade_no}` });
    if (req.path === '/v3/refund/domestic/refunds') return wxReply(200, { refund_id: '50000000382019052709732678859', out_refund_no: JSON.parse(req.body).out_refund_no, status: 'PROCESSING' });
    if (/^\/v3\/pay\/transactions\/out-trade-no\/.+\/close$/.test(req.path)) return wxReply(204);
    return wxReply(404, { code: 'NOT_FOUND', message: req.path });
  };

  beforeAll(async () => {
    [alipayMerchant, alipayPlatform, wxMerchant, wxPlatform] = [rsaKeyPair(), rsaKeyPair(), rsaKeyPair(), rsaKeyPair()];
    [stripeApi, alipayApi, wxApi] = await Promise.all([startFakeServer(stripeHandler), startFakeServer(alipayHandler), startFakeServer(wxHandler)]);
    t = await startTestApp({
      STRIPE_SECRET_KEY: 'sk_test_payments',
      STRIPE_WEBHOOK_SECRET,
      STRIPE_API_BASE: stripeApi.url,
      ALIPAY_APP_ID,
      // Keys as the consoles show them: a bare base64 body works as well as PEM.
      ALIPAY_PRIVATE_KEY: alipayMerchant.privateKeyPem.replace(/-----[^-]+-----|\s/g, ''),
      ALIPAY_PUBLIC_KEY: alipayPlatform.publicKeyPem.replace(/\n/g, '\\n'),
      ALIPAY_GATEWAY: `${alipayApi.url}/gateway.do`,
      WXPAY_MCH_ID: WX_MCH_ID,
      WXPAY_APP_ID: WX_APP_ID,
      WXPAY_API_V3_KEY: WX_API_V3_KEY,
      WXPAY_SERIAL_NO: WX_MERCHANT_SERIAL,
      WXPAY_PRIVATE_KEY: wxMerchant.privateKeyPem,
      WXPAY_PLATFORM_PUBLIC_KEY: wxPlatform.publicKeyPem,
      WXPAY_PLATFORM_SERIAL: WX_PLATFORM_SERIAL,
      WXPAY_API_BASE: wxApi.url,
    });
    alice = await createMerchant(t);
    admin = await adminToken(t);
    cny = await createProduct(t, admin, { name: 'Standard monthly', price: '199', currency: 'CNY', expiring_days: 31 });
    usd = await createProduct(t, admin, { name: 'Global monthly', price: '29.99', currency: 'USD', expiring_days: 30 });
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([stripeApi?.close(), alipayApi?.close(), wxApi?.close()]);
  });

  const pay = async (payType: string, productId = cny) => {
    const staffId = await createStaff(t, alice.token);
    const res = await t.rest('/api/v1/customer/pay/staff', { id: staffId, production_id: productId, pay_type: payType }, alice.token);
    return { staffId, res, tradeNo: res.body.data?.trade_no as string, payUrl: res.body.data?.pay_url as string };
  };
  const state = async (tradeNo: string) => (await t.rest('/api/v1/customer/query/trade', { trade_no: tradeNo }, alice.token)).body.data.state;
  const refund = (tradeNo: string) =>
    t.gql('mutation($no: String!) { refundTrade(tradeNo: $no) { state refundAmount extraData } }', { no: tradeNo }, admin);

  describe('Stripe', () => {
    const completed = (tradeNo: string, overrides: Record<string, unknown> = {}) =>
      JSON.stringify({
        id: `evt_${tradeNo}`,
        object: 'event',
        type: 'checkout.session.completed',
        created: Math.floor(Date.now() / 1000),
        data: {
          object: {
            id: 'cs_test_x',
            object: 'checkout.session',
            client_reference_id: tradeNo,
            metadata: { trade_no: tradeNo },
            payment_status: 'paid',
            amount_total: 2999,
            currency: 'usd',
            payment_intent: `pi_${tradeNo}`,
            customer_details: { email: 'payer@example.com' },
            ...overrides,
          },
        },
      });
    const sendStripe = (payload: string, opts: { timestamp?: number; signedPayload?: string; secret?: string } = {}) => {
      const signature = stripe.webhooks.generateTestHeaderString({
        payload: opts.signedPayload ?? payload,
        secret: opts.secret ?? STRIPE_WEBHOOK_SECRET,
        timestamp: opts.timestamp,
      });
      return notify(t, 'stripe', payload, { 'stripe-signature': signature, 'content-type': 'application/json' });
    };

    it('opens a Checkout Session through the SDK at the configured API base', async () => {
      const before = stripeApi.requests.length;
      const { res, tradeNo, payUrl } = await pay('stripe', usd);
      expect(res.body.header.code).toBe(0);
      expect(payUrl).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_\d+$/);
      const req = stripeApi.requests.slice(before).find((r) => r.path === '/v1/checkout/sessions')!;
      expect(req.headers.authorization).toBe('Bearer sk_test_payments');
      expect(req.headers['idempotency-key']).toBe(`checkout-${tradeNo}`);
      const form = new URLSearchParams(req.body);
      expect(form.get('mode')).toBe('payment');
      expect(form.get('client_reference_id')).toBe(tradeNo);
      expect(form.get('metadata[trade_no]')).toBe(tradeNo);
      expect(form.get('line_items[0][price_data][unit_amount]')).toBe('2999');
      expect(form.get('line_items[0][price_data][currency]')).toBe('usd');
      expect(form.get('customer_email')).toBe(alice.email.toLowerCase());
      expect(form.get('success_url')).toBe(`${PUBLIC_URL}/pay/return/${tradeNo}`);
      expect(Number(form.get('expires_at'))).toBeGreaterThan(Date.now() / 1000 + 30 * 60);
      expect((await tradeRow(t, tradeNo)).provider_ref).toMatch(/^cs_test_/);
    });

    it('credits a verified webhook once; tampered, too old, wrong secret, wrong amount and unknown trades are refused', async () => {
      const { staffId, tradeNo } = await pay('stripe', usd);
      const payload = completed(tradeNo);

      const tampered = await sendStripe(payload.replace('"amount_total":2999', '"amount_total":1'), { signedPayload: payload });
      expect(tampered.status).toBe(400);
      const old = await sendStripe(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 });
      expect(old.status).toBe(400);
      expect(old.text).toMatch(/tolerance|timestamp/i);
      expect((await sendStripe(payload, { secret: 'whsec_someone_else' })).status).toBe(400);
      expect((await notify(t, 'stripe', payload, { 'content-type': 'application/json' })).status).toBe(400);
      const cheap = await sendStripe(completed(tradeNo, { amount_total: 100 }));
      expect(cheap.status).toBe(400);
      const otherCurrency = await sendStripe(completed(tradeNo, { currency: 'eur' }));
      expect(otherCurrency.status).toBe(400);
      expect(await state(tradeNo)).toBe(0);
      expect(await staffExpiry(t, staffId)).toBeNull();

      const unknown = await sendStripe(completed('NO20990101000000123456789012'));
      expect(unknown.status).toBe(404);

      const before = Date.now();
      const ok = await sendStripe(payload);
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.text)).toEqual({ received: true });
      expect(await state(tradeNo)).toBe(1);
      const row = await tradeRow(t, tradeNo);
      expect(row).toMatchObject({ transaction_id: `pi_${tradeNo}`, payer: 'payer@example.com', message: 'Success' });
      const expiry = (await staffExpiry(t, staffId))!.getTime();
      expect(expiry).toBeGreaterThanOrEqual(before + 30 * DAY_MS);

      expect((await sendStripe(payload)).status).toBe(200);
      expect((await staffExpiry(t, staffId))!.getTime()).toBe(expiry);
      // Events it does not use are acknowledged and ignored.
      const other = JSON.stringify({ id: 'evt_other', object: 'event', type: 'customer.created', data: { object: { id: 'cus_1', object: 'customer' } } });
      expect((await sendStripe(other)).status).toBe(200);
    });

    it('refunds through the Refunds API with the PaymentIntent and an idempotency key', async () => {
      const { staffId, tradeNo } = await pay('stripe', usd);
      expect((await sendStripe(completed(tradeNo))).status).toBe(200);
      const paidUntil = (await staffExpiry(t, staffId))!.getTime();
      const before = stripeApi.requests.length;
      const res = await refund(tradeNo);
      expect(res.errors).toBeUndefined();
      expect(res.data.refundTrade).toMatchObject({ state: 'REFUNDED', refundAmount: '29.99' });
      expect(JSON.parse(res.data.refundTrade.extraData)).toEqual({ refund_id: 're_test_1' });
      const req = stripeApi.requests.slice(before).find((r) => r.path === '/v1/refunds')!;
      const form = new URLSearchParams(req.body);
      expect(form.get('payment_intent')).toBe(`pi_${tradeNo}`);
      expect(form.get('amount')).toBe('2999');
      expect(req.headers['idempotency-key']).toMatch(/^refund-RF/);
      expect((await staffExpiry(t, staffId))!.getTime()).toBe(paidUntil - 30 * DAY_MS);
    });

    it('closes a trade when Stripe reports its session expired', async () => {
      const { tradeNo } = await pay('stripe', usd);
      const expired = JSON.stringify({
        id: 'evt_exp',
        object: 'event',
        type: 'checkout.session.expired',
        data: { object: { id: 'cs_x', object: 'checkout.session', metadata: { trade_no: tradeNo }, payment_status: 'unpaid' } },
      });
      expect((await sendStripe(expired)).status).toBe(200);
      expect(await state(tradeNo)).toBe(2);
    });
  });

  describe('Alipay', () => {
    const paidNotice = (tradeNo: string, overrides: Record<string, string> = {}) =>
      alipayNotification(
        {
          app_id: ALIPAY_APP_ID,
          out_trade_no: tradeNo,
          trade_no: `2026112122001400000${tradeNo.slice(-8)}`,
          trade_status: 'TRADE_SUCCESS',
          total_amount: '199.00',
          receipt_amount: '199.00',
          buyer_logon_id: 'buy***@example.com',
          ...overrides,
        },
        alipayPlatform.privateKeyPem,
      );
    const sendAlipay = (body: string) => notify(t, 'alipay', body, { 'content-type': 'application/x-www-form-urlencoded' });

    it('pre-creates a QR order with an RSA2-signed request and verifies the signed answer', async () => {
      const before = alipayApi.requests.length;
      const { res, tradeNo, payUrl } = await pay('alipay');
      expect(res.body.header.code).toBe(0);
      expect(payUrl).toBe(`https://qr.alipay.com/bax0${tradeNo}`);
      const req = alipayApi.requests.slice(before).find((r) => alipayParams(r).method === 'alipay.trade.precreate')!;
      expect(req.path).toBe('/gateway.do?charset=utf-8');
      const params = alipayParams(req);
      expect(params).toMatchObject({ app_id: ALIPAY_APP_ID, sign_type: 'RSA2', notify_url: `${PUBLIC_URL}/api/v1/pay/notify/alipay`, charset: 'utf-8' });
      expect(rsa2Verify(alipaySignContent(params), params.sign!, alipayMerchant.publicKeyPem)).toBe(true);
      expect(JSON.parse(params.biz_content!)).toMatchObject({ out_trade_no: tradeNo, total_amount: '199.00', subject: 'Standard monthly' });
    });

    it('refuses a product Alipay cannot take (USD) with 1003', async () => {
      const { res } = await pay('alipay', usd);
      expect(res.body.header.code).toBe(1003);
      expect(res.body.header.message).toContain('CNY');
    });

    it('credits a verified notification; tampered, foreign-key, other-app and wrong-amount ones change nothing', async () => {
      const { staffId, tradeNo } = await pay('alipay');
      const good = paidNotice(tradeNo);
      const tampered = good.replace('total_amount=199.00', 'total_amount=1.00');
      expect(await sendAlipay(tampered)).toEqual({ status: 400, text: 'fail' });
      const forged = alipayNotification({ app_id: ALIPAY_APP_ID, out_trade_no: tradeNo, trade_status: 'TRADE_SUCCESS', total_amount: '199.00' }, rsaKeyPair().privateKeyPem);
      expect((await sendAlipay(forged)).text).toBe('fail');
      expect((await sendAlipay(paidNotice(tradeNo, { app_id: '2021999999999999' }))).text).toBe('fail');
      expect((await sendAlipay(paidNotice(tradeNo, { total_amount: '19.90' }))).text).toBe('fail');
      expect((await sendAlipay(paidNotice('NO20990101000000123456789012'))).status).toBe(404);
      expect((await sendAlipay('sign=abc&sign_type=RSA2')).text).toBe('fail');
      expect(await state(tradeNo)).toBe(0);
      expect(await staffExpiry(t, staffId)).toBeNull();

      expect(await sendAlipay(good)).toEqual({ status: 200, text: 'success' });
      expect(await state(tradeNo)).toBe(1);
      expect(await tradeRow(t, tradeNo)).toMatchObject({ payer: 'buy***@example.com', transaction_id: expect.stringMatching(/^2026112122001400000/) });
    });

    it('applies concurrent identical notifications exactly once', async () => {
      const { staffId, tradeNo } = await pay('alipay');
      const body = paidNotice(tradeNo);
      const before = Date.now();
      const results = await Promise.all(Array.from({ length: 8 }, () => sendAlipay(body)));
      expect(results.map((r) => r.text)).toEqual(Array(8).fill('success'));
      expect(await state(tradeNo)).toBe(1);
      const expiry = (await staffExpiry(t, staffId))!.getTime();
      expect(expiry).toBeGreaterThanOrEqual(before + 31 * DAY_MS);
      expect(expiry).toBeLessThan(before + 32 * DAY_MS);
    });

    it('TRADE_FINISHED ends refundability (state 4); out-of-order SUCCESS afterwards changes nothing', async () => {
      const { staffId, tradeNo } = await pay('alipay');
      expect((await sendAlipay(paidNotice(tradeNo, { trade_status: 'TRADE_FINISHED' }))).text).toBe('success');
      expect(await state(tradeNo)).toBe(4);
      const expiry = (await staffExpiry(t, staffId))!.getTime();
      expect((await sendAlipay(paidNotice(tradeNo))).text).toBe('success');
      expect(await state(tradeNo)).toBe(4);
      expect((await staffExpiry(t, staffId))!.getTime()).toBe(expiry);
      expect((await refund(tradeNo)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    });

    it('refunds through alipay.trade.refund', async () => {
      const { tradeNo } = await pay('alipay');
      await sendAlipay(paidNotice(tradeNo));
      const before = alipayApi.requests.length;
      const res = await refund(tradeNo);
      expect(res.data.refundTrade).toMatchObject({ state: 'REFUNDED', refundAmount: '199.00' });
      const req = alipayApi.requests.slice(before).find((r) => alipayParams(r).method === 'alipay.trade.refund')!;
      expect(JSON.parse(alipayParams(req).biz_content!)).toMatchObject({ out_trade_no: tradeNo, refund_amount: '199.00', out_request_no: `RF${tradeNo.slice(2)}` });
    });

    it('does not trust a gateway answer with a bad signature: the order fails and the trade closes', async () => {
      alipayApi.handle((req) => {
        const method = alipayParams(req).method!;
        return { body: alipayAnswer(method, { code: '10000', msg: 'Success', qr_code: 'https://qr.alipay.com/evil' }, rsaKeyPair().privateKeyPem) };
      });
      try {
        const { res } = await pay('alipay');
        expect(res.status).toBe(500);
        expect(res.body.header.code).toBe(500);
        expect(res.body.header.message).toContain('bad signature');
      } finally {
        alipayApi.handle(alipayHandler);
      }
      const bills = (await t.rest('/api/v1/customer/list/billing', { page_size: 1 }, alice.token)).body.data.list;
      expect(bills[0]).toMatchObject({ state: 2, pay_url: '' });
    });
  });

  describe('WeChat Pay v3', () => {
    const transaction = (tradeNo: string, overrides: Record<string, unknown> = {}) => ({
      appid: WX_APP_ID,
      mchid: WX_MCH_ID,
      out_trade_no: tradeNo,
      transaction_id: `4200001234${tradeNo.slice(-10)}`,
      trade_type: 'NATIVE',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      success_time: '2026-11-21T20:00:00+08:00',
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      amount: { total: 19900, payer_total: 19900, currency: 'CNY', payer_currency: 'CNY' },
      ...overrides,
    });
    const sendWx = (body: string, opts: { key?: string; timestamp?: number; signedBody?: string; serial?: string } = {}) =>
      notify(t, 'wxpay', body, {
        'content-type': 'application/json',
        ...wxpaySignedHeaders(opts.signedBody ?? body, opts.key ?? wxPlatform.privateKeyPem, { serial: opts.serial ?? WX_PLATFORM_SERIAL, timestamp: opts.timestamp }),
      });

    it('opens a Native order with a signed request and verifies the signed answer', async () => {
      const before = wxApi.requests.length;
      const { res, tradeNo, payUrl } = await pay('wxpay');
      expect(res.body.header.code).toBe(0);
      expect(payUrl).toBe(`weixin://wxpay/bizpayurl?pr=${tradeNo}`);
      const req = wxApi.requests.slice(before).find((r) => r.path === '/v3/pay/transactions/native')!;
      expect(wxVerifiesMerchant(req)).toBe(true);
      const body = JSON.parse(req.body);
      expect(body).toMatchObject({ appid: WX_APP_ID, mchid: WX_MCH_ID, out_trade_no: tradeNo, notify_url: `${PUBLIC_URL}/api/v1/pay/notify/wxpay`, amount: { total: 19900, currency: 'CNY' } });
      expect(body.time_expire).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    });

    it('credits a signed, encrypted notification; bad signature, stale, tampered, unknown-key and wrong-amount ones change nothing', async () => {
      const { staffId, tradeNo } = await pay('wxpay');
      const body = wxpayNotification(transaction(tradeNo), WX_API_V3_KEY);

      expect((await sendWx(body, { key: rsaKeyPair().privateKeyPem })).status).toBe(401);
      expect((await sendWx(body, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
      expect((await sendWx(body, { serial: 'PUB_KEY_ID_SOMEONE_ELSE' })).status).toBe(401);
      const altered = body.replace('"event_type":"TRANSACTION.SUCCESS"', '"event_type":"TRANSACTION.SUCCESS" ');
      expect((await sendWx(altered, { signedBody: body })).status).toBe(401);
      // Correctly signed, but the ciphertext was altered: AES-GCM authentication fails.
      const parsed = JSON.parse(body);
      const ct = Buffer.from(parsed.resource.ciphertext, 'base64');
      ct[3] = (ct[3] ?? 0) ^ 0xff;
      const tampered = JSON.stringify({ ...parsed, resource: { ...parsed.resource, ciphertext: ct.toString('base64') } });
      const res = await sendWx(tampered);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toMatchObject({ code: 'FAIL' });
      // Encrypted under another key.
      expect((await sendWx(wxpayNotification(transaction(tradeNo), 'ZYXWVUTSRQPONMLKJIHGFEDCBA987654'))).status).toBe(400);
      expect((await sendWx(wxpayNotification(transaction(tradeNo, { amount: { total: 1, currency: 'CNY' } }), WX_API_V3_KEY))).status).toBe(400);
      expect((await sendWx(wxpayNotification(transaction(tradeNo, { mchid: '1900009999' }), WX_API_V3_KEY))).status).toBe(400);
      expect(await state(tradeNo)).toBe(0);
      expect(await staffExpiry(t, staffId)).toBeNull();

      const ok = await sendWx(body);
      expect(ok.status).toBe(204);
      expect(await state(tradeNo)).toBe(1);
      expect(await tradeRow(t, tradeNo)).toMatchObject({ payer: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', transaction_id: `4200001234${tradeNo.slice(-10)}` });
      const expiry = (await staffExpiry(t, staffId))!.getTime();
      expect((await sendWx(wxpayNotification(transaction(tradeNo), WX_API_V3_KEY))).status).toBe(204);
      expect((await staffExpiry(t, staffId))!.getTime()).toBe(expiry);
    });

    it('refunds through the domestic refunds API', async () => {
      const { staffId, tradeNo } = await pay('wxpay');
      expect((await sendWx(wxpayNotification(transaction(tradeNo), WX_API_V3_KEY))).status).toBe(204);
      const paidUntil = (await staffExpiry(t, staffId))!.getTime();
      const before = wxApi.requests.length;
      const res = await refund(tradeNo);
      expect(res.errors).toBeUndefined();
      expect(res.data.refundTrade.state).toBe('REFUNDED');
      const req = wxApi.requests.slice(before).find((r) => r.path === '/v3/refund/domestic/refunds')!;
      expect(wxVerifiesMerchant(req)).toBe(true);
      expect(JSON.parse(req.body)).toMatchObject({ out_trade_no: tradeNo, out_refund_no: `RF${tradeNo.slice(2)}`, amount: { refund: 19900, total: 19900, currency: 'CNY' } });
      expect((await staffExpiry(t, staffId))!.getTime()).toBe(paidUntil - 31 * DAY_MS);
    });

    it('a failed provider refund changes nothing', async () => {
      const { staffId, tradeNo } = await pay('wxpay');
      await sendWx(wxpayNotification(transaction(tradeNo), WX_API_V3_KEY));
      const paidUntil = (await staffExpiry(t, staffId))!.getTime();
      wxApi.handle((req) => (req.path === '/v3/refund/domestic/refunds' ? wxReply(403, { code: 'NOT_ENOUGH', message: '基本账户余额不足' }) : wxHandler(req)));
      try {
        const res = await refund(tradeNo);
        expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        expect(res.errors?.[0]?.message).toContain('NOT_ENOUGH');
      } finally {
        wxApi.handle(wxHandler);
      }
      expect(await state(tradeNo)).toBe(1);
      expect((await staffExpiry(t, staffId))!.getTime()).toBe(paidUntil);
    });
  });

  it('answers 404 on the notify path of an unknown or unconfigured provider', async () => {
    expect((await notify(t, 'paypal', '{}')).status).toBe(404);
    expect((await notify(t, 'sandbox', '{}')).status).toBe(404);
  });
});

describe('Alipay in certificate mode, against a local gateway', () => {
  let t: TestApp;
  let gateway: FakeServer;
  const merchantKeys = rsaKeyPair();
  const alipayKeys = rsaKeyPair();
  const certs = alipayCertificates(merchantKeys, alipayKeys);
  const params = (req: RecordedRequest) => Object.fromEntries(new URLSearchParams(req.body));

  beforeAll(async () => {
    gateway = await startFakeServer((req) => {
      const p = params(req);
      const ok = rsa2Verify(alipaySignContent(p), p.sign ?? '', merchantKeys.publicKeyPem) && /^[0-9a-f]{32}$/.test(p.app_cert_sn ?? '') && /^[0-9a-f]{32}(_[0-9a-f]{32})*$/.test(p.alipay_root_cert_sn ?? '');
      if (!ok) return { body: JSON.stringify({ alipay_trade_precreate_response: { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature' } }) };
      const biz = JSON.parse(p.biz_content ?? '{}');
      return { body: alipayAnswer(p.method!, { code: '10000', msg: 'Success', out_trade_no: biz.out_trade_no, qr_code: `https://qr.alipay.com/cert${biz.out_trade_no}` }, alipayKeys.privateKeyPem) };
    });
    t = await startTestApp({
      ALIPAY_APP_ID: '2021000000000001',
      ALIPAY_PRIVATE_KEY: merchantKeys.privateKeyPem,
      ALIPAY_APP_CERT: certs.app,
      ALIPAY_PUBLIC_CERT: certs.alipayPublic,
      ALIPAY_ROOT_CERT: certs.alipayRoot,
      ALIPAY_GATEWAY: `${gateway.url}/gateway.do`,
    });
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  it('sends the certificate serial numbers, trusts the answer signed by the certified key, and credits its notification', async () => {
    const alice = await createMerchant(t);
    const admin = await adminToken(t);
    const product = await createProduct(t, admin, { name: 'Cert monthly', price: '99', currency: 'CNY', expiring_days: 31 });
    const staffId = await createStaff(t, alice.token);
    const res = await t.rest('/api/v1/customer/pay/staff', { id: staffId, production_id: product, pay_type: 'alipay' }, alice.token);
    expect(res.body.header.code).toBe(0);
    const tradeNo = res.body.data.trade_no as string;
    expect(res.body.data.pay_url).toBe(`https://qr.alipay.com/cert${tradeNo}`);
    const notice = alipayNotification({ app_id: '2021000000000001', out_trade_no: tradeNo, trade_no: 'A1', trade_status: 'TRADE_SUCCESS', total_amount: '99.00' }, alipayKeys.privateKeyPem);
    expect(await notify(t, 'alipay', notice, { 'content-type': 'application/x-www-form-urlencoded' })).toEqual({ status: 200, text: 'success' });
    const forged = alipayNotification({ app_id: '2021000000000001', out_trade_no: tradeNo, trade_status: 'TRADE_SUCCESS', total_amount: '99.00' }, merchantKeys.privateKeyPem);
    expect((await notify(t, 'alipay', forged, { 'content-type': 'application/x-www-form-urlencoded' })).text).toBe('fail');
    expect((await t.rest('/api/v1/customer/query/trade', { trade_no: tradeNo }, alice.token)).body.data.state).toBe(1);
  });
});

import { createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';
import type { PaymentConfig } from '../../core/payment/payment-config.js';
import { PaymentProviderName } from '../../entities/trade/trade-enums.js';
import {
  header,
  NotificationRejected,
  providerFailure,
  providerFetch,
  type CreatedOrder,
  type NotificationAck,
  type NotificationRequest,
  type PaymentNotice,
  type PaymentProvider,
  type ProviderOrder,
  type ProviderRefund,
  type ProviderTradeRef,
} from './payment-provider.js';

/** Notifications and answers older than this are refused, so a captured one cannot be replayed later. */
const MAX_SKEW_SECONDS = 5 * 60;

/** The `Authorization` header of a WeChat Pay v3 request: SHA256withRSA over method, path, time, nonce and body. */
export function wxpayAuthorization(p: {
  method: string;
  urlPath: string;
  body: string;
  mchId: string;
  serialNo: string;
  privateKeyPem: string;
  timestamp?: number;
  nonce?: string;
}): string {
  const timestamp = p.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = p.nonce ?? randomBytes(16).toString('hex');
  const message = `${p.method}\n${p.urlPath}\n${timestamp}\n${nonce}\n${p.body}\n`;
  const signature = createSign('RSA-SHA256').update(message).sign(p.privateKeyPem, 'base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${p.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${p.serialNo}"`;
}

/** Verifies a WeChat Pay signature over `timestamp\nnonce\nbody\n` (answers and notifications alike). */
export function wxpayVerify(p: { timestamp: string; nonce: string; body: string; signature: string; publicKeyPem: string }): boolean {
  try {
    return createVerify('RSA-SHA256').update(`${p.timestamp}\n${p.nonce}\n${p.body}\n`).verify(p.publicKeyPem, p.signature, 'base64');
  } catch {
    return false;
  }
}

export interface WxpayResource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
}

/** Opens a notification's resource: AEAD_AES_256_GCM keyed by the API v3 key; the last 16 bytes are the tag. */
export function wxpayDecrypt(resource: WxpayResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unsupported algorithm ${resource.algorithm}`);
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length < 17) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

/** RFC 3339 in Beijing time, as WeChat Pay wants `time_expire`. */
export function beijingRfc3339(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

interface WxTransaction {
  mchid?: string;
  appid?: string;
  out_trade_no?: string;
  transaction_id?: string;
  trade_state?: string;
  amount?: { total?: number; payer_total?: number; currency?: string };
  payer?: { openid?: string };
}

/** WeChat Pay API v3, Native pay (a `code_url` to show as a QR code). */
export class WechatPayProvider implements PaymentProvider {
  readonly name = PaymentProviderName.WXPAY;
  readonly currencies = ['CNY'] as const;

  constructor(private readonly config: NonNullable<PaymentConfig['wxpay']>) {}

  async createOrder(order: ProviderOrder): Promise<CreatedOrder> {
    const answer = await this.call('POST', '/v3/pay/transactions/native', {
      appid: this.config.appId,
      mchid: this.config.mchId,
      description: order.subject.slice(0, 127),
      out_trade_no: order.tradeNo,
      time_expire: beijingRfc3339(order.expiresAt),
      notify_url: order.notifyUrl,
      amount: { total: order.amountMinor, currency: 'CNY' },
    });
    const codeUrl = (answer as { code_url?: unknown } | undefined)?.code_url;
    if (typeof codeUrl !== 'string' || !codeUrl) throw providerFailure('wxpay', 'native order answered no code_url');
    return { payUrl: codeUrl };
  }

  async close(ref: ProviderTradeRef): Promise<void> {
    await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(ref.tradeNo)}/close`, { mchid: this.config.mchId });
  }

  async refund(req: ProviderRefund): Promise<{ refundId: string }> {
    const answer = (await this.call('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: req.tradeNo,
      out_refund_no: req.refundNo,
      reason: req.reason.slice(0, 80),
      amount: { refund: req.refundMinor, total: req.amountMinor, currency: 'CNY' },
    })) as { refund_id?: string; status?: string } | undefined;
    if (answer?.status !== 'SUCCESS' && answer?.status !== 'PROCESSING') {
      throw providerFailure('wxpay', `refund status is ${answer?.status ?? 'unknown'}`);
    }
    return { refundId: answer.refund_id ?? req.refundNo };
  }

  parseNotification(req: NotificationRequest): PaymentNotice {
    const body = req.rawBody.toString('utf8');
    this.verifySigned(
      {
        timestamp: header(req.headers, 'wechatpay-timestamp'),
        nonce: header(req.headers, 'wechatpay-nonce'),
        signature: header(req.headers, 'wechatpay-signature'),
        serial: header(req.headers, 'wechatpay-serial'),
      },
      body,
      (reason) => new NotificationRejected(reason, 401),
    );
    let envelope: { event_type?: string; resource?: WxpayResource };
    try {
      envelope = JSON.parse(body) as typeof envelope;
    } catch {
      throw new NotificationRejected('body is not JSON');
    }
    if (envelope.event_type !== 'TRANSACTION.SUCCESS') return { kind: 'ignored', reason: `event ${envelope.event_type ?? '(none)'}` };
    if (!envelope.resource) throw new NotificationRejected('missing resource');
    let tx: WxTransaction;
    try {
      tx = JSON.parse(wxpayDecrypt(envelope.resource, this.config.apiV3Key)) as WxTransaction;
    } catch (err) {
      throw new NotificationRejected(`resource could not be decrypted: ${(err as Error).message}`);
    }
    if (tx.mchid !== this.config.mchId) throw new NotificationRejected('notification is for another mchid');
    if (!tx.out_trade_no) throw new NotificationRejected('missing out_trade_no');
    if (tx.trade_state !== 'SUCCESS') return { kind: 'ignored', reason: `trade_state ${tx.trade_state ?? '(none)'}` };
    if (!Number.isSafeInteger(tx.amount?.total) || !tx.amount?.currency) throw new NotificationRejected('missing amount');
    return {
      kind: 'paid',
      tradeNo: tx.out_trade_no,
      transactionId: tx.transaction_id ?? '',
      amountMinor: tx.amount.total!,
      currency: tx.amount.currency,
      payer: tx.payer?.openid ?? '',
      finished: false,
    };
  }

  acknowledge(outcome: 'ok' | 'rejected', message: string): NotificationAck {
    if (outcome === 'ok') return { status: 204 };
    return { status: 400, contentType: 'application/json', body: JSON.stringify({ code: 'FAIL', message }) };
  }

  private verifySigned(
    h: { timestamp?: string; nonce?: string; signature?: string; serial?: string },
    body: string,
    fail: (reason: string) => Error,
  ): void {
    if (!h.timestamp || !h.nonce || !h.signature) throw fail('missing Wechatpay-Timestamp, -Nonce or -Signature');
    if (this.config.platformSerial && h.serial !== this.config.platformSerial) throw fail(`signed with unknown key ${h.serial ?? '(none)'}`);
    const age = Math.abs(Date.now() / 1000 - Number(h.timestamp));
    if (!Number.isFinite(age) || age > MAX_SKEW_SECONDS) throw fail('timestamp is too old or in the future');
    if (!wxpayVerify({ timestamp: h.timestamp, nonce: h.nonce, body, signature: h.signature, publicKeyPem: this.config.platformPublicKeyPem })) {
      throw fail('signature check failed');
    }
  }

  /** One signed API call; the answer must carry a valid WeChat Pay signature too. */
  private async call(method: 'GET' | 'POST', urlPath: string, payload?: unknown): Promise<unknown> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const authorization = wxpayAuthorization({
      method,
      urlPath,
      body,
      mchId: this.config.mchId,
      serialNo: this.config.serialNo,
      privateKeyPem: this.config.privateKeyPem,
    });
    const res = await providerFetch('wxpay', `${this.config.apiBase}${urlPath}`, {
      method,
      headers: { authorization, accept: 'application/json', 'content-type': 'application/json', 'user-agent': 'cs-platform' },
      body: method === 'GET' ? undefined : body,
    });
    let parsed: unknown;
    if (res.text) {
      try {
        parsed = JSON.parse(res.text);
      } catch {
        throw providerFailure('wxpay', `${urlPath} answered HTTP ${res.status} with a body that is not JSON`);
      }
    }
    if (res.status < 200 || res.status >= 300) {
      const e = parsed as { code?: string; message?: string } | undefined;
      throw providerFailure('wxpay', `${urlPath} answered HTTP ${res.status} ${e?.code ?? ''} ${e?.message ?? ''}`.trim());
    }
    this.verifySigned(
      {
        timestamp: res.headers.get('wechatpay-timestamp') ?? undefined,
        nonce: res.headers.get('wechatpay-nonce') ?? undefined,
        signature: res.headers.get('wechatpay-signature') ?? undefined,
        serial: res.headers.get('wechatpay-serial') ?? undefined,
      },
      res.text,
      (reason) => providerFailure('wxpay', `answer to ${urlPath} not trusted: ${reason}`),
    );
    return parsed;
  }
}

import { createSign, createVerify } from 'node:crypto';
import type { PaymentConfig } from '../../core/payment/payment-config.js';
import { formatAmount, parseAmount } from '../../core/money.js';
import { formatSeedTime } from '../../core/time.js';
import { PaymentProviderName } from '../../entities/trade/trade-enums.js';
import {
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

/**
 * The string Alipay signs: every non-empty parameter except the excluded
 * ones, sorted by name, as `k=v` joined with `&`, values not URL-encoded.
 */
export function alipaySignContent(params: Record<string, string | undefined>, exclude: readonly string[] = ['sign']): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k) && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

/** RSA2 = SHA256withRSA, base64. */
export function rsa2Sign(content: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKeyPem, 'base64');
}

export function rsa2Verify(content: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}

/**
 * Alipay signs the exact text of the `<method>_response` value in its JSON
 * answer, so it is cut out of the raw body rather than re-serialized.
 */
export function extractJsonValue(raw: string, key: string): string | undefined {
  const keyAt = raw.indexOf(`"${key}"`);
  if (keyAt < 0) return undefined;
  let i = raw.indexOf(':', keyAt + key.length + 2);
  if (i < 0) return undefined;
  i++;
  while (/\s/.test(raw[i] ?? '')) i++;
  if (raw[i] !== '{') return undefined;
  let depth = 0;
  let inString = false;
  for (let j = i; j < raw.length; j++) {
    const c = raw[j];
    if (inString) {
      if (c === '\\') j++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return raw.slice(i, j + 1);
  }
  return undefined;
}

interface AlipayAnswer {
  code?: string;
  msg?: string;
  sub_code?: string;
  sub_msg?: string;
  [k: string]: unknown;
}

/** Alipay through its open API gateway, signed and verified with RSA2 (no SDK needed for three calls). */
export class AlipayProvider implements PaymentProvider {
  readonly name = PaymentProviderName.ALIPAY;
  readonly currencies = ['CNY'] as const;

  constructor(private readonly config: NonNullable<PaymentConfig['alipay']>) {}

  async createOrder(order: ProviderOrder): Promise<CreatedOrder> {
    const minutes = Math.max(1, Math.ceil((order.expiresAt.getTime() - Date.now()) / 60_000));
    const answer = await this.call(
      'alipay.trade.precreate',
      {
        out_trade_no: order.tradeNo,
        total_amount: formatAmount(order.amountMinor, 'CNY'),
        subject: order.subject.slice(0, 256),
        timeout_express: `${minutes}m`,
      },
      order.notifyUrl,
    );
    if (typeof answer.qr_code !== 'string' || !answer.qr_code) throw providerFailure('alipay', 'precreate answered no qr_code');
    return { payUrl: answer.qr_code };
  }

  async close(ref: ProviderTradeRef): Promise<void> {
    try {
      await this.call('alipay.trade.close', { out_trade_no: ref.tradeNo });
    } catch (err) {
      // Never scanned: Alipay has no such trade, which is as closed as it gets.
      if ((err as Error).message.includes('ACQ.TRADE_NOT_EXIST')) return;
      throw err;
    }
  }

  async refund(req: ProviderRefund): Promise<{ refundId: string }> {
    await this.call('alipay.trade.refund', {
      out_trade_no: req.tradeNo,
      refund_amount: formatAmount(req.refundMinor, 'CNY'),
      out_request_no: req.refundNo,
      refund_reason: req.reason.slice(0, 256),
    });
    return { refundId: req.refundNo };
  }

  parseNotification(req: NotificationRequest): PaymentNotice {
    const params = Object.fromEntries(new URLSearchParams(req.rawBody.toString('utf8')));
    if (!params.sign) throw new NotificationRejected('missing sign');
    if (params.sign_type !== 'RSA2') throw new NotificationRejected('sign_type must be RSA2');
    // Notifications sign every parameter except sign and sign_type.
    if (!rsa2Verify(alipaySignContent(params, ['sign', 'sign_type']), params.sign, this.config.alipayPublicKeyPem)) {
      throw new NotificationRejected('signature check failed');
    }
    if (params.app_id !== this.config.appId) throw new NotificationRejected('notification is for another app_id');
    const tradeNo = params.out_trade_no;
    if (!tradeNo) throw new NotificationRejected('missing out_trade_no');
    switch (params.trade_status) {
      case 'TRADE_SUCCESS':
      case 'TRADE_FINISHED': {
        let amountMinor: number;
        try {
          amountMinor = parseAmount(params.total_amount ?? '', 'CNY', 'total_amount');
        } catch {
          throw new NotificationRejected('total_amount is not an amount');
        }
        return {
          kind: 'paid',
          tradeNo,
          transactionId: params.trade_no ?? '',
          amountMinor,
          currency: 'CNY',
          payer: params.buyer_logon_id || params.buyer_id || params.buyer_open_id || '',
          finished: params.trade_status === 'TRADE_FINISHED',
        };
      }
      case 'TRADE_CLOSED':
        return { kind: 'closed', tradeNo };
      default:
        return { kind: 'ignored', reason: `trade_status ${params.trade_status ?? '(none)'}` };
    }
  }

  acknowledge(outcome: 'ok' | 'rejected'): NotificationAck {
    // Alipay retries until the body is exactly "success".
    return { status: outcome === 'ok' ? 200 : 400, contentType: 'text/plain', body: outcome === 'ok' ? 'success' : 'fail' };
  }

  /** One gateway call: signed request, verified answer, `code` 10000 or a failure naming Alipay's sub_code. */
  private async call(method: string, biz: Record<string, string>, notifyUrl?: string): Promise<AlipayAnswer> {
    const params: Record<string, string | undefined> = {
      app_id: this.config.appId,
      method,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: formatSeedTime(new Date(), 'Asia/Shanghai'),
      version: '1.0',
      notify_url: notifyUrl,
      biz_content: JSON.stringify(biz),
    };
    params.sign = rsa2Sign(alipaySignContent(params), this.config.privateKeyPem);
    const form = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
    const url = `${this.config.gateway}${this.config.gateway.includes('?') ? '&' : '?'}charset=utf-8`;
    const res = await providerFetch('alipay', url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: form.toString(),
    });
    if (res.status !== 200) throw providerFailure('alipay', `${method} answered HTTP ${res.status}`);
    const nodeKey = `${method.replace(/\./g, '_')}_response`;
    const node = extractJsonValue(res.text, nodeKey);
    let parsed: { sign?: string; [k: string]: unknown };
    try {
      parsed = JSON.parse(res.text) as typeof parsed;
    } catch {
      throw providerFailure('alipay', `${method} answered something that is not JSON`);
    }
    if (!node) throw providerFailure('alipay', `${method} answered without ${nodeKey}`);
    const answer = JSON.parse(node) as AlipayAnswer;
    // Errors about the request itself (e.g. a bad app_id) come unsigned; anything that claims success must be signed.
    if (typeof parsed.sign === 'string') {
      if (!rsa2Verify(node, parsed.sign, this.config.alipayPublicKeyPem)) throw providerFailure('alipay', `${method} answer has a bad signature`);
    } else if (answer.code === '10000') {
      throw providerFailure('alipay', `${method} answer is not signed`);
    }
    if (answer.code !== '10000') {
      throw providerFailure('alipay', `${method}: ${answer.sub_code ?? answer.code ?? '?'} ${answer.sub_msg ?? answer.msg ?? ''}`.trim());
    }
    return answer;
  }
}

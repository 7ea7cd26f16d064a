import { AlipaySdk } from 'alipay-sdk';
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

interface AlipayAnswer {
  code?: string;
  msg?: string;
  sub_code?: string;
  sub_msg?: string;
  [k: string]: unknown;
}

/**
 * Alipay through its open API gateway. The official `alipay-sdk` signs requests and verifies answers
 * and notifications (RSA2, with a public key or in certificate mode); the HTTP call is ours, so it has
 * the same timeouts and error reporting as every other provider.
 */
export class AlipayProvider implements PaymentProvider {
  readonly name = PaymentProviderName.ALIPAY;
  readonly currencies = ['CNY'] as const;
  private readonly sdk: AlipaySdk;

  constructor(private readonly config: NonNullable<PaymentConfig['alipay']>) {
    this.sdk = new AlipaySdk({
      appId: config.appId,
      privateKey: config.privateKeyPem,
      keyType: 'PKCS8',
      signType: 'RSA2',
      gateway: config.gateway,
      ...('certificates' in config
        ? {
            appCertContent: config.certificates.app,
            alipayPublicCertContent: config.certificates.alipayPublic,
            alipayRootCertContent: config.certificates.alipayRoot,
          }
        : { alipayPublicKey: config.alipayPublicKeyPem }),
    });
  }

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
    // V2: over the decoded values, as Alipay signs them.
    if (!this.sdk.checkNotifySignV2(params)) throw new NotificationRejected('signature check failed');
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
    const form = this.sdk.sdkExecute(
      method,
      {
        // Alipay reads the timestamp as Beijing time, whatever zone this server runs in.
        timestamp: formatSeedTime(new Date(), 'Asia/Shanghai'),
        ...(notifyUrl ? { notify_url: notifyUrl } : {}),
        bizContent: biz,
      },
      { bizContentAutoSnakeCase: false },
    );
    const url = `${this.config.gateway}${this.config.gateway.includes('?') ? '&' : '?'}charset=utf-8`;
    const res = await providerFetch('alipay', url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: form,
    });
    if (res.status !== 200) throw providerFailure('alipay', `${method} answered HTTP ${res.status}`);
    const nodeKey = `${method.replace(/\./g, '_')}_response`;
    let parsed: { sign?: unknown; [k: string]: unknown };
    try {
      parsed = JSON.parse(res.text) as typeof parsed;
    } catch {
      throw providerFailure('alipay', `${method} answered something that is not JSON`);
    }
    const answer = (parsed[nodeKey] ?? parsed.error_response) as AlipayAnswer | undefined;
    if (!answer || typeof answer !== 'object') throw providerFailure('alipay', `${method} answered without ${nodeKey}`);
    // Errors about the request itself (e.g. a bad app_id) come unsigned; anything that claims success must be signed.
    if (typeof parsed.sign === 'string') {
      try {
        this.sdk.checkResponseSign(res.text, nodeKey, parsed.sign, '');
      } catch {
        throw providerFailure('alipay', `${method} answer has a bad signature`);
      }
    } else if (answer.code === '10000') {
      throw providerFailure('alipay', `${method} answer is not signed`);
    }
    if (answer.code !== '10000') {
      throw providerFailure('alipay', `${method}: ${answer.sub_code ?? answer.code ?? '?'} ${answer.sub_msg ?? answer.msg ?? ''}`.trim());
    }
    return answer;
  }
}

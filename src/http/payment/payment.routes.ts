import express, { Router, type Request, type Response } from 'express';
import { AppError, ErrorCode, isAppError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { formatAmount } from '../../core/money.js';
import { TradeState } from '../../entities/trade/trade-enums.js';
import type { Trade } from '../../entities/trade/trade.entity.js';
import type { Services } from '../../services/index.js';
import { z } from 'zod';
import { tradeStateSchema } from '../../compat-rest/trade/trade.presenter.js';
import { plainError, plainErrorResponse } from '../openapi/envelopes.js';
import { mountOperations, type Operation, type OperationResponse } from '../openapi/operation.js';

const tradeNo = z.object({ tradeNo: z.string().meta({ description: '支付订单号' }) });
const html = (description: string): OperationResponse => ({ description, content: { 'text/html': z.string() } });
const htmlOrJson = (description: string): OperationResponse => ({ description, content: { 'text/html': z.string(), 'application/json': plainError } });
const ack = (description: string): OperationResponse => ({ description, content: { '*/*': z.string().meta({ description: 'the provider’s own acknowledgement' }) } });

/** The payment routes, as mounted and documented. */
export const paymentOperations = {
  notify: {
    method: 'post',
    path: '/api/v1/pay/notify/{provider}',
    operationId: 'paymentNotify',
    surface: 'payments',
    summary: '支付通知: a payment provider’s signed notification (Stripe, Alipay, WeChat Pay)',
    description: 'The body is the provider’s, checked against its signature; the answer is what the provider expects (README "Payments").',
    security: ['signature'],
    params: z.object({ provider: z.string().meta({ description: 'stripe, alipay or wxpay' }) }),
    body: { required: true, content: { '*/*': z.string().meta({ description: 'the provider’s notification, as it sends it' }) } },
    responses: {
      200: ack('Accepted: the provider’s success answer.'),
      400: ack('Refused (signature, age, account): the provider’s failure answer.'),
      404: plainErrorResponse('No such provider is configured.'),
      500: { description: 'Internal error: the provider retries later.', content: { 'application/json': z.strictObject({ code: z.literal('FAIL'), message: z.string() }) } },
    },
  },
  sandboxPage: {
    method: 'get',
    path: '/pay/sandbox/{tradeNo}',
    operationId: 'sandboxCheckout',
    surface: 'payments',
    summary: 'The sandbox checkout page of a trade (pay_url without a provider)',
    security: [],
    params: tradeNo,
    responses: { 200: html('The checkout page.'), 404: htmlOrJson('No such sandbox trade.') },
  },
  sandboxPay: {
    method: 'post',
    path: '/pay/sandbox/{tradeNo}',
    operationId: 'sandboxPay',
    surface: 'payments',
    summary: 'Pays a sandbox trade: the page again for a browser, else JSON',
    security: [],
    params: tradeNo,
    responses: {
      200: {
        description: 'Paid (or already settled).',
        content: {
          'text/html': z.string(),
          'application/json': z.strictObject({ trade_no: z.string(), state: tradeStateSchema, message: z.string().meta({ description: '订单交易状态信息' }) }),
        },
      },
      404: htmlOrJson('No such sandbox trade.'),
      409: htmlOrJson('The trade can no longer be paid.'),
    },
  },
  returnPage: {
    method: 'get',
    path: '/pay/return/{tradeNo}',
    operationId: 'paymentReturn',
    surface: 'payments',
    summary: 'The page a payer’s browser returns to: the trade’s state',
    security: [],
    params: tradeNo,
    responses: { 200: html('The trade’s state.'), 404: htmlOrJson('No such trade.') },
  },
} satisfies Record<string, Operation>;

const statusOf: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.BadUserInput]: 400,
};

const stateText: Record<TradeState, string> = {
  [TradeState.PENDING]: 'Waiting for payment',
  [TradeState.PAID]: 'Paid',
  [TradeState.CLOSED]: 'Closed',
  [TradeState.REFUNDED]: 'Refunded',
  [TradeState.FINISHED]: 'Paid (finished)',
  [TradeState.ABNORMAL]: 'Payment under review',
};

/**
 * Payment routes outside the seed's REST API: provider notifications (raw
 * body, for their signature checks), the sandbox checkout page, and the page a
 * payer's browser returns to. Mounted before the legacy REST router.
 */
export function paymentRouter(services: Services, log: Logger): Router {
  return mountOperations(Router(), paymentOperations, {
  notify: [express.raw({ type: () => true, limit: '256kb' }), async (req, res) => {
    try {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const ack = await services.trades.receiveNotification(String(req.params.provider), { rawBody, headers: req.headers });
      if (!ack) {
        res.status(404).json({ code: 404, message: `No payment provider "${req.params.provider}" is configured` });
        return;
      }
      res.status(ack.status);
      if (ack.contentType) res.type(ack.contentType);
      res.send(ack.body ?? '');
    } catch (err) {
      // Not ours to explain to a provider; a 500 makes it retry later, which is what we want.
      log.error({ err, provider: req.params.provider }, 'payment notification failed');
      res.status(500).json({ code: 'FAIL', message: 'Internal server error' });
    }
  }],

  sandboxPage: async (req, res) => {
    try {
      const trade = await services.trades.sandboxTrade(String(req.params.tradeNo));
      res.type('html').send(sandboxPage(trade));
    } catch (err) {
      sendError(req, res, err, log);
    }
  },

  sandboxPay: async (req, res) => {
    try {
      const trade = await services.trades.sandboxPay(String(req.params.tradeNo));
      if (wantsHtml(req)) res.type('html').send(sandboxPage(trade));
      else res.json({ trade_no: trade.tradeNo, state: trade.state, message: trade.message });
    } catch (err) {
      sendError(req, res, err, log);
    }
  },

  returnPage: async (req, res) => {
    try {
      const t = await services.trades.publicStatus(String(req.params.tradeNo));
      res.type('html').send(page('Payment', `<p>${esc(t.prodName)}</p><p>Trade <code>${esc(t.tradeNo)}</code>: <strong>${esc(stateText[t.state])}</strong></p>`));
    } catch (err) {
      sendError(req, res, err, log);
    }
  },
  });
}

function wantsHtml(req: Request): boolean {
  return String(req.headers.accept ?? '').includes('text/html');
}

function sendError(req: Request, res: Response, err: unknown, log: Logger): void {
  const appErr = isAppError(err) ? err : new AppError(ErrorCode.Internal, 'Internal server error');
  if (!isAppError(err)) log.error({ err }, 'unhandled error in payment page');
  const status = statusOf[appErr.code] ?? 500;
  if (wantsHtml(req)) res.status(status).type('html').send(page('Payment', `<p>${esc(appErr.message)}</p>`));
  else res.status(status).json({ code: status, message: appErr.message });
}

function sandboxPage(t: Trade): string {
  const amount = `${formatAmount(t.payAmountMinor, t.currency)} ${t.currency}`;
  const action = t.state === TradeState.PENDING
    ? `<form method="post"><button type="submit">Pay ${esc(amount)} (sandbox)</button></form>`
    : '';
  return page(
    'Sandbox checkout',
    `<p class="note">Sandbox: no money moves. Configure a payment provider to take real payments.</p>
<dl><dt>Product</dt><dd>${esc(t.prodName)}</dd><dt>Amount</dt><dd>${esc(amount)}</dd>
<dt>Trade</dt><dd><code>${esc(t.tradeNo)}</code></dd><dt>State</dt><dd><strong>${esc(stateText[t.state])}</strong></dd></dl>
${action}`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
.note{color:#8a6d3b;background:#fcf8e3;padding:.5rem}dt{color:#666}dd{margin:0 0 .5rem}button{font-size:1.1rem;padding:.5rem 1.5rem}</style>
</head><body><h1>${esc(title)}</h1>${body}</body></html>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

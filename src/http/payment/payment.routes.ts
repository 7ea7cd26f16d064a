import express, { Router, type Request, type Response } from 'express';
import { AppError, ErrorCode, isAppError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { formatAmount } from '../../core/money.js';
import { TradeState } from '../../entities/trade/trade-enums.js';
import type { Trade } from '../../entities/trade/trade.entity.js';
import type { Services } from '../../services/index.js';

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
  const router = Router();

  router.post('/api/v1/pay/notify/:provider', express.raw({ type: () => true, limit: '256kb' }), async (req, res) => {
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
  });

  router.get('/pay/sandbox/:tradeNo', async (req, res) => {
    try {
      const trade = await services.trades.sandboxTrade(String(req.params.tradeNo));
      res.type('html').send(sandboxPage(trade));
    } catch (err) {
      sendError(req, res, err, log);
    }
  });

  router.post('/pay/sandbox/:tradeNo', async (req, res) => {
    try {
      const trade = await services.trades.sandboxPay(String(req.params.tradeNo));
      if (wantsHtml(req)) res.type('html').send(sandboxPage(trade));
      else res.json({ trade_no: trade.tradeNo, state: trade.state, message: trade.message });
    } catch (err) {
      sendError(req, res, err, log);
    }
  });

  router.get('/pay/return/:tradeNo', async (req, res) => {
    try {
      const t = await services.trades.publicStatus(String(req.params.tradeNo));
      res.type('html').send(page('Payment', `<p>${esc(t.prodName)}</p><p>Trade <code>${esc(t.tradeNo)}</code>: <strong>${esc(stateText[t.state])}</strong></p>`));
    } catch (err) {
      sendError(req, res, err, log);
    }
  });

  return router;
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

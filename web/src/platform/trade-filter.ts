import type { TradeFilterInput, TradeState } from '../gql/graphql';
import { TRADE_STATES } from '../billing/trade-states';

/** The platform trades page's filter, kept in the URL (`?tradeNo=&merchantId=&state=`) so a merchant's row can link to it. */
export function tradeFilterOf(params: URLSearchParams): TradeFilterInput {
  const filter: TradeFilterInput = {};
  const tradeNo = params.get('tradeNo')?.trim();
  if (tradeNo) filter.tradeNo = tradeNo;
  const merchantId = Number(params.get('merchantId'));
  if (Number.isInteger(merchantId) && merchantId > 0) filter.merchantId = merchantId;
  const state = params.get('state');
  const known = TRADE_STATES.find((s): s is TradeState => s === state);
  if (known) filter.state = known;
  return filter;
}

/** Trades a refund applies to (refundTrade: paid, or paid after closing and flagged). */
export const refundable = (state: TradeState) => state === 'PAID' || state === 'ABNORMAL';

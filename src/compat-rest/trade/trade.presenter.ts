import { formatAmount } from '../../core/money.js';
import { formatSeedTime } from '../../core/time.js';
import type { Trade } from '../../entities/trade/trade.entity.js';
import type { Services } from '../../services/index.js';

/** A trade as the seed's billing list item (§2.15); amounts as decimal strings in the trade's currency. */
export function presentBilling(t: Trade, s: Services) {
  const tz = s.config.timezone;
  return {
    id: t.id,
    customer_id: t.merchant.id,
    staff_id: t.staff.id,
    pay_type: t.payType,
    trade_no: t.tradeNo,
    transaction_id: t.transactionId,
    customer_email: t.customerEmail,
    prod_id: t.product?.id ?? 0,
    prod_no: t.prodNo,
    prod_name: t.prodName,
    prod_price: formatAmount(t.prodPriceMinor, t.currency),
    currency: t.currency,
    pay_amount: formatAmount(t.payAmountMinor, t.currency),
    refund_amount: formatAmount(t.refundAmountMinor, t.currency),
    state: t.state,
    created_time: formatSeedTime(t.createdAt, tz),
    updated_time: formatSeedTime(t.updatedAt, tz),
    pay_url: t.payUrl,
    extra_data: t.extraData,
    message: t.message,
    payer: t.payer,
  };
}

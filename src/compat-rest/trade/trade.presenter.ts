import { formatAmount } from '../../core/money.js';
import { formatSeedTime } from '../../core/time.js';
import type { Trade } from '../../entities/trade/trade.entity.js';
import type { Services } from '../../services/index.js';
import { z } from 'zod';
import { PayType, TradeState } from '../../entities/trade/trade-enums.js';
import { createdTime, decimal, int, str, updatedTime } from '../fields.js';

export const tradeStateSchema = z
  .enum(TradeState)
  .meta({ description: '支付状态(0=等待付款 1=已完成付款 2=付款超时关闭 3=已退款 4=已结束[不可退款] 5=支付平台异常)' });

export const billingItem = z
  .strictObject({
    id: int('自增ID'),
    customer_id: int('客户ID'),
    staff_id: int('员工ID'),
    pay_type: z.enum(PayType).meta({ description: '支付方式(wxpay=微信支付 alipay=支付宝 stripe=Stripe支付)' }),
    trade_no: str('商家交易订单号(商家系统唯一ID)'),
    transaction_id: str('支付平台唯一交易ID'),
    customer_email: str('客户邮箱地址(Stripe支付必填)'),
    prod_id: int('产品ID (0 once the product is deleted)'),
    prod_no: str('产品序列号'),
    prod_name: str('产品名称'),
    prod_price: decimal('产品价格'),
    currency: str('单位(CNY/USD...)'),
    pay_amount: decimal('支付金额(单位: 元)'),
    refund_amount: decimal('退款金额(单位: 元)'),
    state: tradeStateSchema,
    created_time: createdTime,
    updated_time: updatedTime,
    pay_url: str('支付链接'),
    extra_data: z.record(z.string(), z.unknown()).nullable().meta({ description: '附带数据(JSON)' }),
    message: str('支付交易信息'),
    payer: str('支付人信息'),
  })
  .meta({ id: 'Billing' });

/** A trade as the seed's billing list item (§2.15); amounts as decimal strings in the trade's currency. */
export function presentBilling(t: Trade, s: Services): z.input<typeof billingItem> {
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

import { z } from 'zod';
import { PayType } from '../../entities/trade/trade-enums.js';
import { intField, pageFields, str, strField } from '../fields.js';
import { legacyRoute, listData, ok, okList, type LegacyRoute } from '../route.js';
import { billingItem, presentBilling, tradeStateSchema } from './trade.presenter.js';

/** §2.6 pay, §2.7 query trade, §2.15 billing list. */
export const tradeRoutes: LegacyRoute[] = [
  legacyRoute({
    path: '/api/v1/customer/pay/staff',
    auth: 'merchant',
    summary: '套餐支付 (§2.6): opens a trade; pay at pay_url',
    body: z.object({ id: intField('需要支付的员工ID'), production_id: intField('支付套餐ID'), pay_type: strField('支付方式(wxpay=微信 alipay=支付宝 stripe=Stripe支付)') }),
    data: z.strictObject({ pay_type: z.enum(PayType).meta({ description: '支付方式' }), trade_no: str('支付订单号'), pay_url: str('支付链接(自行用插件转为二维码)') }),
    async handle(ctx, b, s) {
      const trade = await s.trades.pay(ctx, { staffId: b.int('id') ?? 0, productId: b.int('production_id') ?? 0, payType: b.str('pay_type') ?? '' });
      return ok({ pay_type: trade.payType, trade_no: trade.tradeNo, pay_url: trade.payUrl });
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/query/trade',
    auth: 'merchant',
    summary: '查询支付状态 (§2.7)',
    body: z.object({ trade_no: strField('支付订单号') }),
    data: z.strictObject({ state: tradeStateSchema, message: str('订单交易状态信息') }),
    async handle(ctx, b, s) {
      const trade = await s.trades.get(ctx, b.str('trade_no') ?? '');
      return ok({ state: trade.state, message: trade.message });
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/list/billing',
    auth: 'merchant',
    summary: '账单列表 (§2.15)',
    body: z.object({ id: intField('按账单ID查询').optional(), ...pageFields }),
    data: listData(billingItem),
    async handle(ctx, b, s) {
      const page = await s.trades.list(ctx, { id: b.intFilter('id') }, b.page());
      return okList(page.items.map((t) => presentBilling(t, s)), page.total);
    },
  }),
];

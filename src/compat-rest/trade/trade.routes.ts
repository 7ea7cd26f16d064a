import { ok, okList, type LegacyRoute } from '../route.js';
import { presentBilling } from './trade.presenter.js';

/** §2.6 pay, §2.7 query trade, §2.15 billing list. */
export const tradeRoutes: LegacyRoute[] = [
  {
    path: '/api/v1/customer/pay/staff',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const trade = await s.trades.pay(ctx, { staffId: b.int('id') ?? 0, productId: b.int('production_id') ?? 0, payType: b.str('pay_type') ?? '' });
      return ok({ pay_type: trade.payType, trade_no: trade.tradeNo, pay_url: trade.payUrl });
    },
  },
  {
    path: '/api/v1/customer/query/trade',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const trade = await s.trades.get(ctx, b.str('trade_no') ?? '');
      return ok({ state: trade.state, message: trade.message });
    },
  },
  {
    path: '/api/v1/customer/list/billing',
    auth: 'merchant',
    async handle(ctx, b, s) {
      const page = await s.trades.list(ctx, { id: b.intFilter('id') }, b.page());
      return okList(page.items.map((t) => presentBilling(t, s)), page.total);
    },
  },
];

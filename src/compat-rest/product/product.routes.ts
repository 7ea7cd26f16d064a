import { formatAmount } from '../../core/money.js';
import { formatSeedTime } from '../../core/time.js';
import type { Product } from '../../entities/product/product.entity.js';
import type { Services } from '../../services/index.js';
import type { LegacyBody } from '../legacy-body.js';
import { ok, okList, type LegacyRoute } from '../route.js';

function presentProduct(p: Product, s: Services) {
  const tz = s.config.timezone;
  return {
    id: p.id,
    name: p.name,
    price: formatAmount(p.priceMinor, p.currency),
    currency: p.currency,
    state: p.state,
    language: p.language,
    description: p.description,
    trial_days: p.trialDays,
    expiring_days: p.expiringDays,
    serial_no: p.serialNo,
    is_deleted: p.isDeleted,
    create_user: p.createUser,
    edit_user: p.editUser,
    created_time: formatSeedTime(p.createdAt, tz),
    updated_time: formatSeedTime(p.updatedAt, tz),
  };
}

function productFields(b: LegacyBody) {
  return {
    name: b.str('name'),
    price: b.amount('price'),
    currency: b.str('currency'),
    state: b.int('state'),
    language: b.str('language'),
    description: b.str('description'),
    trialDays: b.int('trial_days'),
    expiringDays: b.int('expiring_days'),
  };
}

const list: LegacyRoute['handle'] = async (ctx, b, s) => {
  const page = await s.products.list(
    ctx,
    { id: b.intFilter('id'), name: b.strFilter('name'), serialNo: b.strFilter('serial_no') },
    b.page(),
  );
  return okList(page.items.map((p) => presentProduct(p, s)), page.total);
};

export const productRoutes: LegacyRoute[] = [
  {
    path: '/api/v1/admin/create/production',
    auth: 'admin',
    async handle(ctx, b, s) {
      const f = productFields(b);
      const product = await s.products.create(ctx, { ...f, name: f.name ?? '', price: f.price ?? '', expiringDays: f.expiringDays ?? 0 });
      return ok({ id: product.id });
    },
  },
  { path: '/api/v1/admin/list/production', auth: 'admin', handle: list },
  { path: '/api/v1/customer/list/production', auth: 'merchant', handle: list },
  {
    path: '/api/v1/admin/edit/production',
    auth: 'admin',
    async handle(ctx, b, s) {
      await s.products.update(ctx, b.int('id') ?? 0, productFields(b));
      return ok();
    },
  },
  {
    path: '/api/v1/admin/delete/production',
    auth: 'admin',
    async handle(ctx, b, s) {
      await s.products.delete(ctx, b.int('id') ?? 0);
      return ok();
    },
  },
];

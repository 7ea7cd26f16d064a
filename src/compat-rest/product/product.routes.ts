import { formatAmount } from '../../core/money.js';
import { formatSeedTime } from '../../core/time.js';
import type { Product } from '../../entities/product/product.entity.js';
import type { Services } from '../../services/index.js';
import type { LegacyBody } from '../legacy-body.js';
import type { RequestContext } from '../../core/context.js';
import { z } from 'zod';
import { ProductLanguage, ProductState } from '../../entities/product/product.entity.js';
import { amountField, bool, createdTime, decimal, idData, int, intField, pageFields, str, strField, updatedTime } from '../fields.js';
import { emptyData, legacyRoute, listData, ok, okList, type LegacyRoute } from '../route.js';

const productItem = z
  .strictObject({
    id: int('产品ID'),
    name: str('产品名称'),
    price: decimal('产品价格(单位: 元)'),
    currency: str('单位(CNY/USD...)'),
    state: z.enum(ProductState).meta({ description: '状态(0=待上架 1=已上架 2=已下架)' }),
    language: z.enum(ProductLanguage).meta({ description: '区域语言(中国=zh-CN 英美=en)' }),
    description: str('产品描述'),
    trial_days: int('产品试用期(单位: 天)'),
    expiring_days: int('产品有效期(单位: 天)'),
    serial_no: str('产品序列号(唯一)'),
    is_deleted: bool('是否已删除'),
    create_user: str('创建人'),
    edit_user: str('编辑人'),
    created_time: createdTime,
    updated_time: updatedTime,
  })
  .meta({ id: 'Product' });

const productBody = {
  name: strField('产品名称'),
  price: amountField('产品价格(单位: 元)'),
  currency: strField('单位(CNY/USD...)'),
  state: intField('状态(0=待上架 1=已上架 2=已下架)'),
  language: strField('区域语言(中国=zh-CN 英美=en)'),
  description: strField('产品描述'),
  trial_days: intField('产品试用期(单位: 天)'),
  expiring_days: intField('产品有效期(单位: 天)'),
};
const optionalProductBody = z.object(productBody).partial().shape;
const listBody = z.object({ id: intField('按产品ID查询').optional(), name: strField('按产品名称查询').optional(), serial_no: strField('按产品序列号查询').optional(), ...pageFields });

function presentProduct(p: Product, s: Services): z.input<typeof productItem> {
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

const list = async (ctx: RequestContext, b: LegacyBody, s: Services) => {
  const page = await s.products.list(
    ctx,
    { id: b.intFilter('id'), name: b.strFilter('name'), serialNo: b.strFilter('serial_no') },
    b.page(),
  );
  return okList(page.items.map((p) => presentProduct(p, s)), page.total);
};

export const productRoutes: LegacyRoute[] = [
  legacyRoute({
    path: '/api/v1/admin/create/production',
    auth: 'admin',
    summary: '创建产品 (§3.1, 管理端)',
    body: z.object({ ...optionalProductBody, name: productBody.name, price: productBody.price, expiring_days: productBody.expiring_days }),
    data: idData('产品ID'),
    async handle(ctx, b, s) {
      const f = productFields(b);
      const product = await s.products.create(ctx, { ...f, name: f.name ?? '', price: f.price ?? '', expiringDays: f.expiringDays ?? 0 });
      return ok({ id: product.id });
    },
  }),
  legacyRoute({ path: '/api/v1/admin/list/production', auth: 'admin', summary: '产品列表 (§3.2, 管理端)', body: listBody, data: listData(productItem), handle: list }),
  legacyRoute({ path: '/api/v1/customer/list/production', auth: 'merchant', summary: '产品列表 (§3.2, 商户端)', body: listBody, data: listData(productItem), handle: list }),
  legacyRoute({
    path: '/api/v1/admin/edit/production',
    auth: 'admin',
    summary: '编辑产品 (§3.3, 管理端): only the fields sent change',
    body: z.object({ id: intField('产品ID (必填)'), ...optionalProductBody }),
    data: emptyData,
    async handle(ctx, b, s) {
      await s.products.update(ctx, b.int('id') ?? 0, productFields(b));
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/admin/delete/production',
    auth: 'admin',
    summary: '删除产品 (§3.4, 管理端)',
    body: z.object({ id: intField('产品ID (必填)') }),
    data: emptyData,
    async handle(ctx, b, s) {
      await s.products.delete(ctx, b.int('id') ?? 0);
      return ok();
    },
  }),
];

import type { FilterQuery } from '@mikro-orm/core';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { assertCurrency, formatAmount, parseAmount } from '../../core/money.js';
import { definedOnly } from '../../core/objects.js';
import { likeContains, pageSchema, type PageInput, type PageResult } from '../../core/paging.js';
import { randomId } from '../../core/random.js';
import { parseInput, type LooseInput } from '../../core/validation.js';
import { Product, ProductLanguage, ProductState } from '../../entities/product/product.entity.js';

const fields = {
  name: z.string().trim().min(1, 'is required').max(100),
  price: z.union([z.string(), z.number()], 'must be a decimal string such as "199.00"'),
  currency: z.string().trim().regex(/^[A-Za-z]{3}$/, 'must be a 3-letter currency code such as CNY'),
  state: z.enum(ProductState, 'must be 0 (draft), 1 (on sale) or 2 (off sale)'),
  language: z.enum(ProductLanguage, 'must be zh-CN or en'),
  description: z.string().trim().max(2000),
  trialDays: z.number().int().min(0).max(3650),
  expiringDays: z.number().int().min(1, 'must be at least 1 day').max(36500),
};
const createSchema = z.object(fields).partial({ state: true, language: true, description: true, trialDays: true, currency: true });
const updateSchema = z.object(fields).partial();
const filterSchema = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().trim().max(100).optional(),
  serialNo: z.string().trim().max(64).optional(),
});

export type ProductCreateInput = LooseInput<z.input<typeof createSchema>>;
export type ProductUpdateInput = LooseInput<z.input<typeof updateSchema>>;
export type ProductFilter = z.input<typeof filterSchema>;

const idSchema = z.number({ message: 'id is required' }).int().positive('id must be positive');

/** Paid packages: the admin manages them, merchants see those on sale. */
export class ProductService {
  async create(ctx: RequestContext, input: ProductCreateInput): Promise<Product> {
    const admin = ctx.requireAdmin();
    const data = parseInput(createSchema, input);
    const currency = assertCurrency(data.currency ?? 'CNY');
    const product = new Product({
      serialNo: randomId(16),
      name: data.name,
      priceMinor: parseAmount(data.price, currency),
      currency,
      expiringDays: data.expiringDays,
      createUser: admin.userName,
    });
    ctx.em.assign(product, definedOnly({ state: data.state, language: data.language, description: data.description, trialDays: data.trialDays }));
    await ctx.em.persist(product).flush();
    return product;
  }

  /** The admin sees every product; a merchant only those on sale. */
  async list(ctx: RequestContext, filter: ProductFilter = {}, page: PageInput = {}): Promise<PageResult<Product>> {
    const actor = ctx.requireAuthenticated();
    const f = parseInput(filterSchema, filter);
    const p = parseInput(pageSchema, page);
    const where: FilterQuery<Product> = { isDeleted: false };
    if (actor.kind !== 'admin') where.state = ProductState.ON_SALE;
    if (f.id) where.id = f.id;
    if (f.name) where.name = { $ilike: likeContains(f.name) };
    if (f.serialNo) where.serialNo = f.serialNo;
    const [items, total] = await ctx.em.findAndCount(Product, where, {
      orderBy: { id: 'desc' },
      limit: p.pageSize,
      offset: p.pageNo * p.pageSize,
    });
    return { items, total, ...p };
  }

  async update(ctx: RequestContext, id: number, input: ProductUpdateInput): Promise<Product> {
    const admin = ctx.requireAdmin();
    const data = parseInput(updateSchema, input);
    const product = await this.getForAdmin(ctx, id);
    const currency = data.currency !== undefined ? assertCurrency(data.currency) : product.currency;
    if (data.price !== undefined) {
      product.priceMinor = parseAmount(data.price, currency);
    } else if (currency !== product.currency) {
      // Re-read the stored price in the new currency's precision, refusing a change that would lose digits.
      product.priceMinor = parseAmount(formatAmount(product.priceMinor, product.currency), currency);
    }
    product.currency = currency;
    ctx.em.assign(product, definedOnly({ name: data.name, state: data.state, language: data.language, description: data.description, trialDays: data.trialDays, expiringDays: data.expiringDays }));
    product.editUser = admin.userName;
    await ctx.em.flush();
    return product;
  }

  async delete(ctx: RequestContext, id: number): Promise<void> {
    const admin = ctx.requireAdmin();
    const product = await this.getForAdmin(ctx, id);
    product.isDeleted = true;
    product.editUser = admin.userName;
    await ctx.em.flush();
  }

  private async getForAdmin(ctx: RequestContext, id: number): Promise<Product> {
    const productId = parseInput(idSchema, id);
    const product = await ctx.em.findOne(Product, { id: productId, isDeleted: false });
    if (!product) throw notFound(`Product ${productId}`);
    return product;
  }
}

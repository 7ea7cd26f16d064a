import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { formatAmount } from '../../core/money.js';
import type { Product } from '../../entities/product/product.entity.js';
import type { GqlContext } from '../../graphql/context.js';
import type { Services } from '../../services/index.js';
import { Role } from '../shared/enums.js';
import { PageInput } from '../shared/page.types.js';
import { ProductCreateInput, ProductFilterInput, ProductPage, ProductType, ProductUpdateInput } from './product.types.js';

@Resolver(() => ProductType)
export class ProductResolver {
  constructor(private readonly s: Services) {}

  @Authorized(Role.MERCHANT, Role.ADMIN)
  @Query(() => ProductPage, { description: 'The admin sees every product; a merchant those on sale' })
  async products(
    @Ctx() { ctx }: GqlContext,
    @Arg('filter', () => ProductFilterInput, { nullable: true }) filter?: ProductFilterInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ): Promise<ProductPage> {
    return this.s.products.list(ctx, filter ?? {}, page ?? {});
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ProductType)
  async createProduct(@Arg('input') input: ProductCreateInput, @Ctx() { ctx }: GqlContext): Promise<Product> {
    return this.s.products.create(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ProductType)
  async updateProduct(@Arg('id', () => Int) id: number, @Arg('input') input: ProductUpdateInput, @Ctx() { ctx }: GqlContext): Promise<Product> {
    return this.s.products.update(ctx, id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean)
  async deleteProduct(@Arg('id', () => Int) id: number, @Ctx() { ctx }: GqlContext): Promise<boolean> {
    await this.s.products.delete(ctx, id);
    return true;
  }

  @FieldResolver(() => String, { description: 'Exact decimal string in the currency, e.g. "199.00"' })
  price(@Root() product: Product): string {
    return formatAmount(product.priceMinor, product.currency);
  }
}

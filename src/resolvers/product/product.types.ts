import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ProductLanguage, ProductState } from '../../entities/product/product.entity.js';

@ObjectType('Product', { description: 'A paid package for one staff' })
export class ProductType {
  @Field(() => Int) id!: number;
  @Field() serialNo!: string;
  @Field() name!: string;
  @Field() currency!: string;
  @Field(() => ProductState) state!: ProductState;
  @Field(() => ProductLanguage) language!: ProductLanguage;
  @Field() description!: string;
  @Field(() => Int) trialDays!: number;
  @Field(() => Int) expiringDays!: number;
  @Field() isDeleted!: boolean;
  @Field() createUser!: string;
  @Field() editUser!: string;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  // Resolved by a field resolver: the exact decimal string.
  price?: string;
}

@ObjectType()
export class ProductPage {
  @Field(() => [ProductType]) items!: ProductType[];
  @Field(() => Int) total!: number;
  @Field(() => Int) pageNo!: number;
  @Field(() => Int) pageSize!: number;
}

@InputType()
export class ProductFilterInput {
  @Field(() => Int, { nullable: true }) id?: number;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) serialNo?: string;
}

@InputType()
export class ProductCreateInput {
  @Field() name!: string;
  @Field({ description: 'Decimal string, e.g. "199.00"' }) price!: string;
  @Field({ nullable: true, defaultValue: 'CNY' }) currency?: string;
  @Field(() => ProductState, { nullable: true }) state?: ProductState;
  @Field(() => ProductLanguage, { nullable: true }) language?: ProductLanguage;
  @Field({ nullable: true }) description?: string;
  @Field(() => Int, { nullable: true }) trialDays?: number;
  @Field(() => Int) expiringDays!: number;
}

@InputType({ description: 'Only the fields given change' })
export class ProductUpdateInput {
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) price?: string;
  @Field({ nullable: true }) currency?: string;
  @Field(() => ProductState, { nullable: true }) state?: ProductState;
  @Field(() => ProductLanguage, { nullable: true }) language?: ProductLanguage;
  @Field({ nullable: true }) description?: string;
  @Field(() => Int, { nullable: true }) trialDays?: number;
  @Field(() => Int, { nullable: true }) expiringDays?: number;
}

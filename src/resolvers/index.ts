import type { NonEmptyArray } from 'type-graphql';
import { AccountResolver } from './account/account.resolver.js';
import { ProductResolver } from './product/product.resolver.js';
import { PublicStaffDerivedFieldsResolver, StaffDerivedFieldsResolver, StaffResolver } from './staff/staff.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  AccountResolver,
  StaffResolver,
  StaffDerivedFieldsResolver,
  PublicStaffDerivedFieldsResolver,
  ProductResolver,
];

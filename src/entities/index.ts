import { Admin } from './admin/admin.entity.js';
import { AuthToken } from './auth/auth-token.entity.js';
import { VerificationCode } from './auth/verification-code.entity.js';
import { Merchant } from './merchant/merchant.entity.js';
import { Product } from './product/product.entity.js';
import { Staff } from './staff/staff.entity.js';

/** Every entity, listed explicitly (ESM builds cannot discover them by folder). */
export const entities = [Merchant, Admin, AuthToken, VerificationCode, Staff, Product];

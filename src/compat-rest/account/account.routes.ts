import { badInput } from '../../core/errors.js';
import { formatSeedTime } from '../../core/time.js';
import { CodePurpose } from '../../entities/auth/verification-code.entity.js';
import { ok, type LegacyRoute } from '../route.js';

const purposeOf = (actionType: number | undefined) => {
  if (actionType === undefined || actionType === 0) return CodePurpose.Register;
  if (actionType === 1) return CodePurpose.ResetPassword;
  throw badInput('action_type: must be 0 (register) or 1 (reset password)');
};

export const accountRoutes: LegacyRoute[] = [
  {
    path: '/api/v1/customer/send/code',
    auth: 'public',
    async handle(ctx, b, s) {
      await s.accounts.sendCode(ctx, {
        userName: b.strFilter('user_name'),
        email: b.str('email') ?? '',
        purpose: purposeOf(b.int('action_type')),
        language: b.strFilter('language'),
      });
      return ok();
    },
  },
  {
    path: '/api/v1/customer/register',
    auth: 'public',
    async handle(ctx, b, s) {
      const merchant = await s.accounts.register(ctx, {
        userName: b.str('user_name') ?? '',
        password: b.str('password') ?? '',
        email: b.str('email') ?? '',
        code: b.str('reg_code') ?? '',
      });
      return ok({ id: merchant.id });
    },
  },
  {
    path: '/api/v1/customer/login',
    auth: 'public',
    async handle(ctx, b, s) {
      const { token, expiresAt, merchant } = await s.accounts.login(ctx, {
        userName: b.str('user_name') ?? '',
        password: b.str('password') ?? '',
      });
      return ok({
        token,
        expires_time: formatSeedTime(expiresAt, s.config.timezone),
        customer_id: merchant.id,
        user_name: merchant.userName,
        email: merchant.email,
      });
    },
  },
  {
    path: '/api/v1/customer/logout',
    auth: 'authenticated',
    async handle(ctx, _b, s) {
      await s.accounts.logout(ctx);
      return ok();
    },
  },
  {
    path: '/api/v1/customer/reset/password',
    auth: 'public',
    async handle(ctx, b, s) {
      await s.accounts.resetPassword(ctx, {
        email: b.str('email') ?? '',
        code: b.str('reg_code') ?? '',
        password: b.str('password') ?? '',
      });
      return ok();
    },
  },
  {
    path: '/api/v1/admin/login',
    auth: 'public',
    async handle(ctx, b, s) {
      const { token, expiresAt, admin } = await s.admins.login(ctx, {
        userName: b.str('user_name') ?? '',
        password: b.str('password') ?? '',
      });
      return ok({ token, expires_time: formatSeedTime(expiresAt, s.config.timezone), user_name: admin.userName });
    },
  },
  {
    path: '/api/v1/admin/logout',
    auth: 'admin',
    async handle(ctx, _b, s) {
      await s.accounts.logout(ctx);
      return ok();
    },
  },
];

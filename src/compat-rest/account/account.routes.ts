import { z } from 'zod';
import { badInput } from '../../core/errors.js';
import { formatSeedTime } from '../../core/time.js';
import { CodePurpose } from '../../entities/auth/verification-code.entity.js';
import { int, intField, seedTime, str, strField } from '../fields.js';
import { emptyData, legacyRoute, ok, type LegacyRoute } from '../route.js';

const purposeOf = (actionType: number | undefined) => {
  if (actionType === undefined || actionType === 0) return CodePurpose.Register;
  if (actionType === 1) return CodePurpose.ResetPassword;
  throw badInput('action_type: must be 0 (register) or 1 (reset password)');
};

const userName = strField('账户名');
const password = strField('密码: the MD5 hex of the password, as the seed’s clients send it');
const credentials = z.object({ user_name: userName, password });
const token = str('登录令牌: send it as the `Auth-Token` header (or `Authorization: Bearer`)');
const expiresTime = seedTime('令牌过期时间');

export const accountRoutes: LegacyRoute[] = [
  legacyRoute({
    path: '/api/v1/customer/send/code',
    auth: 'public',
    summary: '发送验证码 (§1.1): e-mails a registration or password-reset code',
    body: z.object({
      user_name: userName.optional(),
      email: strField('邮箱地址'),
      action_type: intField('操作类型: 0=用户注册 1=重置密码').optional(),
      language: strField('语言: en=英文 zh-CN=简体中文').optional(),
    }),
    data: emptyData,
    async handle(ctx, b, s) {
      await s.accounts.sendCode(ctx, {
        userName: b.strFilter('user_name'),
        email: b.str('email') ?? '',
        purpose: purposeOf(b.int('action_type')),
        language: b.strFilter('language'),
      });
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/register',
    auth: 'public',
    summary: '商户注册 (§1.2)',
    body: z.object({ user_name: userName, password, email: strField('邮箱地址'), reg_code: strField('邮件收到的验证码') }),
    data: z.strictObject({ id: int('商户ID (customer_id)') }),
    async handle(ctx, b, s) {
      const merchant = await s.accounts.register(ctx, {
        userName: b.str('user_name') ?? '',
        password: b.str('password') ?? '',
        email: b.str('email') ?? '',
        code: b.str('reg_code') ?? '',
      });
      return ok({ id: merchant.id });
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/login',
    auth: 'public',
    summary: '商户登录 (§1.3)',
    body: credentials,
    data: z.strictObject({
      token,
      expires_time: expiresTime,
      customer_id: int('商户ID'),
      user_name: str('账户名'),
      email: str('邮箱地址'),
    }),
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
  }),
  legacyRoute({
    path: '/api/v1/customer/logout',
    auth: 'authenticated',
    summary: '商户退出 (§1.4): revokes the token sent',
    body: z.object({}),
    data: emptyData,
    async handle(ctx, _b, s) {
      await s.accounts.logout(ctx);
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/customer/reset/password',
    auth: 'public',
    summary: '重置密码: with a code sent for action_type 1',
    body: z.object({ email: strField('邮箱地址'), reg_code: strField('邮件收到的验证码'), password }),
    data: emptyData,
    async handle(ctx, b, s) {
      await s.accounts.resetPassword(ctx, {
        email: b.str('email') ?? '',
        code: b.str('reg_code') ?? '',
        password: b.str('password') ?? '',
      });
      return ok();
    },
  }),
  legacyRoute({
    path: '/api/v1/admin/login',
    auth: 'public',
    summary: '管理员登录',
    body: credentials,
    data: z.strictObject({ token, expires_time: expiresTime, user_name: str('账户名') }),
    async handle(ctx, b, s) {
      const { token, expiresAt, admin } = await s.admins.login(ctx, {
        userName: b.str('user_name') ?? '',
        password: b.str('password') ?? '',
      });
      return ok({ token, expires_time: formatSeedTime(expiresAt, s.config.timezone), user_name: admin.userName });
    },
  }),
  legacyRoute({
    path: '/api/v1/admin/logout',
    auth: 'admin',
    summary: '管理员退出: revokes the token sent',
    body: z.object({}),
    data: emptyData,
    async handle(ctx, _b, s) {
      await s.accounts.logout(ctx);
      return ok();
    },
  }),
];

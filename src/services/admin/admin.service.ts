import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { AppError, ErrorCode, notFound } from '../../core/errors.js';
import { likeContains, pageSchema, type PageInput, type PageResult } from '../../core/paging.js';
import { Agent } from '../../entities/agent/agent.entity.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { Logger } from '../../core/logger.js';
import type { LoginThrottle } from '../../core/auth/login-throttle.js';
import { hashPassword, verifyPassword, verifyPasswordOrDummy } from '../../core/auth/password.js';
import { parseInput } from '../../core/validation.js';
import { Admin } from '../../entities/admin/admin.entity.js';
import { TokenRole } from '../../entities/auth/auth-token.entity.js';
import type { IssuedToken, TokenService } from '../auth/token.service.js';

const loginSchema = z.object({
  userName: z.string().trim().min(1, 'must not be empty').max(64),
  password: z.string().min(1, 'must not be empty').max(128),
});
export type AdminLoginInput = z.input<typeof loginSchema>;

/** Clients send the MD5 hex of a password; ADMIN_PASSWORD is the plain one. */
export const md5Hex = (plain: string) => createHash('md5').update(plain).digest('hex');

export class AdminService {
  constructor(
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly log: Logger,
    private readonly bus: EventBus,
  ) {}

  /** Creates the configured admin, or updates its password when ADMIN_PASSWORD changed. */
  async ensureAdmin(em: EntityManager, userName: string, plainPassword: string): Promise<void> {
    const secret = md5Hex(plainPassword);
    const existing = await em.findOne(Admin, { userName });
    if (!existing) {
      await em.persist(new Admin(userName, await hashPassword(secret))).flush();
      this.log.info({ userName }, 'platform admin created');
    } else if (!(await verifyPassword(secret, existing.passwordHash))) {
      existing.passwordHash = await hashPassword(secret);
      await em.flush();
      await this.tokens.revokeAll(em, TokenRole.Admin, existing.id);
      this.log.info({ userName }, 'platform admin password updated');
    }
  }

  async login(ctx: RequestContext, input: AdminLoginInput): Promise<IssuedToken & { admin: Admin }> {
    const data = parseInput(loginSchema, input);
    const admin = await this.throttle.attempt('admin', data.userName, ctx.meta.ip, async () => {
      const found = await ctx.em.findOne(Admin, { userName: data.userName });
      return (await verifyPasswordOrDummy(data.password, found?.passwordHash)) ? found : null;
    });
    if (!admin) throw new AppError(ErrorCode.InvalidCredentials, 'Invalid user name or password');
    return { ...(await this.tokens.issue(ctx.em, TokenRole.Admin, admin.id, null)), admin };
  }

  /** Every merchant, newest first, optionally by part of the user name or e-mail (the admin's view). */
  async merchants(ctx: RequestContext, search: string | undefined, page: PageInput = {}): Promise<PageResult<Merchant>> {
    ctx.requireAdmin();
    const p = parseInput(pageSchema, page);
    const q = search?.trim();
    const where = q ? { $or: [{ userName: { $ilike: likeContains(q) } }, { email: { $ilike: likeContains(q) } }] } : {};
    const [items, total] = await ctx.em.findAndCount(Merchant, where, { orderBy: { id: 'desc' }, limit: p.pageSize, offset: p.pageNo * p.pageSize });
    return { items, total, ...p };
  }

  /** Freezing a merchant ends its and its agents' sessions at once; logins answer "account frozen" (1012). */
  async setMerchantFrozen(ctx: RequestContext, merchantId: number, frozen: boolean): Promise<Merchant> {
    ctx.requireAdmin();
    const id = parseInput(z.number().int().positive('id must be a positive whole number'), merchantId);
    // One transaction: a crash or failure leaves the merchant either frozen with every token revoked, or untouched.
    const { merchant, announce } = await ctx.em.transactional(async (tx) => {
      const merchant = await tx.findOne(Merchant, id);
      if (!merchant) throw notFound(`Merchant ${id}`);
      merchant.isFrozen = frozen;
      await tx.flush();
      if (!frozen) return { merchant, announce: [] };
      const agents = await tx.find(Agent, { merchant: merchant.id }, { fields: ['id'] });
      const announce = [
        await this.tokens.revokeAllWithin(tx, TokenRole.Merchant, [merchant.id]),
        await this.tokens.revokeAllWithin(tx, TokenRole.Agent, agents.map((a) => a.id)),
      ];
      return { merchant, announce };
    });
    announce.forEach((a) => a());
    this.bus.publish('MERCHANT_CHANGED', { merchantId: merchant.id });
    return merchant;
  }

  async me(ctx: RequestContext): Promise<Admin> {
    const actor = ctx.requireAdmin();
    return ctx.em.findOneOrFail(Admin, actor.adminId);
  }
}

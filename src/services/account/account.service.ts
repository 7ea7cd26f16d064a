import { createHash } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { AppError, ErrorCode, alreadyExists, notFound, rateLimited } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { LoginThrottle } from '../../core/auth/login-throttle.js';
import { hashPassword, verifyPasswordOrDummy } from '../../core/auth/password.js';
import { randomDigits } from '../../core/random.js';
import type { RateLimiter } from '../../core/rate-limit.js';
import { parseInput, type LooseInput } from '../../core/validation.js';
import { TokenRole } from '../../entities/auth/auth-token.entity.js';
import { CodePurpose, VerificationCode } from '../../entities/auth/verification-code.entity.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import type { Mailer } from '../mail/mailer.js';
import type { IssuedToken, TokenService } from '../auth/token.service.js';
import { verificationMail } from './verification-mail.js';

export const CODE_TTL_MINUTES = 10;
const SEND_INTERVAL_MS = 60_000;

const email = z.string().trim().toLowerCase().pipe(z.email('must be a valid e-mail address').max(254));
const userName = z.string().trim().min(1, 'must not be empty').max(64);
// The seed's clients send an MD5 hex; any string the client chooses is accepted and hashed again here.
const password = z.string().min(6, 'must be at least 6 characters').max(128);
const code = z.string().trim().regex(/^\d{6}$/, 'must be 6 digits');

const sendCodeSchema = z.object({
  userName: userName.optional(),
  email,
  purpose: z.enum(CodePurpose),
  language: z.enum(['en', 'zh-CN'], 'must be en or zh-CN').default('en'),
});
const registerSchema = z.object({ userName, password, email, code });
const loginSchema = z.object({ userName: z.string().trim().min(1, 'must not be empty').max(254), password: z.string().min(1).max(128) });
const resetSchema = z.object({ email, code, password });

export type SendCodeInput = LooseInput<z.input<typeof sendCodeSchema>>;
export type RegisterInput = z.input<typeof registerSchema>;
export type LoginInput = z.input<typeof loginSchema>;
export type ResetPasswordInput = z.input<typeof resetSchema>;

const invalidCode = () => new AppError(ErrorCode.InvalidVerificationCode, 'Invalid or expired verification code');

const hashCode = (address: string, purpose: CodePurpose, value: string) =>
  createHash('sha256').update(`${address}\n${purpose}\n${value}`).digest('hex');

/** Merchant accounts: verification codes, registration, login, logout, password reset. */
export class AccountService {
  constructor(
    private readonly tokens: TokenService,
    private readonly mailer: Mailer,
    private readonly limiter: RateLimiter,
    private readonly log: Logger,
    private readonly perIp: { codeSendsPerIpPerMinute: number; codeChecksPerIpPerMinute: number },
    private readonly throttle: LoginThrottle,
  ) {}

  async sendCode(ctx: RequestContext, input: SendCodeInput): Promise<void> {
    // No tenant's yet, whatever token came with the call.
    const em = ctx.crossTenantEm;
    const data = parseInput(sendCodeSchema, input);
    if (!(await this.limiter.hit(`code-ip:${ctx.meta.ip}`, this.perIp.codeSendsPerIpPerMinute, 60_000))) {
      throw rateLimited('Too many verification codes requested from this address, wait a minute');
    }
    const value = randomDigits(6);
    const row = await em.transactional(async (tx) => {
      // One code per address per minute, across instances: the advisory lock serialises concurrent sends.
      await tx.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`code:${data.email}`], 'all', tx.getTransactionContext());
      const last = await tx.findOne(VerificationCode, { email: data.email }, { orderBy: { createdAt: 'desc' } });
      if (last && Date.now() - last.createdAt.getTime() < SEND_INTERVAL_MS) throw this.tooSoon();
      const existing = await tx.findOne(Merchant, { email: data.email });
      if (data.purpose === CodePurpose.Register) {
        if (existing) throw alreadyExists('An account with this e-mail already exists');
        if (data.userName && (await tx.count(Merchant, { userName: data.userName }))) throw alreadyExists('This user name is taken');
      } else if (!existing) {
        throw notFound('Account with this e-mail');
      }
      const created = new VerificationCode(data.email, data.purpose, hashCode(data.email, data.purpose, value), new Date(Date.now() + CODE_TTL_MINUTES * 60_000));
      tx.persist(created);
      return created;
    });
    try {
      await this.mailer.send(verificationMail(data.email, data.purpose, value, data.language, CODE_TTL_MINUTES));
    } catch (err) {
      this.log.error({ err, email: data.email }, 'verification mail failed');
      // A code nobody received must not block the next try.
      await em.nativeDelete(VerificationCode, { id: row.id });
      throw new AppError(ErrorCode.Internal, 'Could not send the verification e-mail, try again later');
    }
  }

  async register(ctx: RequestContext, input: RegisterInput): Promise<Merchant> {
    const data = parseInput(registerSchema, input);
    await this.admitCodeCheck(ctx);
    const anyTenant = ctx.crossTenantEm;
    if (await anyTenant.count(Merchant, { userName: data.userName })) throw alreadyExists('This user name is taken');
    if (await anyTenant.count(Merchant, { email: data.email })) throw alreadyExists('An account with this e-mail already exists');
    const passwordHash = await hashPassword(data.password);
    let merchant: Merchant | null;
    try {
      merchant = await anyTenant.transactional(async (em) => {
        if (!(await this.takeCode(em, data.email, CodePurpose.Register, data.code))) return null;
        const created = new Merchant(data.userName, data.email, passwordHash);
        em.persist(created);
        return created;
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw alreadyExists('This user name or e-mail is taken');
      throw err;
    }
    if (!merchant) throw invalidCode();
    return merchant;
  }

  async login(ctx: RequestContext, input: LoginInput): Promise<IssuedToken & { merchant: Merchant }> {
    const data = parseInput(loginSchema, input);
    const merchant = await this.throttle.attempt('merchant', data.userName, ctx.meta.ip, async () => {
      const found = await ctx.crossTenantEm.findOne(Merchant, { $or: [{ userName: data.userName }, { email: data.userName.toLowerCase() }] });
      return (await verifyPasswordOrDummy(data.password, found?.passwordHash)) ? found : null;
    });
    if (!merchant) throw new AppError(ErrorCode.InvalidCredentials, 'Invalid user name or password');
    if (merchant.isFrozen) throw new AppError(ErrorCode.AccountFrozen, 'This account is frozen');
    const issued = await this.tokens.issue(ctx.em, TokenRole.Merchant, merchant.id, merchant.id);
    return { ...issued, merchant };
  }

  /** Revokes the token the caller presented, on every surface at once. */
  async logout(ctx: RequestContext): Promise<void> {
    const actor = ctx.requireAuthenticated();
    await this.tokens.revoke(ctx.em, actor.tokenId);
  }

  async resetPassword(ctx: RequestContext, input: ResetPasswordInput): Promise<void> {
    const data = parseInput(resetSchema, input);
    await this.admitCodeCheck(ctx);
    const passwordHash = await hashPassword(data.password);
    const accepted = await ctx.crossTenantEm.transactional(async (em) => {
      // The code is checked before the account, so a wrong code never reveals whether the account exists.
      if (!(await this.takeCode(em, data.email, CodePurpose.ResetPassword, data.code))) return false;
      const merchant = await em.findOne(Merchant, { email: data.email });
      if (!merchant) throw notFound('Account with this e-mail');
      merchant.passwordHash = passwordHash;
      // A reset ends every session that used the old password.
      await this.tokens.revokeAll(em, TokenRole.Merchant, merchant.id);
      return true;
    });
    if (!accepted) throw invalidCode();
  }

  async me(ctx: RequestContext): Promise<Merchant> {
    const actor = ctx.requireMerchant();
    return ctx.em.findOneOrFail(Merchant, actor.merchantId);
  }

  /**
   * Checks a code against the newest usable one, inside the caller's transaction.
   * A match consumes it; a wrong guess is counted (the fifth burns the code) and
   * committed with the transaction, which the caller lets finish before failing.
   */
  private async takeCode(em: EntityManager, address: string, purpose: CodePurpose, value: string): Promise<boolean> {
    const row = await em.findOne(
      VerificationCode,
      { email: address, purpose, consumedAt: null, expiresAt: { $gt: new Date() } },
      { orderBy: { createdAt: 'desc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!row) return false;
    const now = new Date();
    if (row.codeHash !== hashCode(address, purpose, value)) {
      row.recordFailedAttempt(now);
      return false;
    }
    row.consumedAt = now;
    return true;
  }

  /** Registering and resetting hash a password before the code is checked: each client address gets a budget of tries. */
  private async admitCodeCheck(ctx: RequestContext): Promise<void> {
    if (!(await this.limiter.hit(`code-check-ip:${ctx.meta.ip}`, this.perIp.codeChecksPerIpPerMinute, 60_000))) {
      throw rateLimited('Too many attempts from this address, wait a minute');
    }
  }

  private tooSoon(): AppError {
    return rateLimited('A code was sent to this address less than a minute ago, wait before asking again');
  }
}

import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LRUCache } from 'lru-cache';
import { Admin } from '../../entities/admin/admin.entity.js';
import { Agent } from '../../entities/agent/agent.entity.js';
import { AuthToken, TokenRole } from '../../entities/auth/auth-token.entity.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import type { Actor } from '../../core/auth/actor.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { randomToken } from '../../core/random.js';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

type Authenticated = Exclude<Actor, { kind: 'anonymous' }>;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * How long a verified token is trusted without looking it up again. Every revocation (logout, password
 * change, deletion, freeze) empties the cache at once through TOKENS_REVOKED; this only bounds one whose
 * announcement was lost (a Redis outage) and an agent's renamed `userName`.
 */
const VERIFIED_TTL_MS = 10_000;
const VERIFIED_MAX = 50_000;

/** Opaque bearer tokens, valid on every surface, revocable at once. */
export class TokenService {
  /** Accepted tokens by hash: most requests are a client's next one with the same token (src/core/auth). */
  private readonly verified = new LRUCache<string, Authenticated>({ max: VERIFIED_MAX, ttl: VERIFIED_TTL_MS });
  /** Counts revocations: a lookup that a revocation overtook is answered, never cached. */
  private revocations = 0;

  constructor(
    private readonly ttlHours: number,
    private readonly bus: EventBus,
  ) {
    // Another instance's revocations; this one's are forgotten at once too (`forgetVerified`), as its own
    // events come back only after a trip through Redis.
    void (async () => {
      for await (const _ of bus.subscribe('TOKENS_REVOKED')) this.forgetVerified();
    })();
  }

  /** Revocations are rare: every cached token is dropped, none is looked for. */
  private forgetVerified(): void {
    this.revocations++;
    this.verified.clear();
  }

  async issue(em: EntityManager, role: TokenRole, subjectId: number, merchantId: number | null): Promise<IssuedToken> {
    const token = randomToken(32);
    const expiresAt = new Date(Date.now() + this.ttlHours * 3600_000);
    em.persist(new AuthToken(hashToken(token), role, subjectId, merchantId, expiresAt));
    await em.flush();
    return { token, expiresAt };
  }

  /**
   * Resolves a presented token to its actor; unknown, expired, revoked or frozen → anonymous with `tokenRejected`.
   * `emOrFork` is only used (and a fork only made) when the token is not remembered.
   */
  async authenticate(emOrFork: EntityManager | (() => EntityManager), token: string | undefined): Promise<Actor> {
    if (!token) return { kind: 'anonymous', tokenRejected: false };
    const rejected: Actor = { kind: 'anonymous', tokenRejected: true };
    if (token.length > 256) return rejected;
    const hash = hashToken(token);
    const known = this.verified.get(hash);
    if (known) return known;
    const revocations = this.revocations;
    const em = typeof emOrFork === 'function' ? emOrFork() : emOrFork;
    const row = await em.findOne(AuthToken, { tokenHash: hash });
    const now = new Date();
    if (!row || !row.isActive(now)) return rejected;
    const actor = await this.actorOf(em, row);
    if (!actor) return rejected;
    // Never past the token's own expiry.
    const ttl = Math.min(VERIFIED_TTL_MS, row.expiresAt.getTime() - now.getTime());
    if (revocations === this.revocations && ttl > 0) this.verified.set(hash, actor, { ttl });
    return actor;
  }

  /** The subject a live token names, unless it is gone or frozen. */
  private async actorOf(em: EntityManager, row: AuthToken): Promise<Authenticated | null> {
    if (row.role === TokenRole.Merchant) {
      const merchant = await em.findOne(Merchant, row.subjectId);
      if (!merchant || merchant.isFrozen) return null;
      return { kind: 'merchant', merchantId: merchant.id, userName: merchant.userName, tokenId: row.id };
    }
    if (row.role === TokenRole.Agent) {
      const agent = await em.findOne(Agent, { id: row.subjectId, isDeleted: false }, { populate: ['merchant'] });
      if (!agent || agent.merchant.isFrozen) return null;
      return { kind: 'agent', agentId: agent.id, merchantId: agent.merchant.id, userName: agent.userName, tokenId: row.id };
    }
    const admin = await em.findOne(Admin, row.subjectId);
    if (!admin) return null;
    return { kind: 'admin', adminId: admin.id, userName: admin.userName, tokenId: row.id };
  }

  async revoke(em: EntityManager, tokenId: number): Promise<void> {
    await em.nativeUpdate(AuthToken, { id: tokenId, revokedAt: null }, { revokedAt: new Date() });
    this.forgetVerified();
    this.bus.publish('TOKENS_REVOKED', { role: '', subjectId: null, tokenId });
  }

  async revokeAll(em: EntityManager, role: TokenRole, subjectId: number): Promise<void> {
    (await this.revokeAllWithin(em, role, [subjectId]))();
  }

  /**
   * Revokes the subjects' tokens as part of the caller's transaction, and answers the announcement to make
   * once it committed: sockets close for a revocation that really happened, never for one rolled back.
   */
  async revokeAllWithin(tx: EntityManager, role: TokenRole, subjectIds: number[]): Promise<() => void> {
    if (!subjectIds.length) return () => {};
    await tx.nativeUpdate(AuthToken, { role, subjectId: { $in: subjectIds }, revokedAt: null }, { revokedAt: new Date() });
    // Dropped now and again at the announcement: a lookup between the two may have read the rows before the commit.
    this.forgetVerified();
    return () => {
      this.forgetVerified();
      subjectIds.forEach((subjectId) => this.bus.publish('TOKENS_REVOKED', { role, subjectId, tokenId: null }));
    };
  }
}

import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
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

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opaque bearer tokens, valid on every surface, revocable at once. */
export class TokenService {
  constructor(
    private readonly ttlHours: number,
    private readonly bus: EventBus,
  ) {}

  async issue(em: EntityManager, role: TokenRole, subjectId: number, merchantId: number | null): Promise<IssuedToken> {
    const token = randomToken(32);
    const expiresAt = new Date(Date.now() + this.ttlHours * 3600_000);
    em.persist(new AuthToken(hashToken(token), role, subjectId, merchantId, expiresAt));
    await em.flush();
    return { token, expiresAt };
  }

  /** Resolves a presented token to its actor; unknown, expired, revoked or frozen → anonymous with `tokenRejected`. */
  async authenticate(em: EntityManager, token: string | undefined): Promise<Actor> {
    if (!token) return { kind: 'anonymous', tokenRejected: false };
    const rejected: Actor = { kind: 'anonymous', tokenRejected: true };
    if (token.length > 256) return rejected;
    const row = await em.findOne(AuthToken, { tokenHash: hashToken(token) });
    if (!row || !row.isActive(new Date())) return rejected;
    if (row.role === TokenRole.Merchant) {
      const merchant = await em.findOne(Merchant, row.subjectId);
      if (!merchant || merchant.isFrozen) return rejected;
      return { kind: 'merchant', merchantId: merchant.id, userName: merchant.userName, tokenId: row.id };
    }
    if (row.role === TokenRole.Agent) {
      const agent = await em.findOne(Agent, { id: row.subjectId, isDeleted: false }, { populate: ['merchant'] });
      if (!agent || agent.merchant.isFrozen) return rejected;
      return { kind: 'agent', agentId: agent.id, merchantId: agent.merchant.id, userName: agent.userName, tokenId: row.id };
    }
    const admin = await em.findOne(Admin, row.subjectId);
    if (!admin) return rejected;
    return { kind: 'admin', adminId: admin.id, userName: admin.userName, tokenId: row.id };
  }

  async revoke(em: EntityManager, tokenId: number): Promise<void> {
    await em.nativeUpdate(AuthToken, { id: tokenId, revokedAt: null }, { revokedAt: new Date() });
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
    return () => subjectIds.forEach((subjectId) => this.bus.publish('TOKENS_REVOKED', { role, subjectId, tokenId: null }));
  }
}

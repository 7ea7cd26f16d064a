import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export const TokenRole = { Merchant: 'merchant', Admin: 'admin', Agent: 'agent' } as const;
export type TokenRole = (typeof TokenRole)[keyof typeof TokenRole];

/**
 * A bearer token. Only its SHA-256 is stored, so a database leak yields no
 * usable tokens; a row per token makes logout take effect at once on every
 * instance and every surface.
 */
@Entity({ tableName: 'auth_token' })
@Index({ properties: ['role', 'subjectId'] })
export class AuthToken {
  [OptionalProps]?: 'createdAt' | 'revokedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64 })
  @Unique()
  tokenHash: string;

  @Enum({ items: () => Object.values(TokenRole), type: 'string' })
  role: TokenRole;

  @Property({ type: 'integer' })
  subjectId: number;

  /** The tenant the token acts for; null for the platform admin. */
  @Property({ type: 'integer', nullable: true })
  merchantId: number | null;

  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(tokenHash: string, role: TokenRole, subjectId: number, merchantId: number | null, expiresAt: Date) {
    this.tokenHash = tokenHash;
    this.role = role;
    this.subjectId = subjectId;
    this.merchantId = merchantId;
    this.expiresAt = expiresAt;
  }

  isActive(now: Date): boolean {
    return this.revokedAt === null && this.expiresAt.getTime() > now.getTime();
  }
}

import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export const CodePurpose = { Register: 'register', ResetPassword: 'reset_password' } as const;
export type CodePurpose = (typeof CodePurpose)[keyof typeof CodePurpose];

export const CODE_MAX_ATTEMPTS = 5;

/** An e-mailed one-time code; only its hash is kept. */
@Entity({ tableName: 'verification_code' })
@Index({ properties: ['email', 'createdAt'] })
export class VerificationCode {
  [OptionalProps]?: 'createdAt' | 'attempts' | 'consumedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 254 })
  email: string;

  @Enum({ items: () => Object.values(CodePurpose), type: 'string' })
  purpose: CodePurpose;

  @Property({ type: 'string', length: 64 })
  codeHash: string;

  @Property({ type: 'datetime' })
  expiresAt: Date;

  @Property({ type: 'integer', default: 0 })
  attempts = 0;

  /** Set when the code was used, or burnt by too many wrong tries. */
  @Property({ type: 'datetime', nullable: true })
  consumedAt: Date | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(email: string, purpose: CodePurpose, codeHash: string, expiresAt: Date) {
    this.email = email;
    this.purpose = purpose;
    this.codeHash = codeHash;
    this.expiresAt = expiresAt;
  }

  isUsable(now: Date): boolean {
    return this.consumedAt === null && this.expiresAt.getTime() > now.getTime();
  }

  /** Records a wrong guess; the fifth burns the code. */
  recordFailedAttempt(now: Date): void {
    this.attempts += 1;
    if (this.attempts >= CODE_MAX_ATTEMPTS) this.consumedAt = now;
  }
}

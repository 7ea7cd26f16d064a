import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';

/** A tenant: the business that owns staff, agents, documents and trades. */
@Entity({ tableName: 'merchant' })
export class Merchant extends BaseEntity<'isFrozen' | 'language'> {
  @Property({ type: 'string', length: 64 })
  @Unique()
  userName: string;

  /** Stored lower-cased so that uniqueness ignores case. */
  @Property({ type: 'string', length: 254 })
  @Unique()
  email: string;

  @Property({ type: 'string', length: 255, hidden: true })
  passwordHash: string;

  @Property({ type: 'boolean', default: false })
  isFrozen = false;

  @Property({ type: 'string', length: 8, default: 'en' })
  language = 'en';

  constructor(userName: string, email: string, passwordHash: string) {
    super();
    this.userName = userName;
    this.email = email.toLowerCase();
    this.passwordHash = passwordHash;
  }
}

import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';

/** A platform operator: manages products and sees every tenant's trades. */
@Entity({ tableName: 'admin' })
export class Admin extends BaseEntity {
  @Property({ type: 'string', length: 64 })
  @Unique()
  userName: string;

  @Property({ type: 'string', length: 255, hidden: true })
  passwordHash: string;

  constructor(userName: string, passwordHash: string) {
    super();
    this.userName = userName;
    this.passwordHash = passwordHash;
  }
}

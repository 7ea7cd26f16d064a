import { Entity, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';
import { Staff } from '../staff/staff.entity.js';

/**
 * A prepared answer an agent sends as its own message. Without a staff it serves every staff of the
 * merchant; with one, only that staff's sessions. The shortcut ("/refund") is unique per merchant so
 * typing it names one reply.
 */
@Entity({ tableName: 'canned_reply' })
@Unique({ properties: ['merchant', 'shortcut'] })
@Index({ properties: ['merchant', 'staff'] })
export class CannedReply extends BaseEntity {
  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  @ManyToOne(() => Staff, { nullable: true, deleteRule: 'cascade' })
  staff: Rel<Staff> | null;

  @Property({ type: 'string', length: 100 })
  title: string;

  @Property({ type: 'string', length: 32 })
  shortcut: string;

  @Property({ type: 'text' })
  content: string;

  constructor(init: { merchant: Merchant; staff: Staff | null; title: string; shortcut: string; content: string }) {
    super();
    this.merchant = init.merchant;
    this.staff = init.staff;
    this.title = init.title;
    this.shortcut = init.shortcut;
    this.content = init.content;
  }
}

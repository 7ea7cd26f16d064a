import { Entity, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';

/** A merchant's tag for sessions and contacts ("VIP", "refund"); the name is unique within the merchant. */
@Entity({ tableName: 'label' })
@Unique({ properties: ['merchant', 'name'] })
export class Label extends BaseEntity {
  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  @Property({ type: 'string', length: 64 })
  name: string;

  /** `#rrggbb`. */
  @Property({ type: 'string', length: 7 })
  colour: string;

  constructor(init: { merchant: Merchant; name: string; colour: string }) {
    super();
    this.merchant = init.merchant;
    this.name = init.name;
    this.colour = init.colour;
  }
}

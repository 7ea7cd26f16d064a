import { Collection, Entity, Enum, ManyToMany, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';
import { Label } from '../helpdesk/label.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';
import { Staff } from '../staff/staff.entity.js';

export enum ChannelType {
  WEB = 'web',
  WECOM = 'wecom',
  WECHAT = 'wechat',
  DOUYIN = 'douyin',
  JD = 'jd',
}

type Defaulted = 'nickname' | 'avatarUrl' | 'city' | 'province' | 'country' | 'mobile' | 'realname' | 'sex' | 'lastActiveAt';

/**
 * An end user talking to one staff over one channel. `externalId` is the
 * channel's id for the person (for web chat, an id this server gives); it is
 * the agent-console `userid` and the multichannel `customerId`.
 */
@Entity({ tableName: 'contact' })
@Unique({ properties: ['staff', 'channel', 'externalId'] })
export class Contact extends BaseEntity<Defaulted> {
  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  @ManyToOne(() => Staff, { deleteRule: 'cascade' })
  staff: Rel<Staff>;

  @Enum({ items: () => ChannelType, type: 'string' })
  channel: ChannelType;

  @Property({ type: 'string', length: 128 })
  externalId: string;

  @Property({ type: 'string', length: 100, default: '' })
  nickname = '';

  @Property({ type: 'string', length: 1024, default: '' })
  avatarUrl = '';

  @Property({ type: 'string', length: 64, default: '' })
  city = '';

  @Property({ type: 'string', length: 64, default: '' })
  province = '';

  @Property({ type: 'string', length: 64, default: '' })
  country = '';

  @Property({ type: 'string', length: 32, default: '' })
  mobile = '';

  @Property({ type: 'string', length: 64, default: '' })
  realname = '';

  /** 0 unknown, 1 male, 2 female (WeChat's convention, as in get_user_info). */
  @Property({ type: 'smallint', default: 0 })
  sex = 0;

  @Property({ type: 'datetime', nullable: true })
  lastActiveAt: Date | null = null;

  @ManyToMany(() => Label, undefined, { pivotTable: 'contact_label', owner: true })
  labels = new Collection<Label>(this);

  constructor(init: { merchant: Merchant; staff: Staff; channel: ChannelType; externalId: string }) {
    super();
    this.merchant = init.merchant;
    this.staff = init.staff;
    this.channel = init.channel;
    this.externalId = init.externalId;
  }
}

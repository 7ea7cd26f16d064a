import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';
import { ChannelType } from '../contact/contact.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';
import { Staff } from '../staff/staff.entity.js';

/** The channel types a merchant connects; `web` is our own chat and needs no channel. */
export const CONNECTED_CHANNEL_TYPES = [ChannelType.WECOM, ChannelType.WECHAT, ChannelType.DOUYIN, ChannelType.JD] as const;
export type ConnectedChannelType = (typeof CONNECTED_CHANNEL_TYPES)[number];
export const GATEWAY_CHANNEL_TYPES = [ChannelType.WECHAT, ChannelType.DOUYIN, ChannelType.JD] as const;

type Defaulted = 'secretEnc' | 'outboundUrl' | 'tokenEnc' | 'encodingAesKeyEnc' | 'corpId' | 'agentId' | 'appSecretEnc';

/**
 * One account of a merchant on an outside channel, answered by one staff.
 * Callbacks find it by `accountId` (gateways) or by corp id and agent id (WeCom),
 * so those are unique across the platform (migration). Secrets are stored
 * encrypted (`*Enc`, see services/channel/secret-box.ts) and never shown.
 */
@Entity({ tableName: 'channel' })
@Index({ properties: ['merchant', 'staff'] })
@Unique({ properties: ['channelType', 'accountId'] })
@Unique({ properties: ['staff', 'channelType'] })
export class Channel extends BaseEntity<Defaulted> {
  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  @ManyToOne(() => Staff, { deleteRule: 'cascade' })
  staff: Rel<Staff>;

  @Enum({ items: () => ChannelType, type: 'string' })
  channelType: ConnectedChannelType;

  @Property({ type: 'string', length: 128 })
  accountId: string;

  /** Gateways: the HMAC key of callbacks and replies. */
  @Property({ type: 'text', nullable: true })
  secretEnc: string | null = null;

  /** Gateways: where replies are POSTed. */
  @Property({ type: 'string', length: 1024, default: '' })
  outboundUrl = '';

  @Property({ type: 'text', nullable: true })
  tokenEnc: string | null = null;

  @Property({ type: 'text', nullable: true })
  encodingAesKeyEnc: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  corpId: string | null = null;

  @Property({ type: 'string', length: 32, nullable: true })
  agentId: string | null = null;

  /** WeCom: the app secret (`corpsecret`) for the send API's access token. */
  @Property({ type: 'text', nullable: true })
  appSecretEnc: string | null = null;

  constructor(init: { merchant: Merchant; staff: Staff; channelType: ConnectedChannelType; accountId: string }) {
    super();
    this.merchant = init.merchant;
    this.staff = init.staff;
    this.channelType = init.channelType;
    this.accountId = init.accountId;
  }
}

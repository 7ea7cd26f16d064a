import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';
import { Staff } from '../staff/staff.entity.js';

/** 0 离线 1 在线 2 忙碌 3 离开, as the agent-console seed numbers them. */
export enum AgentStatus {
  OFFLINE = 0,
  ONLINE = 1,
  BUSY = 2,
  AWAY = 3,
}

export const DEFAULT_MAX_SESSIONS = 5;

type Defaulted = 'status' | 'autoAccept' | 'maxSessions' | 'isDeleted' | 'avatarUrl' | 'staffs' | 'lastSeenAt' | 'presenceInstance';

/** A merchant's human agent, assigned to one or more staff. */
@Entity({ tableName: 'agent' })
@Index({ properties: ['merchant', 'isDeleted'] })
export class Agent extends BaseEntity<Defaulted> {
  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  @Property({ type: 'string', length: 64 })
  @Unique()
  userName: string;

  @Property({ type: 'string', length: 255, hidden: true })
  passwordHash: string;

  @Property({ type: 'string', length: 64 })
  name: string;

  @Property({ type: 'string', length: 1024, default: '' })
  avatarUrl = '';

  @Enum({ items: () => AgentStatus, type: 'smallint' })
  status: AgentStatus = AgentStatus.OFFLINE;

  /** Off until the agent switches it on (DESIGN.md). */
  @Property({ type: 'boolean', default: false })
  autoAccept = false;

  @Property({ type: 'integer', default: DEFAULT_MAX_SESSIONS })
  maxSessions = DEFAULT_MAX_SESSIONS;

  @Property({ type: 'boolean', default: false })
  isDeleted = false;

  @Property({ type: 'datetime', nullable: true })
  lastSeenAt: Date | null = null;

  /** The instance (app_instance.id) whose console made the agent present; when it dies, the agent goes offline. */
  @Property({ type: 'string', length: 64, nullable: true })
  presenceInstance: string | null = null;

  @ManyToMany(() => Staff, undefined, { pivotTable: 'agent_staff', owner: true })
  staffs = new Collection<Staff>(this);

  constructor(init: { merchant: Merchant; userName: string; passwordHash: string; name: string }) {
    super();
    this.merchant = init.merchant;
    this.userName = init.userName;
    this.passwordHash = init.passwordHash;
    this.name = init.name;
  }
}

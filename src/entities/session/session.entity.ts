import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { conflict } from '../../core/errors.js';
import { Agent } from '../agent/agent.entity.js';
import { BaseEntity } from '../base.entity.js';
import { Label } from '../helpdesk/label.entity.js';
import { ChannelType, Contact } from '../contact/contact.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';
import { Staff } from '../staff/staff.entity.js';

export enum SessionStatus {
  AI = 'ai',
  PENDING = 'pending',
  MANUAL = 'manual',
  CLOSED = 'closed',
}

/** The lifecycle graph of DESIGN.md: each transition names the states it may start from. */
const allowedFrom: Record<'handoff' | 'accept' | 'requeue' | 'reassign' | 'close', SessionStatus[]> = {
  handoff: [SessionStatus.AI],
  // An agent may take over a session the AI is still answering, or one waiting in the queue.
  accept: [SessionStatus.AI, SessionStatus.PENDING],
  requeue: [SessionStatus.MANUAL],
  reassign: [SessionStatus.MANUAL, SessionStatus.PENDING],
  close: [SessionStatus.AI, SessionStatus.PENDING, SessionStatus.MANUAL],
};


export interface HandoffSummaryData {
  text: string;
  questions: string[];
  answers: string[];
  generatedBy: 'extractive' | 'llm';
  createdAt: string;
}
type Defaulted =
  | 'status'
  | 'agent'
  | 'messageCount'
  | 'lastMessage'
  | 'lastMessageAt'
  | 'lastSeq'
  | 'handoffReason'
  | 'queuedAt'
  | 'acceptedAt'
  | 'closedAt'
  | 'handoffSummary'
  | 'offlineMessage'
  | 'csatScore'
  | 'csatComment';

/** One conversation of a contact with a staff, and later with an agent. */
@Entity({ tableName: 'session' })
@Index({ properties: ['staff', 'status', 'queuedAt'] })
@Index({ properties: ['agent', 'status'] })
@Index({ properties: ['merchant', 'lastMessageAt'] })
@Index({ properties: ['merchant', 'createdAt'] })
export class Session extends BaseEntity<Defaulted> {
  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  @ManyToOne(() => Staff, { deleteRule: 'cascade' })
  staff: Rel<Staff>;

  @ManyToOne(() => Contact, { deleteRule: 'cascade' })
  contact: Rel<Contact>;

  @Enum({ items: () => ChannelType, type: 'string' })
  channel: ChannelType;

  @Enum({ items: () => SessionStatus, type: 'string' })
  status: SessionStatus = SessionStatus.AI;

  @ManyToOne(() => Agent, { nullable: true, deleteRule: 'set null' })
  agent: Rel<Agent> | null = null;

  @Property({ type: 'integer', default: 0 })
  messageCount = 0;

  @Property({ type: 'text', default: '' })
  lastMessage = '';

  @Property({ type: 'datetime', nullable: true })
  lastMessageAt: Date | null = null;

  /** The sequence number of the newest message; each message takes the next. */
  @Property({ type: 'integer', default: 0 })
  lastSeq = 0;

  @Property({ type: 'string', length: 32, nullable: true })
  handoffReason: string | null = null;

  /** When the session entered the queue; orders the wait list. */
  @Property({ type: 'datetime', nullable: true })
  queuedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  /** What the agent is told at handoff, made once when first asked for (src/services/helpdesk/handoff-summary.service.ts). */
  @Property({ type: 'json', nullable: true })
  handoffSummary: HandoffSummaryData | null = null;

  @ManyToMany(() => Label, undefined, { pivotTable: 'session_label', owner: true })
  labels = new Collection<Label>(this);
  /** Handed off while the agents were away (business hours): it waits for them, and the AI keeps answering. */
  @Property({ type: 'boolean', default: false })
  offlineMessage = false;

  /** The contact's rating of the closed session, 1 to 5, given once. */
  @Property({ type: 'smallint', nullable: true })
  csatScore: number | null = null;

  @Property({ type: 'text', nullable: true })
  csatComment: string | null = null;

  constructor(init: { merchant: Merchant; staff: Staff; contact: Contact; channel: ChannelType }) {
    super();
    this.merchant = init.merchant;
    this.staff = init.staff;
    this.contact = init.contact;
    this.channel = init.channel;
  }

  private assertFrom(transition: keyof typeof allowedFrom): void {
    if (!allowedFrom[transition].includes(this.status)) {
      throw conflict(`Session ${this.id} is ${this.status}; cannot ${transition === 'requeue' ? 'transfer' : transition} it`);
    }
  }

  handOff(reason: string, now: Date): void {
    this.assertFrom('handoff');
    this.status = SessionStatus.PENDING;
    this.handoffReason = reason;
    this.queuedAt = now;
  }

  accept(agent: Agent, now: Date): void {
    this.assertFrom('accept');
    if (this.status === SessionStatus.AI) this.handoffReason = 'taken_over';
    this.status = SessionStatus.MANUAL;
    this.agent = agent;
    this.acceptedAt = now;
  }

  /** Back to the queue, keeping its place behind those already waiting. */
  requeue(now: Date): void {
    this.assertFrom('requeue');
    this.status = SessionStatus.PENDING;
    this.agent = null;
    this.queuedAt = now;
  }

  reassign(agent: Agent, now: Date): void {
    this.assertFrom('reassign');
    this.status = SessionStatus.MANUAL;
    this.agent = agent;
    this.acceptedAt = now;
  }

  /** The contact's one rating of the conversation, once it is closed. */
  rate(score: number, comment: string | null): void {
    if (this.status !== SessionStatus.CLOSED) throw conflict(`Session ${this.id} is ${this.status}; only a closed conversation can be rated`);
    if (this.csatScore !== null) throw conflict(`Session ${this.id} has already been rated`);
    this.csatScore = score;
    this.csatComment = comment;
  }

  close(now: Date): void {
    this.assertFrom('close');
    this.status = SessionStatus.CLOSED;
    this.closedAt = now;
  }
}

import type { MikroORM } from '@mikro-orm/postgresql';
import type { MessageAddedEvent, NoteAddedEvent, SessionChangedEvent } from '../../core/events/event-bus.js';
import { SessionNote } from '../../entities/helpdesk/session-note.entity.js';
import { Agent } from '../../entities/agent/agent.entity.js';
import { Message } from '../../entities/session/message.entity.js';
import { Session } from '../../entities/session/session.entity.js';
import { messageOfFacts, type ContactView, type MessageView } from './event-facts.js';
import { lastContactMessages } from './session-reads.js';
import { crossTenantEm } from '../../core/db/tenancy.js';

/**
 * What renderings of one event need, each part loaded at most once, when a renderer first asks. A live
 * event brings the message, its contact and agent's name with it (EventFacts): those are never read back.
 */
export class EventView {
  private sessionP?: Promise<Session | null>;
  private messageP?: Promise<MessageView | null>;
  private agentP?: Promise<Agent | null>;
  private lastContactP?: Promise<Message | null>;

  constructor(
    private readonly orm: MikroORM,
    private readonly e: SessionChangedEvent | MessageAddedEvent,
  ) {}

  /** The session with its contact and agent. */
  session(): Promise<Session | null> {
    this.sessionP ??= crossTenantEm(this.orm).findOne(Session, this.e.sessionId, { populate: ['contact', 'agent'] });
    return this.sessionP;
  }

  message(): Promise<MessageView | null> {
    if (!('messageId' in this.e)) return Promise.resolve(null);
    const { messageId, facts } = this.e;
    this.messageP ??= facts?.message ? Promise.resolve(messageOfFacts(facts.message)) : crossTenantEm(this.orm).findOne(Message, messageId);
    return this.messageP;
  }

  /** The session's contact. */
  async contact(): Promise<ContactView | null> {
    return this.e.facts?.contact ?? (await this.session())?.contact ?? null;
  }

  /** The name of the agent the event names, or null when it names none. */
  async agentName(): Promise<string | null> {
    const known = this.e.facts?.agentName;
    if (known !== undefined) return known;
    return (await this.agent())?.name ?? null;
  }

  /** The agent the event names (who accepted, who holds the session). */
  agent(): Promise<Agent | null> {
    const id = this.e.agentId;
    if (id === null) return Promise.resolve(null);
    this.agentP ??= crossTenantEm(this.orm).findOne(Agent, id);
    return this.agentP;
  }

  /** The newest message the contact had sent in the session when the event happened (the agent-console lists show it). */
  lastContactMessage(): Promise<Message | null> {
    // As of the event: a change rendered late must not show a message that came after it (and is pushed on its own).
    const upTo = 'lastSeq' in this.e ? this.e.lastSeq : undefined;
    this.lastContactP ??= lastContactMessages(crossTenantEm(this.orm), [this.e.sessionId], upTo).then((m) => m.get(this.e.sessionId) ?? null);
    return this.lastContactP;
  }
}

/**
 * One view per event, shared by every renderer in the process (the agent hub, the web-chat hub,
 * GraphQL subscriptions): the bus hands each subscriber the same event object, so it is the key.
 */
export class EventViews {
  private readonly views = new WeakMap<object, EventView>();
  private readonly notes = new WeakMap<object, Promise<SessionNote | null>>();

  constructor(private readonly orm: MikroORM) {}

  of(e: SessionChangedEvent | MessageAddedEvent): EventView {
    let view = this.views.get(e);
    if (!view) this.views.set(e, (view = new EventView(this.orm, e)));
    return view;
  }

  /** The note a NOTE_ADDED event names, with its session's contact, loaded once for every renderer. */
  note(e: NoteAddedEvent): Promise<SessionNote | null> {
    let note = this.notes.get(e);
    if (!note) this.notes.set(e, (note = crossTenantEm(this.orm).findOne(SessionNote, { id: e.noteId, merchantId: e.merchantId }, { populate: ['session', 'session.contact'] })));
    return note;
  }
}

import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Session } from '../session/session.entity.js';

export enum NoteAuthorKind {
  AGENT = 'agent',
  MERCHANT = 'merchant',
}

/**
 * An internal note on a session, for the merchant and its agents only. A table of its own, not a
 * message: every path that reaches the contact (sockets, channels' outbox, the chat page, the AI's
 * context) reads messages, so a note cannot leak through any of them. `afterSeq` is the session's
 * last message when it was written, which places it in the history.
 */
@Entity({ tableName: 'session_note' })
@Index({ properties: ['session', 'afterSeq'] })
export class SessionNote {
  @Property({ type: 'integer', primary: true, autoincrement: true })
  id!: number;

  @ManyToOne(() => Session, { deleteRule: 'cascade' })
  session: Rel<Session>;

  /** Denormalised tenant, so tenant checks never need a join. */
  @Property({ type: 'integer' })
  merchantId: number;

  @Property({ type: 'integer' })
  afterSeq: number;

  @Enum({ items: () => NoteAuthorKind, type: 'string' })
  authorKind: NoteAuthorKind;

  /** The agent's id, or the merchant's. */
  @Property({ type: 'integer' })
  authorId: number;

  @Property({ type: 'text' })
  content: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(init: { session: Session; merchantId: number; afterSeq: number; authorKind: NoteAuthorKind; authorId: number; content: string }) {
    this.session = init.session;
    this.merchantId = init.merchantId;
    this.afterSeq = init.afterSeq;
    this.authorKind = init.authorKind;
    this.authorId = init.authorId;
    this.content = init.content;
  }
}

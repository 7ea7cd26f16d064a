import type { MikroORM } from '@mikro-orm/postgresql';
import { Message } from '../../entities/session/message.entity.js';
import { Session } from '../../entities/session/session.entity.js';

/**
 * Loads what renderings of one event need, once for all the sockets it goes
 * to: the session with its contact, and the message if the event has one.
 */
export class EventView {
  private sessionP?: Promise<Session | null>;
  private messageP?: Promise<Message | null>;

  constructor(
    private readonly orm: MikroORM,
    private readonly sessionId: number,
    private readonly messageId: number | null,
  ) {}

  session(): Promise<Session | null> {
    this.sessionP ??= this.orm.em.fork().findOne(Session, this.sessionId, { populate: ['contact', 'agent'] });
    return this.sessionP;
  }

  message(): Promise<Message | null> {
    if (this.messageId === null) return Promise.resolve(null);
    this.messageP ??= this.orm.em.fork().findOne(Message, this.messageId);
    return this.messageP;
  }
}

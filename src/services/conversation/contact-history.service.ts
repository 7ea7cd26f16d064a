import type { MikroORM } from '@mikro-orm/postgresql';
import { Message } from '../../entities/session/message.entity.js';
import { Session } from '../../entities/session/session.entity.js';
import { crossTenantEm } from '../../core/db/tenancy.js';

/**
 * What a web-chat contact missed while its socket was away (docs/protocols.md, "Resuming"). A contact's
 * messages are written under its session's row lock and a new session opens only after the last one closed,
 * so within one contact message ids grow in commit order: the last id a client saw is a complete cursor.
 */
export class ContactHistoryService {
  constructor(
    private readonly orm: MikroORM,
    /** A reload shows at most this many of the newest messages. */
    private readonly maxMessages = 100,
  ) {}

  /** The contact's messages after `afterMsgId` (0: its conversation), the newest `maxMessages`, oldest first. */
  async after(contactId: number, afterMsgId: number): Promise<Message[]> {
    const em = crossTenantEm(this.orm);
    // Sessions first: the messages are then read through their (session, seq) index, not a scan of all ids.
    const sessions = await em.find(Session, { contact: contactId }, { fields: ['id'] });
    if (!sessions.length) return [];
    const rows = await em.find(Message, { session: { $in: sessions.map((s) => s.id) }, id: { $gt: afterMsgId } }, { orderBy: { id: 'desc' }, limit: this.maxMessages });
    return rows.reverse();
  }
}

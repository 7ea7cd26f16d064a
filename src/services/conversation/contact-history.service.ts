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
    /** A reload (from 0) shows at most this many of the newest messages; a resume reads pages of this size. */
    private readonly pageSize = 100,
  ) {}

  /**
   * Pages of messages, oldest first: from 0 (a reload, which knows nothing) one page, the newest `pageSize`
   * of the contact's conversation; after a message id (a resume) every message after it, however many, so
   * nothing missed is skipped. A page is read when the caller asks for it, so a long absence is never held
   * in memory whole.
   */
  async *after(contactId: number, afterMsgId: number): AsyncGenerator<Message[]> {
    const em = crossTenantEm(this.orm);
    // Sessions first: the messages are then read through their (session, seq) index, not a scan of all ids.
    const sessions = (await em.find(Session, { contact: contactId }, { fields: ['id'] })).map((s) => s.id);
    if (!sessions.length) return;
    if (afterMsgId === 0) {
      const newest = await em.find(Message, { session: { $in: sessions } }, { orderBy: { id: 'desc' }, limit: this.pageSize });
      if (newest.length) yield newest.reverse();
      return;
    }
    for (let cursor = afterMsgId; ; ) {
      const page = await em.find(Message, { session: { $in: sessions }, id: { $gt: cursor } }, { orderBy: { id: 'asc' }, limit: this.pageSize });
      if (page.length) yield page;
      if (page.length < this.pageSize) return;
      cursor = page.at(-1)!.id;
      em.clear();
    }
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { Message } from '../../entities/session/message.entity.js';

/** The newest message the contact sent in each session, in two queries whatever the number of sessions. */
export async function lastContactMessages(em: EntityManager, sessionIds: readonly number[]): Promise<Map<number, Message>> {
  if (!sessionIds.length) return new Map();
  const rows: { id: number }[] = await em
    .getConnection()
    .execute(
      `select distinct on (session_id) id from message where sender_type = 'contact' and session_id in (${sessionIds.map(() => '?').join(',')}) order by session_id, seq desc`,
      [...sessionIds],
      'all',
      em.getTransactionContext(),
    );
  const messages = rows.length ? await em.find(Message, { id: { $in: rows.map((r) => r.id) } }) : [];
  return new Map(messages.map((m) => [m.session.id, m]));
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { AgentActor, MerchantActor } from '../../core/auth/actor.js';
import { Message } from '../../entities/session/message.entity.js';
import type { MessageView } from './event-facts.js';

/** The newest message the contact sent in each session, in two queries whatever the number of sessions. */
export async function lastContactMessages(em: EntityManager, sessionIds: readonly number[], upToSeq?: number): Promise<Map<number, Message>> {
  if (!sessionIds.length) return new Map();
  const bound = upToSeq === undefined ? '' : ' and seq <= ?';
  const rows: { id: number }[] = await em
    .getConnection()
    .execute(
      `select distinct on (session_id) id from message where sender_type = 'contact' and session_id in (${sessionIds.map(() => '?').join(',')})${bound} order by session_id, seq desc`,
      upToSeq === undefined ? [...sessionIds] : [...sessionIds, upToSeq],
      'all',
      em.getTransactionContext(),
    );
  const messages = rows.length ? await em.find(Message, { id: { $in: rows.map((r) => r.id) } }) : [];
  return new Map(messages.map((m) => [m.session.id, m]));
}

/** A message as a history read answers it: its columns as they are stored, no entity to hydrate or track. */
export type MessageRow = Omit<MessageView, 'session'>;

const MESSAGE_VIEW_COLUMNS = `m.id, m.seq, m.sender_type as "senderType", m.sender_id as "senderId", m.msg_type as "msgType", m.content, m.payload, m.client_msg_id as "clientMsgId", m.created_at as "createdAt"`;

/**
 * Messages of a session after `afterSeq`, oldest first, if the caller may see the session: one
 * statement, the tenancy check in its WHERE (the message's own merchant; for an agent, a staff it is
 * assigned to). Answers nothing for a session the caller may not see, as for one without such messages.
 */
export async function visibleMessages(em: EntityManager, actor: MerchantActor | AgentActor, sessionId: number, afterSeq: number, limit: number): Promise<MessageRow[]> {
  const agentOnly =
    actor.kind === 'agent' ? ' and m.session_id in (select s.id from session s join agent_staff a on a.staff_id = s.staff_id where s.id = ? and a.agent_id = ?)' : '';
  const params = actor.kind === 'agent' ? [sessionId, actor.merchantId, afterSeq, sessionId, actor.agentId, limit] : [sessionId, actor.merchantId, afterSeq, limit];
  const rows: (Omit<MessageRow, 'createdAt'> & { createdAt: string })[] = await em
    .getConnection()
    .execute(
      `select ${MESSAGE_VIEW_COLUMNS} from message m where m.session_id = ? and m.merchant_id = ? and m.seq > ?${agentOnly} order by m.seq limit ?`,
      params,
      'all',
      em.getTransactionContext(),
    );
  // The ORM's driver leaves timestamps as text; its platform parses them as an entity would.
  const platform = em.getPlatform();
  return rows.map((r) => ({ ...r, createdAt: platform.parseDate(r.createdAt) as Date }));
}

import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app.js';

/** One scripted conversation: times in seconds after `start`. */
export interface ScriptedConversation {
  merchantId: number;
  staffId: number;
  start: Date;
  /** The contact's messages, seconds after start; the AI answers each 5 s later until a person takes over. */
  contactAt: number[];
  handoff?: { reason: string; at: number };
  /** An agent accepts (after a handoff, or takes it over from the AI when there was none). */
  accept?: { agentId: number; at: number };
  agentRepliesAt?: number[];
  closeAt?: number;
  csat?: number;
}

const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

/**
 * Writes a finished conversation as the intake and agents would have left it, with the timestamps given, so a
 * report over a scripted day can be checked against figures the test computes. Answers the session id.
 */
export async function insertConversation(t: TestApp, c: ScriptedConversation): Promise<number> {
  const conn = t.app.orm.em.fork().getConnection();
  const [contact] = (await conn.execute(`insert into contact (merchant_id, staff_id, channel, external_id, created_at) values (?, ?, 'web', ?, ?) returning id`, [c.merchantId, c.staffId, `scripted-${randomBytes(4).toString('hex')}`, c.start])) as [{ id: number }];
  const agentId = c.accept?.agentId ?? null;
  const status = c.closeAt !== undefined ? 'closed' : agentId ? 'manual' : c.handoff ? 'pending' : 'ai';
  const [session] = (await conn.execute(
    `insert into session (merchant_id, staff_id, contact_id, channel, status, agent_id, handoff_reason, queued_at, accepted_at, closed_at, created_at, updated_at, csat_score)
     values (?, ?, ?, 'web', ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [
      c.merchantId,
      c.staffId,
      contact.id,
      status,
      agentId,
      c.handoff?.reason ?? (c.accept ? 'taken_over' : null),
      c.handoff ? at(c.start, c.handoff.at) : null,
      c.accept ? at(c.start, c.accept.at) : null,
      c.closeAt !== undefined ? at(c.start, c.closeAt) : null,
      c.start,
      c.start,
      c.csat ?? null,
    ],
  )) as [{ id: number }];
  const personFrom = c.handoff?.at ?? c.accept?.at ?? Infinity;
  const messages: { sender: string; senderId: string; atS: number }[] = [];
  for (const s of c.contactAt) {
    messages.push({ sender: 'contact', senderId: 'contact', atS: s });
    if (s + 5 < personFrom) messages.push({ sender: 'ai', senderId: String(c.staffId), atS: s + 5 });
  }
  for (const s of c.agentRepliesAt ?? []) messages.push({ sender: 'agent', senderId: String(agentId), atS: s });
  messages.sort((a, b) => a.atS - b.atS);
  for (const [i, m] of messages.entries()) {
    await conn.execute(
      `insert into message (session_id, merchant_id, seq, sender_type, sender_id, msg_type, content, channel, created_at) values (?, ?, ?, ?, ?, 'text', ?, 'web', ?)`,
      [session.id, c.merchantId, i + 1, m.sender, m.senderId, `${m.sender} message ${i + 1}`, at(c.start, m.atS)],
    );
  }
  await conn.execute(`update session set last_seq = ?, message_count = ? where id = ?`, [messages.length, messages.length, session.id]);
  return session.id;
}

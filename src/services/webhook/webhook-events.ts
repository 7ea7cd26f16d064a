import type { SessionChangeKind } from '../../core/events/event-bus.js';
import { formatAmount } from '../../core/money.js';
import type { Session, SessionStatus } from '../../entities/session/session.entity.js';
import type { Trade } from '../../entities/trade/trade.entity.js';
import type { MessageChange } from '../session/session-journal.js';

/** The event types a merchant can subscribe an endpoint to (docs/webhooks.md). */
export const WEBHOOK_EVENT_TYPES = [
  'session.opened',
  'session.handed_off',
  'session.accepted',
  'session.transferred',
  'session.closed',
  'message.created',
  'trade.paid',
  'trade.refunded',
  'document.synced',
  'document.failed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent by a test-send only, to the one endpoint, whatever it subscribed to. */
export const TEST_EVENT_TYPE = 'webhook.test';

export const SESSION_EVENT_TYPES: Record<SessionChangeKind, WebhookEventType> = {
  opened: 'session.opened',
  handoff: 'session.handed_off',
  accepted: 'session.accepted',
  transferred: 'session.transferred',
  closed: 'session.closed',
};

export function sessionData(s: Session, previousStatus: SessionStatus | null, previousAgentId: number | null): Record<string, unknown> {
  return {
    session_id: s.id,
    staff_id: s.staff.id,
    contact_id: s.contact.id,
    channel: s.channel,
    status: s.status,
    previous_status: previousStatus,
    agent_id: s.agent?.id ?? null,
    previous_agent_id: previousAgentId,
  };
}

export function messageData(c: MessageChange): Record<string, unknown> {
  const m = c.message;
  return {
    session_id: m.sessionId,
    staff_id: c.staffId,
    contact_id: c.contactId,
    channel: c.channel,
    message_id: m.id,
    seq: m.seq,
    sender_type: m.senderType,
    sender_id: m.senderId,
    msg_type: m.msgType,
    content: m.content,
    payload: m.payload,
  };
}

export function tradeData(t: Trade): Record<string, unknown> {
  return {
    trade_no: t.tradeNo,
    staff_id: t.staff.id,
    state: t.state,
    provider: t.provider,
    pay_amount: formatAmount(t.payAmountMinor, t.currency),
    refund_amount: formatAmount(t.refundAmountMinor, t.currency),
    currency: t.currency,
    period_days: t.periodDays,
    transaction_id: t.transactionId,
    paid_at: t.paidAt?.toISOString() ?? null,
    refunded_at: t.refundedAt?.toISOString() ?? null,
  };
}

export function documentData(d: { id: number; staffId: number; fileName: string; filePath: string; chunkCount: number; error: string | null }): Record<string, unknown> {
  return { document_id: d.id, staff_id: d.staffId, file_name: d.fileName, file_path: d.filePath, chunk_count: d.chunkCount, error: d.error };
}

import type { Logger } from '../../core/logger.js';
import { SenderType } from '../../entities/session/message.entity.js';
import type { MessageView } from '../../services/session/event-facts.js';
import type { Services } from '../../services/index.js';
import type { QueueStatus } from '../../services/conversation/queue-status.service.js';
import { EventPumps } from '../event-pump.js';

/** What a web-chat connection is told about its contact's conversation. */
export interface ChatListener {
  /** `agentName`: who holds the session (the chat page labels the message with it). */
  agentSaid(message: MessageView, agentName: string | null): void;
  /** The contact's own message or the AI's answer was stored (a resuming client keeps its id as the cursor). */
  messageStored(messageId: number): void;
  agentJoined(agentName: string): void;
  conversationClosed(sessionId: number): void;
}

/** A waiting contact's connection, told its new place when the queue of its staff moves. */
export type QueueListener = (status: QueueStatus | null) => void;

/**
 * Renders the event stream to this process's web-chat connections: one subscription for all of
 * them, each event looked up by contact and its data loaded once (services.eventViews), so an event
 * costs the same with ten connections or ten thousand.
 */
export class ChatHub {
  private readonly byContact = new Map<number, Set<ChatListener>>();
  /** Per staff: the waiting sessions whose connections show their place (the chat page). */
  private readonly queues = new Map<number, Map<QueueListener, { merchantId: number; sessionId: number }>>();
  private readonly pumps: EventPumps;

  constructor(
    private readonly services: Services,
    log: Logger,
  ) {
    this.pumps = new EventPumps(log, 'web chat push');
  }

  start(): void {
    const { bus, eventViews } = this.services;
    // One stream for both topics, so an agent's "joined" notice and its first reply keep their order.
    this.pumps.pump(bus.conversation(), async ({ topic, event: e }) => {
      if (topic === 'SESSION_CHANGED' && (e.previousStatus === 'pending' || e.status === 'pending')) await this.queueMoved(e.staffId);
      const listeners = this.byContact.get(e.contactId);
      if (!listeners?.size) return;
      if (topic === 'MESSAGE_ADDED') {
        if (e.senderType !== SenderType.AGENT) return listeners.forEach((l) => l.messageStored(e.messageId));
        const view = eventViews.of(e);
        const [m, agentName] = await Promise.all([view.message(), view.agentName()]);
        if (m) listeners.forEach((l) => l.agentSaid(m, agentName));
      } else if ((e.kind === 'accepted' || (e.kind === 'transferred' && e.status === 'manual')) && e.agentId) {
        // An accept, or a transfer to a named colleague, introduces the agent (as the channels' notice does).
        const agentName = await eventViews.of(e).agentName();
        if (agentName !== null) listeners.forEach((l) => l.agentJoined(agentName));
      } else if (e.kind === 'closed') {
        listeners.forEach((l) => l.conversationClosed(e.sessionId));
      }
    });
  }

  watch(contactId: number, listener: ChatListener): () => void {
    let set = this.byContact.get(contactId);
    if (!set) this.byContact.set(contactId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.byContact.delete(contactId);
    };
  }

  /** Tells `listener` the session's place each time its staff's queue changes, until unsubscribed. */
  watchQueue(staffId: number, merchantId: number, sessionId: number, listener: QueueListener): () => void {
    let set = this.queues.get(staffId);
    if (!set) this.queues.set(staffId, (set = new Map()));
    set.set(listener, { merchantId, sessionId });
    return () => {
      set.delete(listener);
      if (!set.size) this.queues.delete(staffId);
    };
  }

  /** One query for every waiting connection of the staff in this process. */
  private async queueMoved(staffId: number): Promise<void> {
    const watchers = this.queues.get(staffId);
    if (!watchers?.size) return;
    const entries = [...watchers];
    const statuses = await this.services.queueStatus.of(entries[0]![1].merchantId, entries.map(([, w]) => w.sessionId));
    for (const [listener, w] of entries) listener(statuses.get(w.sessionId) ?? null);
  }

  stop(): void {
    this.pumps.stop();
  }
}

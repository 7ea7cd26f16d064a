import type { Logger } from '../../core/logger.js';
import { SenderType, type Message } from '../../entities/session/message.entity.js';
import type { Services } from '../../services/index.js';
import { EventPumps } from '../event-pump.js';

/** What a web-chat connection is told about its contact's conversation. */
export interface ChatListener {
  agentSaid(message: Message): void;
  /** The contact's own message or the AI's answer was stored (a resuming client keeps its id as the cursor). */
  messageStored(messageId: number): void;
  agentJoined(agentName: string): void;
  conversationClosed(): void;
}

/**
 * Renders the event stream to this process's web-chat connections: one subscription for all of
 * them, each event looked up by contact and its data loaded once (services.eventViews), so an event
 * costs the same with ten connections or ten thousand.
 */
export class ChatHub {
  private readonly byContact = new Map<number, Set<ChatListener>>();
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
      const listeners = this.byContact.get(e.contactId);
      if (!listeners?.size) return;
      if (topic === 'MESSAGE_ADDED') {
        if (e.senderType !== SenderType.AGENT) return listeners.forEach((l) => l.messageStored(e.messageId));
        const m = await eventViews.of(e).message();
        if (m) listeners.forEach((l) => l.agentSaid(m));
      } else if (e.kind === 'accepted' && e.agentId) {
        const agent = await eventViews.of(e).agent();
        if (agent) listeners.forEach((l) => l.agentJoined(agent.name));
      } else if (e.kind === 'closed') {
        listeners.forEach((l) => l.conversationClosed());
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

  stop(): void {
    this.pumps.stop();
  }
}

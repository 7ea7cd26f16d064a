import { setMaxListeners } from 'node:events';
import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';
import { createPubSub, type PubSub, type PubSubEventTarget } from '@graphql-yoga/subscription';
import { eventsDelivered, eventsPublished } from '../metrics/metrics.js';
import type { OrderedDelivery } from './ordered-delivery.js';

export const StaffChangeKind = {
  Created: 'CREATED',
  Updated: 'UPDATED',
  Frozen: 'FROZEN',
  Unfrozen: 'UNFROZEN',
  Deleted: 'DELETED',
} as const;
export type StaffChangeKind = (typeof StaffChangeKind)[keyof typeof StaffChangeKind];

/** Domain events; each carries its tenant so every rendering can filter by it. */
export type DomainEvents = {
  STAFF_CHANGED: [{ merchantId: number; staffId: number; kind: StaffChangeKind }];
  /** A merchant account was frozen or unfrozen (its staff refuse or answer again). */
  MERCHANT_CHANGED: [{ merchantId: number }];
  /** A training document moved to another sync state (pending, indexing, ready, failed). */
  DOCUMENT_SYNC: [{ merchantId: number; staffId: number; documentId: number; state: 'pending' | 'indexing' | 'ready' | 'failed'; error: string | null; chunkCount: number }];
  /** A trade was created or changed state (paid, closed, refunded, …); `state` is the seed's 0–5. */
  TRADE_UPDATED: [{ merchantId: number; tradeId: number; tradeNo: string; state: number }];
  /** A reply to a channel was attempted: delivered, refused (still pending, retried later) or failed for good. */
  CHANNEL_DELIVERY: [ChannelDeliveryEvent];
};

export interface ChannelDeliveryEvent {
  merchantId: number;
  staffId: number;
  sessionId: number;
  deliveryId: number;
  messageId: number | null;
  msgId: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastError: string | null;
}

export type SessionChangeKind = 'opened' | 'handoff' | 'accepted' | 'transferred' | 'closed';

/** A contact as the renderers show it. */
export interface ContactFacts {
  id: number;
  externalId: string;
  nickname: string;
  avatarUrl: string;
}

/** A stored message as the renderers show it (`createdAt` in ISO form, so it crosses Redis unchanged). */
export interface MessageFacts {
  id: number;
  sessionId: number;
  seq: number;
  senderType: string;
  senderId: string;
  msgType: string;
  content: string;
  payload: Record<string, unknown> | null;
  clientMsgId: string | null;
  createdAt: string;
}

/**
 * What the writer already holds and every renderer shows, carried by the live event so that no renderer
 * reads it back (one fact each per event, whatever the number of sockets). Not written to the event log:
 * an event replayed from there is rendered from the database (src/services/session/event-views.ts).
 */
export interface EventFacts {
  contact?: ContactFacts;
  message?: MessageFacts;
  /** The name of the agent the event names (`agentId`), when the writer knew it. */
  agentName?: string | null;
}

/** What a session event carries: enough for every rendering to filter without a query. */
export interface SessionChangedEvent {
  merchantId: number;
  staffId: number;
  sessionId: number;
  contactId: number;
  kind: SessionChangeKind;
  status: string;
  previousStatus: string | null;
  agentId: number | null;
  previousAgentId: number | null;
  /** The session's last message `seq` at the change: a rendering shows the conversation as it was then. */
  lastSeq?: number;
  /** The merchant's event number, set when the transaction commits (src/core/events/event-log.ts); 0 before. */
  eventSeq: number;
  facts?: EventFacts;
}

export interface MessageAddedEvent {
  merchantId: number;
  staffId: number;
  sessionId: number;
  contactId: number;
  messageId: number;
  seq: number;
  senderType: string;
  /** The session's status and agent when the message was stored. */
  status: string;
  agentId: number | null;
  /** The merchant's event number, set when the transaction commits (src/core/events/event-log.ts); 0 before. */
  eventSeq: number;
  facts?: EventFacts;
}

/** An internal note was written on a session: for the merchant and the agents of its staff, never the contact. */
export interface NoteAddedEvent {
  merchantId: number;
  staffId: number;
  sessionId: number;
  contactId: number;
  noteId: number;
  /** Who wrote it: an agent's id, or null for the merchant. */
  authorAgentId: number | null;
  /** The agent holding the session, if any. */
  agentId: number | null;
}

/** The topics kept in the event log: numbered per merchant, delivered in order and exactly once per instance. */
export type LoggedTopic = 'SESSION_CHANGED' | 'MESSAGE_ADDED';
export const LOGGED_TOPICS: readonly LoggedTopic[] = ['SESSION_CHANGED', 'MESSAGE_ADDED'];

/** One logged event with its topic, as the ordered conversation stream and the replays hand it over. */
export type LoggedEvent = { topic: 'SESSION_CHANGED'; event: SessionChangedEvent } | { topic: 'MESSAGE_ADDED'; event: MessageAddedEvent };

export interface AgentPresenceEvent {
  merchantId: number;
  agentId: number;
  name: string;
  status: number;
  kind: 'login' | 'logout' | 'status';
  staffIds: number[];
  /** The console connection that caused it, so it is not told about itself. */
  connectionId: string | null;
}

export type ConversationEvents = {
  SESSION_CHANGED: [SessionChangedEvent];
  MESSAGE_ADDED: [MessageAddedEvent];
  NOTE_ADDED: [NoteAddedEvent];
  AGENT_PRESENCE: [AgentPresenceEvent];
  /** An agent logged in elsewhere with force_online: every other console connection of it closes. */
  AGENT_KICKED: [{ agentId: number; keepConnectionId: string }];
  /** Tokens stopped working (logout, password change, deletion): sockets opened with them close. */
  TOKENS_REVOKED: [{ role: string; subjectId: number | null; tokenId: number | null }];
  /** An agent's staff assignments changed: its open sockets follow the new set. */
  AGENT_STAFF_CHANGED: [{ agentId: number; staffIds: number[] }];
  /** A raw agent-console push sent through the HTTP API (§17): to a staff's agents or to one agent. */
  CONSOLE_PUSH: [{ merchantId: number; staffId: number | null; agentId: number | null; excludeClientIds: string[]; data: Record<string, unknown> }];
};

type Topics = DomainEvents & ConversationEvents;

export type EventBus = PubSub<Topics> & {
  /**
   * One topic's events that pass `wanted`, tested as they arrive: a subscriber is handed only its own,
   * with no buffer, promise or filter stage spent on the others (one event, a thousand subscribers).
   */
  where<K extends keyof Topics>(topic: K, wanted: (event: Topics[K][0]) => boolean): AsyncIterable<Topics[K][0]>;
  /**
   * Session changes and messages in one stream, in the order the bus delivers them (per merchant: event
   * number order). A renderer that needs both in order (the agent and chat hubs) reads this, not two topics.
   */
  conversation(): AsyncIterable<LoggedEvent>;
};

/**
 * Events one subscriber may fall behind by. Past it the oldest are dropped (clients catch up by
 * `seq`): without a buffer the subscription library throws on the 1,025th waiting event, inside the
 * publisher's dispatch, which would end the process.
 */
export const SUBSCRIBER_BACKLOG = 10_000;

/**
 * The bus over an event target: in-process by default, Redis's for several instances. Publishing is
 * the library's; each subscription gets its own bounded buffer (the library would share one).
 */
/** An event target for subscribers: each is one listener, and thousands are expected (no leak warning past ten). */
export function subscriberTarget(): EventTarget {
  const target = new EventTarget();
  setMaxListeners(0, target);
  return target;
}

/** The in-process bus, with the logged topics in order and exactly once (ordered-delivery.ts). */
export async function createLocalEventBus(delivery: OrderedDelivery): Promise<EventBus> {
  const target = subscriberTarget();
  await delivery.start(target);
  return createEventBus(target as never, delivery.listenTarget(target));
}

export function createEventBus(
  eventTarget: PubSubEventTarget<DomainEvents & ConversationEvents> = subscriberTarget() as never,
  /** Where subscribers listen, when it is not where events are published (the ordered delivery of logged topics). */
  listenTarget: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = eventTarget as never,
): EventBus {
  const inner = createPubSub<Topics>({ eventTarget });
  const everything = () => true;
  const listen = <T>(topics: string[], wrap: (topic: string, detail: unknown) => T, wanted: (detail: unknown) => boolean = everything) =>
    new Repeater<T>((push, stop) => {
      const listeners = topics.map((topic) => {
        const delivered = eventsDelivered.labels(topic.split(':')[0]!);
        const listener = (event: Event) => {
          const detail = (event as CustomEvent).detail;
          if (!wanted(detail)) return;
          delivered.inc();
          void push(wrap(topic, detail));
        };
        return [topic, listener] as const;
      });
      for (const [topic, l] of listeners) listenTarget.addEventListener(topic, l);
      void stop.then(() => listeners.forEach(([topic, l]) => listenTarget.removeEventListener(topic, l)));
    }, new SlidingBuffer(SUBSCRIBER_BACKLOG));
  const subscribe = (routingKey: string, id?: unknown) => listen([id === undefined ? routingKey : `${routingKey}:${String(id)}`], (_t, detail) => detail);
  const where = (topic: string, wanted: (detail: unknown) => boolean) => listen([topic], (_t, detail) => detail, wanted);
  const conversation = () => listen([...LOGGED_TOPICS], (topic, detail) => ({ topic, event: detail }) as LoggedEvent);
  const publish = (routingKey: string, ...args: unknown[]) => {
    eventsPublished.inc({ event: routingKey });
    (inner.publish as (key: string, ...rest: unknown[]) => void)(routingKey, ...args);
  };
  return { publish, subscribe, where, conversation } as unknown as EventBus;
}

import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { PubSubEventTarget } from '@graphql-yoga/subscription';
import type { Logger } from '../logger.js';
import type { RedisConnection } from '../redis/redis-connection.js';
import { createEventBus, type ConversationEvents, type DomainEvents, type EventBus } from './event-bus.js';
import type { OrderedDelivery } from './ordered-delivery.js';

type BusEvents = DomainEvents & ConversationEvents;
type Topic = keyof BusEvents & string;

// Every topic, subscribed once at start: a subscriber added later (a GraphQL subscription, a chat
// socket) is then live at once, as with the in-process bus, instead of after a SUBSCRIBE round trip.
// A Record, so a topic added to the event types without being listed here fails to compile.
const TOPICS: Record<Topic, true> = {
  STAFF_CHANGED: true,
  MERCHANT_CHANGED: true,
  DOCUMENT_SYNC: true,
  TRADE_UPDATED: true,
  CHANNEL_DELIVERY: true,
  SESSION_CHANGED: true,
  MESSAGE_ADDED: true,
  NOTE_ADDED: true,
  AGENT_PRESENCE: true,
  AGENT_KICKED: true,
  CONSOLE_PUSH: true,
  TOKENS_REVOKED: true,
  AGENT_STAFF_CHANGED: true,
};

/**
 * The event bus over Redis pub/sub, for several instances: every instance
 * hears every event, its own included (they come back through Redis).
 * Delivery is at most once, like pub/sub itself; with `delivery`, the logged
 * topics (session changes, messages) are made exactly-once and in order by
 * reading what pub/sub lost back from the event log (ordered-delivery.ts).
 */
export async function createRedisEventBus(redis: RedisConnection, log: Logger, delivery?: OrderedDelivery): Promise<EventBus> {
  const target = createRedisEventTarget<CustomEvent>({ publishClient: redis.client, subscribeClient: redis.subscriber });
  const channel = (topic: string) => `${redis.prefix}events:${topic}`;
  const keepSubscribed = () => {};
  for (const topic of Object.keys(TOPICS)) target.addEventListener(channel(topic), keepSubscribed);
  // Answered only after the SUBSCRIBEs queued above: when this returns, events are being received.
  await redis.subscriber.subscribe(...Object.keys(TOPICS).map(channel));

  const eventTarget = {
    addEventListener: (topic: string, listener: EventListenerOrEventListenerObject | null) => target.addEventListener(channel(topic), listener),
    removeEventListener: (topic: string, listener: EventListenerOrEventListenerObject | null) => target.removeEventListener(channel(topic), listener),
    // Published here rather than by the event target, which leaves the PUBLISH promise unhandled:
    // a Redis outage must cost the event (logged), not crash the process.
    dispatchEvent: (event: CustomEvent) => {
      const body = event.detail === undefined ? '' : JSON.stringify(event.detail);
      redis.client.publish(channel(event.type), body).catch((err: Error) => log.error({ err: err.message, topic: event.type }, 'event not published to redis'));
      return true;
    },
  };
  await delivery?.start(eventTarget);
  return createEventBus(eventTarget as unknown as PubSubEventTarget<BusEvents>, delivery?.listenTarget(eventTarget));
}

import type { RequestContext } from '../core/context.js';
import type { EventBus } from '../core/events/event-bus.js';

/**
 * What every resolver receives: the one request context shared with the other
 * surfaces, and the event bus for subscription sources (a `subscribe` option
 * runs without its resolver instance).
 */
export interface GqlContext {
  ctx: RequestContext;
  bus: EventBus;
}

import type { RequestContext } from '../core/context.js';
import type { EventBus } from '../core/events/event-bus.js';
import type { Services } from '../services/index.js';

/**
 * What every resolver receives: the one request context shared with the other
 * surfaces, and the services and event bus for subscription sources (a
 * `subscribe` option runs without its resolver instance).
 */
export interface GqlContext {
  ctx: RequestContext;
  bus: EventBus;
  services: Services;
}

import type { RequestContext } from '../core/context.js';
import type { EventBus } from '../core/events/event-bus.js';

type Authenticated = Exclude<RequestContext['actor'], { kind: 'anonymous' }>;

interface Watcher {
  actor: Authenticated;
  stop: () => void;
}

/**
 * The subscriptions of one bus that end when their access changes, all heard through one
 * subscription of each topic: an idle subscription holds a set entry, not two bus subscriptions.
 */
class AccessWatch {
  private readonly watchers = new Set<Watcher>();

  constructor(bus: EventBus) {
    // Revocations and reassignments are rare: every watcher is looked at, none is indexed.
    void (async () => {
      for await (const e of bus.subscribe('TOKENS_REVOKED')) {
        for (const w of this.watchers) {
          if (e.tokenId === w.actor.tokenId || (e.tokenId === null && e.role === w.actor.kind && e.subjectId === subjectOf(w.actor))) w.stop();
        }
      }
    })();
    void (async () => {
      for await (const e of bus.subscribe('AGENT_STAFF_CHANGED')) {
        for (const w of this.watchers) if (w.actor.kind === 'agent' && e.agentId === w.actor.agentId) w.stop();
      }
    })();
  }

  watch(w: Watcher): () => void {
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }
}

const watches = new WeakMap<EventBus, AccessWatch>();

function watchOf(bus: EventBus): AccessWatch {
  let watch = watches.get(bus);
  if (!watch) watches.set(bus, (watch = new AccessWatch(bus)));
  return watch;
}

/**
 * Ends a subscription when the token it was opened with stops working (logout, password change,
 * deletion), or, for an agent, when its staff assignments change (what it may see changed; the
 * client subscribes again). A long-lived socket never outlives the access it was granted.
 */
export function untilAccessChanges<T>(ctx: RequestContext, bus: EventBus, source: AsyncIterable<T>): AsyncIterable<T> {
  const actor = ctx.actor;
  if (actor.kind === 'anonymous') return source;
  const watch = watchOf(bus);
  // No stage of its own: the source's iterator, ended through its return() (a Repeater's settles a waiting
  // next(), so the client sees the end at once), and the watch dropped whichever way it ends.
  return {
    [Symbol.asyncIterator]: (): AsyncIterator<T> => {
      const events = source[Symbol.asyncIterator]();
      const end = (): Promise<IteratorResult<T>> => {
        unwatch();
        return events.return?.() ?? Promise.resolve({ done: true, value: undefined });
      };
      const unwatch = watch.watch({ actor, stop: () => void end() });
      return {
        next: async () => {
          const step = await events.next();
          if (step.done) unwatch();
          return step;
        },
        return: end,
        throw: (err: unknown) => {
          unwatch();
          return events.throw?.(err) ?? Promise.reject(err);
        },
      };
    },
  };
}

function subjectOf(actor: Authenticated): number {
  return actor.kind === 'merchant' ? actor.merchantId : actor.kind === 'admin' ? actor.adminId : actor.agentId;
}

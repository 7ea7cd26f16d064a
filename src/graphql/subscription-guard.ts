import { Repeater } from '@graphql-yoga/subscription';
import type { RequestContext } from '../core/context.js';
import type { EventBus } from '../core/events/event-bus.js';

/**
 * Ends a subscription when the token it was opened with stops working (logout, password change,
 * deletion), or, for an agent, when its staff assignments change (what it may see changed; the
 * client subscribes again). A long-lived socket never outlives the access it was granted.
 */
export function untilAccessChanges<T>(ctx: RequestContext, bus: EventBus, source: AsyncIterable<T>): AsyncIterable<T> {
  const actor = ctx.actor;
  if (actor.kind === 'anonymous') return source;
  return new Repeater<T>(async (push, stop) => {
    const revoked = bus.subscribe('TOKENS_REVOKED');
    const staffChanged = bus.subscribe('AGENT_STAFF_CHANGED');
    const events = source[Symbol.asyncIterator]();
    void (async () => {
      for await (const e of revoked) {
        if (e.tokenId === actor.tokenId || (e.tokenId === null && e.role === actor.kind && e.subjectId === subjectOf(actor))) return stop();
      }
    })();
    void (async () => {
      for await (const e of staffChanged) if (actor.kind === 'agent' && e.agentId === actor.agentId) return stop();
    })();
    void (async () => {
      for (;;) {
        const step = await events.next();
        if (step.done) return stop();
        await push(step.value);
      }
    })().catch((err) => stop(err));
    await stop;
    await Promise.allSettled([events.return?.(), revoked.return?.(), staffChanged.return?.()]);
  });
}

function subjectOf(actor: Exclude<RequestContext['actor'], { kind: 'anonymous' }>): number {
  return actor.kind === 'merchant' ? actor.merchantId : actor.kind === 'admin' ? actor.adminId : actor.agentId;
}

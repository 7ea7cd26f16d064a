import type { RequestContext } from '../../core/context.js';
import type { LoggedEvent } from '../../core/events/event-bus.js';
import type { EventLog } from '../../core/events/event-log.js';

/** What a stream resuming from an event number gets. */
export type Replay =
  /** Every event of the caller's merchant after the cursor, up to `upTo` (the head when it was read). */
  | { kind: 'events'; events: LoggedEvent[]; upTo: number }
  /** The events after the cursor are no longer all kept, too many, or the cursor is not this log's: reload. */
  | { kind: 'resync'; head: number };

/**
 * Streams that span sessions (agent consoles, the workbench, GraphQL `sessionChanged`) resume from the
 * merchant's event number they last saw (docs/protocols.md, "Resuming"). The events come from the log,
 * for the caller's merchant only; each surface then applies its own filter (an agent's staff) and rendering.
 */
export class EventReplayService {
  constructor(
    private readonly log: EventLog,
    /** More missed events than this answer a resync: reloading the lists is cheaper than replaying them. */
    private readonly maxEvents = 1000,
  ) {}

  async since(ctx: RequestContext, since: number): Promise<Replay> {
    const { merchantId } = ctx.requireTenant();
    const { head, oldest } = await this.log.bounds(merchantId);
    if (since === head) return { kind: 'events', events: [], upTo: head };
    // Ahead of the head (another database, a reset) or behind what is kept or than is worth replaying.
    if (since > head || oldest === null || since + 1 < oldest || head - since > this.maxEvents) return { kind: 'resync', head };
    return { kind: 'events', events: await this.log.read(merchantId, since, head, this.maxEvents), upTo: head };
  }

  /** The caller's merchant's last event number: where a stream that starts now stands. */
  async head(ctx: RequestContext): Promise<number> {
    return (await this.log.bounds(ctx.requireTenant().merchantId)).head;
  }
}

import type { Logger } from '../logger.js';
import { LOGGED_TOPICS, subscriberTarget, type LoggedEvent } from './event-bus.js';
import type { EventLog } from './event-log.js';
import { EventSequencer } from './event-sequencer.js';

type Listenable = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
const logged = new Set<string>(LOGGED_TOPICS);

/**
 * Makes the logged topics exactly-once and in order per merchant in this process, whatever pub/sub does:
 * events are passed on by number (src/core/events/event-sequencer.ts); a duplicate is dropped; a gap (an event
 * lost in a Redis outage, or overtaken) is read back from the event log before the event that revealed it.
 * An event that is lost with nothing after it (the last one before an outage, or one whose publisher crashed
 * after commit) is found by the tail check: every `pollMs` the log's heads are read, and a merchant still
 * behind the heads of the previous check (pub/sub had a whole interval to bring them) is caught up.
 */
export class OrderedDelivery {
  private readonly local = subscriberTarget();
  private readonly sequencer = new EventSequencer();
  /** Per merchant, the catch-up in progress; events of that merchant queue behind it. */
  private readonly chains = new Map<number, Promise<void>>();
  /**
   * Per merchant, events that came ahead of a number still missing, by number. Concurrent writers publish
   * in whatever order their commits come back, so the missing one is usually a moment behind: it is
   * waited for (up to `holdMs`) before the log is read, and every event keeps the facts it brought.
   */
  private readonly held = new Map<number, { events: Map<number, LoggedEvent>; timer: NodeJS.Timeout }>();
  private previousHeads = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private readonly holdMs: number;

  constructor(
    private readonly log: EventLog,
    private readonly logger: Logger,
    private readonly pollMs: number,
  ) {
    this.holdMs = Math.min(100, pollMs);
  }

  /** Where the bus's subscribers listen: the logged topics come out of here, the others straight from `raw`. */
  listenTarget(raw: Listenable): Listenable {
    return {
      addEventListener: (topic: string, l: EventListenerOrEventListenerObject | null) => (logged.has(topic) ? this.local : raw).addEventListener(topic, l),
      removeEventListener: (topic: string, l: EventListenerOrEventListenerObject | null) => (logged.has(topic) ? this.local : raw).removeEventListener(topic, l),
    };
  }

  /** Starts from the log's current heads and listens to `raw` for the logged topics. */
  async start(raw: Listenable): Promise<void> {
    const heads = await this.log.heads();
    this.sequencer.seed(heads);
    this.previousHeads = heads;
    for (const topic of LOGGED_TOPICS) {
      raw.addEventListener(topic, (e: Event) => this.offer({ topic, event: (e as CustomEvent).detail } as LoggedEvent));
    }
    this.timer = setInterval(() => void this.checkTail(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const h of this.held.values()) clearTimeout(h.timer);
    this.held.clear();
  }

  /** One check of the log's heads (also run by the timer); resolves when the catch-ups it started are done. */
  async checkTail(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const heads = await this.log.heads();
      const due = this.previousHeads;
      this.previousHeads = heads;
      await Promise.all(this.sequencer.behind(due).map(([merchantId, head]) => this.serially(merchantId, () => this.catchUp(merchantId, head))));
    } catch (err) {
      this.logger.warn({ err }, 'event log tail check failed');
    } finally {
      this.polling = false;
    }
  }

  private offer(e: LoggedEvent): void {
    const { merchantId, eventSeq } = e.event;
    // Unnumbered (published outside a transaction): passed on as it is, like any other topic.
    if (!(eventSeq > 0)) return this.dispatch(e);
    if (this.chains.has(merchantId)) return void this.serially(merchantId, () => this.accept(e));
    // The usual case, synchronously: this is the merchant's next event (or one already delivered).
    if (this.sequencer.judge(merchantId, eventSeq).kind !== 'gap') {
      this.deliver(e);
      return this.deliverHeld(merchantId);
    }
    this.hold(e);
  }

  /** Keeps an event that came early; if what it waits for has not come within `holdMs`, the log supplies it. */
  private hold(e: LoggedEvent): void {
    const { merchantId, eventSeq } = e.event;
    let h = this.held.get(merchantId);
    if (!h) {
      const timer = setTimeout(() => this.releaseHeld(merchantId), this.holdMs);
      timer.unref();
      this.held.set(merchantId, (h = { events: new Map(), timer }));
    }
    h.events.set(eventSeq, e);
  }

  /** Delivers the held events that are next in line now. */
  private deliverHeld(merchantId: number): void {
    const h = this.held.get(merchantId);
    if (!h) return;
    for (let next = this.sequencer.lastOf(merchantId) + 1, e = h.events.get(next); e; next++, e = h.events.get(next)) {
      h.events.delete(next);
      this.deliver(e);
    }
    for (const seq of h.events.keys()) if (seq <= this.sequencer.lastOf(merchantId)) h.events.delete(seq);
    if (!h.events.size) {
      clearTimeout(h.timer);
      this.held.delete(merchantId);
    }
  }

  /** The wait is over: the held events go in order, each gap before them read from the log. */
  private releaseHeld(merchantId: number): void {
    const h = this.held.get(merchantId);
    if (!h) return;
    this.held.delete(merchantId);
    for (const seq of [...h.events.keys()].sort((a, b) => a - b)) {
      const e = h.events.get(seq)!;
      void this.serially(merchantId, () => this.accept(e));
    }
  }

  private async accept(e: LoggedEvent): Promise<void> {
    const { merchantId, eventSeq } = e.event;
    if (this.sequencer.judge(merchantId, eventSeq).kind === 'gap') {
      await this.catchUp(merchantId, eventSeq - 1);
      const missing = eventSeq - 1 - this.sequencer.lastOf(merchantId);
      // Only when the log no longer has them (pruned): go on rather than stall the merchant for ever.
      if (missing > 0) this.logger.warn({ merchantId, from: this.sequencer.lastOf(merchantId) + 1, to: eventSeq - 1 }, 'events missing from the log; skipped');
    }
    this.deliver(e);
    this.deliverHeld(merchantId);
  }

  /** Delivers the merchant's logged events up to `upTo` that this process has not delivered yet. */
  private async catchUp(merchantId: number, upTo: number): Promise<void> {
    for (;;) {
      const after = this.sequencer.lastOf(merchantId);
      if (after >= upTo) return;
      const page = await this.log.read(merchantId, after, upTo, 500);
      if (!page.length) return;
      this.logger.debug({ merchantId, after, count: page.length }, 'events caught up from the log');
      page.forEach((e) => this.deliver(e));
    }
  }

  private deliver(e: LoggedEvent): void {
    const { merchantId, eventSeq } = e.event;
    if (this.sequencer.judge(merchantId, eventSeq).kind === 'duplicate') return;
    this.sequencer.delivered(merchantId, eventSeq);
    this.dispatch(e);
  }

  private dispatch(e: LoggedEvent): void {
    this.local.dispatchEvent(new CustomEvent(e.topic, { detail: e.event }));
  }

  /** Runs `work` after the merchant's queued work; a failure is logged (the tail check retries it). */
  private serially(merchantId: number, work: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(merchantId) ?? Promise.resolve()).then(work).catch((err: unknown) => this.logger.warn({ err, merchantId }, 'event catch-up failed'));
    this.chains.set(merchantId, next);
    void next.then(() => {
      if (this.chains.get(merchantId) === next) this.chains.delete(merchantId);
    });
    return next;
  }
}

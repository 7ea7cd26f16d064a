/** What to do with an event numbered `seq` given what was delivered before it. */
export type Verdict =
  | { kind: 'next' }
  | { kind: 'duplicate' }
  /** Events `after + 1` … `seq - 1` were lost or are late: read them from the log, then deliver this one. */
  | { kind: 'gap'; after: number; seq: number };

/**
 * Per merchant, the last event number delivered in this process. Numbers are dense and in commit order
 * (src/core/events/event-log.ts), so one number per merchant tells a duplicate (at or below it), the next
 * event (one above), and a gap (further above: pub/sub lost something, or delivered out of order).
 */
export class EventSequencer {
  private readonly last = new Map<number, number>();

  /** Starts from the log's heads: what was numbered before this process listened is not delivered live. */
  seed(heads: ReadonlyMap<number, number>): void {
    for (const [merchantId, seq] of heads) if (!this.last.has(merchantId)) this.last.set(merchantId, seq);
  }

  lastOf(merchantId: number): number {
    return this.last.get(merchantId) ?? 0;
  }

  judge(merchantId: number, seq: number): Verdict {
    const last = this.lastOf(merchantId);
    if (seq <= last) return { kind: 'duplicate' };
    if (seq === last + 1) return { kind: 'next' };
    return { kind: 'gap', after: last, seq };
  }

  /** Records `seq` as delivered; never moves back. */
  delivered(merchantId: number, seq: number): void {
    if (seq > this.lastOf(merchantId)) this.last.set(merchantId, seq);
  }

  /** The merchants whose head (as read from the log) is past what was delivered: [merchantId, head]. */
  behind(heads: ReadonlyMap<number, number>): [number, number][] {
    return [...heads].filter(([merchantId, head]) => head > this.lastOf(merchantId));
  }
}

/**
 * A stream that resumes from a number: items at or below the floor were already given to the client (it
 * said so, or they were replayed), so live copies of them are dropped. While the replay runs, live items
 * wait; they come out after it, in the order they arrived. Unnumbered items (0) are never dropped.
 */
export class ResumeGate<T> {
  private waiting: { seq: number; item: T }[] | null;
  private floor: number;

  constructor(since: number, replaying: boolean) {
    this.floor = since;
    this.waiting = replaying ? [] : null;
  }

  /** True when the item goes out now; false when it waits for the replay or was already given. */
  offer(seq: number, item: T): boolean {
    if (seq > 0 && seq <= this.floor) return false;
    if (this.waiting) {
      this.waiting.push({ seq, item });
      return false;
    }
    return true;
  }

  /** The replay gave everything up to `upTo`. */
  replayed(upTo: number): void {
    this.floor = Math.max(this.floor, upTo);
  }

  /** Takes the waiting items that are still new; the gate stays shut, so more may wait meanwhile. */
  drain(): T[] {
    const waiting = this.waiting ?? [];
    if (this.waiting) this.waiting = [];
    return waiting.filter((w) => w.seq === 0 || w.seq > this.floor).map((w) => w.item);
  }

  /** Live items go straight out from now on; call it right after a `drain()` that came back empty. */
  open(): void {
    this.waiting = null;
  }
}

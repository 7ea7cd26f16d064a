/**
 * The cursor for `sessionChanged(since:)`: the eventSeq of the last change applied. Event numbers are
 * decimal strings of a 64-bit counter (compared as BigInt); a change at or before the cursor is one
 * the page already has (a replay overlapping the live stream) and is skipped.
 */
export class EventCursor {
  constructor(private last: string | null = null) {}

  get since(): string | null {
    return this.last;
  }

  /** True (and the cursor moves) when `eventSeq` is new. */
  accept(eventSeq: string): boolean {
    if (this.last !== null && BigInt(eventSeq) <= BigInt(this.last)) return false;
    this.last = eventSeq;
    return true;
  }

  /** After RESYNC_REQUIRED: the lists are reloaded and the stream followed from now. */
  reset(): void {
    this.last = null;
  }
}

/**
 * One interval for any number of members, each of which is ticked once per `periodMs`: idle sockets'
 * heartbeats cost one timer per surface, not one (or two) per socket. The period is cut into `slots`;
 * a member joins the slot furthest from the next tick, and each tick visits one slot, so 20,000
 * sockets are pinged a tenth at a time instead of all at once. A member's first tick comes between
 * `periodMs × (slots − 1) / slots` and `periodMs` after it joined. The interval runs only while
 * there are members, and never keeps the process alive.
 */
export class TimerWheel<T> {
  private readonly slots: Set<T>[];
  private readonly slotOf = new Map<T, number>();
  private cursor = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly periodMs: number,
    private readonly tick: (member: T) => void,
    slots = 10,
  ) {
    this.slots = Array.from({ length: Math.max(1, slots) }, () => new Set<T>());
  }

  get size(): number {
    return this.slotOf.size;
  }

  add(member: T): void {
    if (this.slotOf.has(member)) return;
    // The slot just visited: its next turn is a whole period away.
    const slot = (this.cursor + this.slots.length - 1) % this.slots.length;
    this.slots[slot]!.add(member);
    this.slotOf.set(member, slot);
    if (!this.timer) {
      this.timer = setInterval(() => this.turn(), this.periodMs / this.slots.length);
      this.timer.unref();
    }
  }

  delete(member: T): void {
    const slot = this.slotOf.get(member);
    if (slot === undefined) return;
    this.slots[slot]!.delete(member);
    this.slotOf.delete(member);
    if (!this.slotOf.size) this.stop();
  }

  /** Stops ticking and forgets every member. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.slots.forEach((s) => s.clear());
    this.slotOf.clear();
  }

  private turn(): void {
    const slot = this.slots[this.cursor]!;
    this.cursor = (this.cursor + 1) % this.slots.length;
    // A tick may remove its member (a socket closed for a missed beat): iterate over a copy.
    for (const member of [...slot]) this.tick(member);
  }
}

/** What the queue needs of a session. */
export interface QueuedSession {
  id: number;
  status: string;
  queuedAt?: string | null;
  createdAt: string;
}

/**
 * The waiting sessions in the order they are served: first queued first (the server's queuePosition
 * order), ties by id. `position` is 1-based.
 */
export function queueOrder<T extends QueuedSession>(sessions: Iterable<T>): (T & { position: number })[] {
  const waiting = [...sessions].filter((s) => s.status === 'PENDING');
  const at = (s: T) => Date.parse(s.queuedAt ?? s.createdAt);
  waiting.sort((a, b) => at(a) - at(b) || a.id - b.id);
  return waiting.map((s, i) => ({ ...s, position: i + 1 }));
}

/** Whole seconds since `from` (never negative: the clocks may differ a little). */
export const waitedSeconds = (from: string, now: number): number => Math.max(0, Math.floor((now - Date.parse(from)) / 1000));

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatWait(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** The ids in `next` that were not in `previous`: new arrivals to signal. */
export const arrivals = (previous: ReadonlySet<number>, next: Iterable<{ id: number }>): number[] => [...next].filter((s) => !previous.has(s.id)).map((s) => s.id);

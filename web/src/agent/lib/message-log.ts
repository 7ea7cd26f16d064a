/** Anything ordered by its session's `seq`: messages. */
export interface Sequenced {
  seq: number;
}

/**
 * The history with `incoming` merged in: each seq once (a replay after a reconnect may repeat what
 * the page has), in seq order.
 */
export function mergeBySeq<T extends Sequenced>(current: readonly T[], incoming: readonly T[]): T[] {
  if (!incoming.length) return current as T[];
  const bySeq = new Map<number, T>();
  for (const m of current) bySeq.set(m.seq, m);
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The cursor for `messageAdded(after:)`: the greatest seq the page has (0: none). */
export const lastSeq = (list: readonly Sequenced[]): number => list.reduce((max, m) => Math.max(max, m.seq), 0);

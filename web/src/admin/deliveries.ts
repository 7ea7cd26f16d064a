/** Deliveries by id, the latest attempt winning (an event may arrive before or after the list), newest first. */
export function mergeDeliveries<T extends { id: number; attempts: number }>(rows: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const d of incoming) {
    const known = byId.get(d.id);
    if (!known || d.attempts >= known.attempts) byId.set(d.id, d);
  }
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

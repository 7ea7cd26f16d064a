import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * 1-based places of pending sessions in their staff's queue (waiting order:
 * `queued_at`, then id), for many sessions in one query. Sessions that are
 * not pending are absent from the map.
 */
export async function queuePositions(em: EntityManager, merchantId: number, sessionIds: readonly number[]): Promise<Map<number, number>> {
  if (!sessionIds.length) return new Map();
  const marks = sessionIds.map(() => '?').join(',');
  const rows: { id: number; position: number }[] = await em.getConnection().execute(
    `select id, position from (
       select id, row_number() over (partition by staff_id order by queued_at, id)::int as position
       from session where status = 'pending' and merchant_id = ?
         and staff_id in (select staff_id from session where id in (${marks}))
     ) q where id in (${marks})`,
    [merchantId, ...sessionIds, ...sessionIds],
    'all',
    em.getTransactionContext(),
  );
  return new Map(rows.map((r) => [r.id, r.position]));
}

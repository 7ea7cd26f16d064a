import type { MikroORM } from '@mikro-orm/postgresql';
import { queuePositions } from '../../entities/session/session-queue.js';
import { crossTenantEm } from '../../core/db/tenancy.js';

/** Where a waiting contact stands: its 1-based place in its staff's queue and the expected wait. */
export interface QueueStatus {
  sessionId: number;
  merchantId: number;
  position: number;
  /** Seconds, or null when the staff's agents took no session in the past hour (nothing to estimate from). */
  waitSeconds: number | null;
  /** Left outside business hours: the agents are away. */
  offline: boolean;
}

/**
 * The queue as the contact sees it (the chat page). The expected wait is the place in the queue times the
 * time the staff's agents took per session over the past hour (sessions accepted from the queue): a queue
 * that moves four an hour puts the third in line 45 minutes away.
 */
export class QueueStatusService {
  constructor(private readonly orm: MikroORM) {}

  /** The statuses of some pending sessions of one merchant; sessions not waiting are absent. */
  async of(merchantId: number, sessionIds: readonly number[]): Promise<Map<number, QueueStatus>> {
    const em = crossTenantEm(this.orm);
    const positions = await queuePositions(em, merchantId, sessionIds);
    if (!positions.size) return new Map();
    const ids = [...positions.keys()];
    const rows: { id: number; offline: boolean; per_hour: number }[] = await em.getConnection().execute(
      `select s.id, s.offline_message as offline,
              (select count(*)::int from session a
                where a.staff_id = s.staff_id and a.accepted_at > now() - interval '1 hour' and a.queued_at is not null) as per_hour
       from session s where s.id in (${ids.map(() => '?').join(',')})`,
      ids,
    );
    return new Map(
      rows.map((r) => {
        const position = positions.get(r.id)!;
        return [r.id, { sessionId: r.id, merchantId, position, offline: r.offline, waitSeconds: r.per_hour > 0 ? Math.round((position * 3600) / r.per_hour) : null }];
      }),
    );
  }

  /** The contact's waiting session, if it has one. */
  async ofContact(contactId: number): Promise<QueueStatus | null> {
    const [row]: { id: number; merchant_id: number }[] = await crossTenantEm(this.orm)
      .getConnection()
      .execute(`select id, merchant_id from session where contact_id = ? and status = 'pending' order by id desc limit 1`, [contactId]);
    if (!row) return null;
    return (await this.of(row.merchant_id, [row.id])).get(row.id) ?? null;
  }
}

import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobQueue } from '../../core/jobs/job-queue.js';
import type { MetricSources } from '../../core/metrics/metrics.js';
import { crossTenantEm } from '../../core/db/tenancy.js';

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

/** The stored state /metrics reports, read at scrape time: a few grouped counts over indexed columns. */
export class MetricSourcesService implements MetricSources {
  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobQueue,
  ) {}

  async queueLengths(): Promise<Map<number, number>> {
    const rows = await crossTenantEm(this.orm).getConnection().execute<{ staff_id: number; n: string }[]>(
      `select staff_id, count(*) as n from session where status = 'pending' group by staff_id`,
    );
    return new Map(rows.map((r) => [r.staff_id, Number(r.n)]));
  }

  async deliveries(): Promise<{ pending: number; failed: number }> {
    const rows = await crossTenantEm(this.orm).getConnection().execute<{ state: string; n: string }[]>(
      `select state, count(*) as n from outbound_delivery where state in ('pending', 'failed') group by state`,
    );
    const of = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
    return { pending: of('pending'), failed: of('failed') };
  }

  jobDepths(): Promise<Map<string, number>> {
    return this.jobs.depths();
  }

  pool(): { used: number; free: number; pending: number; max: number } {
    const pool = (this.orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
    if (!pool) return { used: 0, free: 0, pending: 0, max: 0 };
    return { used: pool.numUsed(), free: pool.numFree(), pending: pool.numPendingAcquires(), max: pool.max };
  }
}

import os from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomId } from '../../core/random.js';

/**
 * This process among the running instances (`app_instance`). Its heartbeat and every comparison use the
 * database's clock, so instances with skewed clocks still agree on who is alive.
 */
export class InstanceService {
  readonly id = `${os.hostname().slice(0, 40)}-${process.pid}-${randomId(8)}`;

  constructor(
    /** An instance whose heartbeat is older than this is dead. */
    private readonly timeoutMs: number,
  ) {}

  async heartbeat(em: EntityManager): Promise<void> {
    await em.execute('insert into app_instance (id, started_at, heartbeat_at) values (?, now(), now()) on conflict (id) do update set heartbeat_at = now()', [this.id]);
  }

  /** Instances that beat within the timeout (this one included once it has beaten). */
  async live(em: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await em.execute(`select id from app_instance where heartbeat_at > now() - ? * interval '1 millisecond'`, [this.timeoutMs]);
    return rows.map((r) => r.id);
  }

  /** Forgets instances dead past the timeout, once what they held has been released. */
  async prune(em: EntityManager): Promise<void> {
    await em.execute(`delete from app_instance where heartbeat_at <= now() - ? * interval '1 millisecond'`, [this.timeoutMs]);
  }

  /** A clean stop: this instance is gone at once, not after the timeout. */
  async retire(em: EntityManager): Promise<void> {
    await em.execute('delete from app_instance where id = ?', [this.id]);
  }
}

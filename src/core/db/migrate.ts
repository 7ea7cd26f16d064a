import type { MikroORM } from '@mikro-orm/postgresql';
import { crossTenantEm } from './tenancy.js';

/** Any number of instances may start at once: one migrates while the others wait on this lock, then find nothing to do. */
const MIGRATION_LOCK = 730_000_001;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, returning the names applied. The lock is held by a
 * transaction of its own connection, so it is released however this process ends; the migrations themselves run
 * in one transaction without the requests' statement timeout, as a migration may rewrite a large table.
 */
export async function migrateLocked(orm: MikroORM): Promise<string[]> {
  const knex = orm.em.getConnection().getKnex();
  return knex.transaction(async (lock) => {
    await lock.raw('set local statement_timeout = 0');
    await lock.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    // The migration table is created (when missing) by the migrator outside any transaction: inside the lock too.
    const applied = await crossTenantEm(orm).transactional(async (tx) => {
      await tx.execute('set local statement_timeout = 0');
      return orm.getMigrator().up({ transaction: tx.getTransactionContext() });
    });
    return applied.map((m) => m.name);
  });
}

import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from '../../entities/index.js';
import { migrationsList } from '../../migrations/index.js';
import { TENANT_FILTER, tenantFilter } from './tenancy.js';

export function ormConfig(clientUrl: string, opts: { debug?: boolean; poolMax?: number; statementTimeoutMs?: number } = {}) {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    // Each request forks its own EntityManager; the global one must never be used by accident.
    allowGlobalContext: false,
    // Tenancy is an ORM filter, scoped on each tenant's EntityManager (src/core/db/tenancy.ts).
    filters: { [TENANT_FILTER]: tenantFilter },
    // A row's relations are always of its own tenant, so the filter needs no join per to-one relation to null them.
    autoJoinRefsForFilters: false,
    debug: opts.debug ?? false,
    pool: { min: 0, max: opts.poolMax ?? 10 },
    // Sent at connect, so every statement of the pool is bounded: a stuck lock or a runaway query fails the request
    // instead of holding it (and a pooled connection) forever. Migrations lift it for their own transaction.
    ...(opts.statementTimeoutMs ? { driverOptions: { connection: { statement_timeout: opts.statementTimeoutMs } } } : {}),
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: true },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: 'src/migrations',
      emit: 'ts',
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  });
}

import { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { ormConfig } from './orm-config.js';

export interface Database {
  orm: MikroORM;
  /** Connection URL of the database in use (embedded or DATABASE_URL), for pg-boss. */
  url: string;
  /** Closes the pool, then stops the embedded server if this process started it. */
  close(): Promise<void>;
}

/** Connects (starting embedded PostgreSQL when no DATABASE_URL is set) and applies pending migrations. */
export async function openDatabase(config: AppConfig, log: Logger): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  try {
    const url = config.databaseUrl ?? embedded!.url;
    const orm = await MikroORM.init(ormConfig(url, { statementTimeoutMs: config.dbStatementTimeoutMs }));
    // A migration may rewrite a large table: it runs without the requests' statement timeout.
    const applied = await orm.em.fork().transactional(async (tx) => {
      await tx.execute('set local statement_timeout = 0');
      return orm.getMigrator().up({ transaction: tx.getTransactionContext() });
    });
    if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    return {
      orm,
      url,
      close: async () => {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

export async function isDatabaseReady(orm: MikroORM): Promise<boolean> {
  try {
    await orm.em.getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}

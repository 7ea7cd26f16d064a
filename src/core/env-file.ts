import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from './config.js';

/**
 * Reads `.env` from the working directory when there is one (Node's own parser). Variables already set in the
 * environment win, so a deployment's settings are never overridden by a file left beside it.
 */
export function loadDotEnv(dir = process.cwd()): void {
  const file = path.join(dir, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

/**
 * The configuration of a command-line entry point (`npm start`, `npm run migrate`): `.env` read, then the
 * environment checked; a bad setting prints every problem and exits with status 2, before anything starts.
 */
export function configOrExit(): AppConfig {
  loadDotEnv();
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
}

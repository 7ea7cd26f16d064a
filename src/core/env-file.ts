import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads `.env` from the working directory when there is one (Node's own parser). Variables already set in the
 * environment win, so a deployment's settings are never overridden by a file left beside it.
 */
export function loadDotEnv(dir = process.cwd()): void {
  const file = path.join(dir, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

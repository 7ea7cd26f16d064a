import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/core/jobs/job-queue.js';
import { createTestDatabase } from '../support/database.js';

const until = async (what: string, check: () => boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * The job queue when the database goes away under it (issue: "the embedded
 * database's connections then failed and the process exited on an unhandled
 * rejection from the job queue"). A rejection nobody handles fails this file.
 */
describe('job queue losing its database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let admin: pg.Client;
  let queue: JobQueue | undefined;
  const logged: { level: number; msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line) as { level: number; msg: string }) });
  const dbName = () => new URL(db.url).pathname.slice(1);
  const allowConnections = (allow: boolean) => admin.query(`alter database "${dbName()}" allow_connections ${allow}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new pg.Client({ connectionString: db.url.replace(`/${dbName()}`, '/postgres') });
    await admin.connect();
  });
  afterAll(async () => {
    await allowConnections(true);
    await queue?.stop().catch(() => undefined);
    await admin.end();
    await db.drop();
  });

  it('logs and retries while the database is unreachable, then runs jobs again', async () => {
    const ran: number[] = [];
    let cutOff = false;
    queue = new JobQueue(db.url, log, 0.5, 100);
    queue.register<{ n: number }>('test.job', async ({ n }) => {
      ran.push(n);
      if (n !== 1) return;
      // The database goes away while the job runs: its outcome cannot be recorded, nor can the next job be fetched.
      await allowConnections(false);
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [dbName()]);
      cutOff = true;
    });
    await queue.start();
    await queue.send('test.job', { n: 1 });
    await until('the database to be cut off', () => cutOff);
    await until('the lost database to be logged', () => logged.some((l) => l.level >= 50 && /could not (record|fetch)/.test(l.msg)));
    await new Promise((r) => setTimeout(r, 1000));

    await allowConnections(true);
    let sent = false;
    for (let i = 0; i < 50 && !sent; i++) {
      sent = await queue.send('test.job', { n: 2 }).then(
        () => true,
        () => new Promise<boolean>((r) => setTimeout(() => r(false), 200)),
      );
    }
    expect(sent).toBe(true);
    await until('the next job to run', () => ran.includes(2));
  });
});

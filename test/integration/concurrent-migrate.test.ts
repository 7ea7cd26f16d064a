import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsList } from '../../src/migrations/index.js';
import { createTestDatabase } from '../support/database.js';
import { startMailbox, type Mailbox } from '../support/mailbox.js';
import { ensureBuild, spawnApp, type SpawnedApp } from '../support/spawned-app.js';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

async function appliedMigrations(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ name: string }>('select name from mikro_orm_migrations order by id')).rows.map((r) => r.name);
  } finally {
    await c.end();
  }
}

describe('several instances migrating one fresh database at once', { timeout: 120_000 }, () => {
  const dbs: Awaited<ReturnType<typeof createTestDatabase>>[] = [];
  const apps: SpawnedApp[] = [];
  let mailbox: Mailbox;
  let dataDir: string;
  beforeAll(async () => {
    await ensureBuild();
    [mailbox, dataDir] = await Promise.all([startMailbox(), mkdtemp(path.join(os.tmpdir(), 'cs-migrate-'))]);
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await mailbox?.close();
    await Promise.all(dbs.map((d) => d.drop()));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts two servers together: one applies the migrations, the other waits for the lock and finds none left', async () => {
    const db = await createTestDatabase({ empty: true });
    dbs.push(db);
    const env = { DATABASE_URL: db.url, DATA_DIR: dataDir, SMTP_URL: mailbox.url };
    apps.push(...(await Promise.all([spawnApp(env, mailbox), spawnApp(env, mailbox)])));
    const applied = apps.filter((a) => a.output().includes('"msg":"migrations applied"'));
    expect(applied).toHaveLength(1);
    expect(await appliedMigrations(db.url)).toEqual(migrationsList.map((m) => m.name));
    for (const a of apps) expect((await fetch(`${a.url}/readyz`)).status).toBe(200);
  });

  it('runs `npm run migrate` twice at once: both succeed, each migration is applied once', async () => {
    const db = await createTestDatabase({ empty: true });
    dbs.push(db);
    const env = { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', DATABASE_URL: db.url, DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    const [a, b] = await Promise.all([run(process.execPath, ['scripts/migrate.mjs'], { cwd: root, env }), run(process.execPath, ['scripts/migrate.mjs'], { cwd: root, env })]);
    const outputs = [a.stdout, b.stdout];
    expect(outputs.filter((o) => o.includes('"msg":"migrations applied"'))).toHaveLength(1);
    for (const o of outputs) expect(o).toContain('"msg":"migrations up to date"');
    expect(await appliedMigrations(db.url)).toEqual(migrationsList.map((m) => m.name));
  });
});

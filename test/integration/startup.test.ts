import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/core/db/embedded-postgres.js';

const root = path.resolve(import.meta.dirname, '../..');

function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: root, env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', ...env } });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

describe('npm start: the built server as a process', () => {
  let dataDir: string;
  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-start-'));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts with embedded PostgreSQL on an empty DATA_DIR, serves, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const started = Date.now();
    const p = run({ PORT: String(port), DATA_DIR: dataDir, ADMIN_USER: 'boss', ADMIN_PASSWORD: 'boss-pass', LOG_LEVEL: 'info' });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000);
    console.log(`ready after ${Date.now() - started} ms on an empty DATA_DIR`);
    expect(p.output()).toContain('"msg":"ready"');
    expect(p.output()).toContain('"msg":"migrations applied"');

    const login = await fetch(`${base}/api/v1/admin/login`, {
      method: 'POST',
      body: JSON.stringify({ user_name: 'boss', password: 'c9d16db9a3d0f9f5fb4cdb0cd1a1cf9c' }),
    });
    expect(((await login.json()) as any).header.code).toBe(1002);
    const graphiql = await fetch(`${base}/graphiql`);
    expect(graphiql.status).toBe(200);

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain('"msg":"stopped"');
    // The embedded server is gone with it: no postgres process still serves this data directory.
    const ps = execFileSync('ps', ['-eo', 'args']).toString();
    expect(ps).not.toContain(path.join(dataDir, 'pg'));

    // A second start reuses the cluster and its password, and applies no migration again.
    const again = run({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000);
    expect(again.output()).not.toContain('migrations applied');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    // initdb, migrations and two starts: generous, since CI may share the machine's two cores.
  }, 150_000);

  it('refuses bad configuration with a readable message and exit code 2', async () => {
    const p = run({ PORT: 'eighty', TIMEZONE: 'Mars/Olympus', DATABASE_URL: 'mysql://x', ADMIN_USER: 'only-user' });
    expect(await p.exited).toBe(2);
    const out = p.output();
    expect(out).toContain('Invalid configuration');
    expect(out).toContain('PORT: must be a whole number');
    expect(out).toContain('TIMEZONE: must be an IANA time zone');
    expect(out).toContain('DATABASE_URL: must be a URL starting with postgres:// or postgresql://');
    expect(out).toContain('ADMIN_USER and ADMIN_PASSWORD must be set together');
  });
});

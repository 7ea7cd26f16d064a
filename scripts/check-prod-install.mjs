// `npm run check:prod-install`: proves the service starts from an install without dev dependencies.
// Builds dist/ and web/dist/ here, copies the project's files and both builds to a temporary directory, runs `npm ci --omit=dev`
// there (needs the npm registry or its cache), then `npm run migrate` and `npm start` against a fresh database
// on the PostgreSQL server of TEST_DATABASE_URL or DATABASE_URL, waits for /readyz and stops it with SIGTERM.
// About a minute, most of it npm ci; the test suite checks the cheaper half (test/unit/runtime-imports.test.ts).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!server) {
  console.error('Set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server this check may create a database on');
  process.exit(2);
}

const step = (what) => console.log(`» ${what}`);
const dir = mkdtempSync(path.join(os.tmpdir(), 'cs-prod-install-'));
const dbName = `cs_prod_${randomBytes(5).toString('hex')}`;
const admin = async (sql) => {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
};

try {
  step('npm run build');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  step(`copy the project to ${dir}`);
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root }).toString().split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(path.join(root, f))) continue;
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    cpSync(path.join(root, f), path.join(dir, f));
  }
  cpSync(path.join(root, 'dist'), path.join(dir, 'dist'), { recursive: true });
  cpSync(path.join(root, 'web', 'dist'), path.join(dir, 'web', 'dist'), { recursive: true });

  step('npm ci --omit=dev');
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  for (const dev of ['typescript', 'vitest', 'eslint', 'pg']) {
    // pg is a devDependency of ours but also a dependency of @mikro-orm/postgresql: it stays.
    if (dev !== 'pg' && existsSync(path.join(dir, 'node_modules', dev))) throw new Error(`${dev} was installed by npm ci --omit=dev`);
  }

  await admin(`create database "${dbName}"`);
  const url = new URL(server);
  url.pathname = `/${dbName}`;
  const env = { PATH: process.env.PATH, HOME: process.env.HOME ?? os.tmpdir(), DATABASE_URL: url.toString(), DATA_DIR: path.join(dir, 'data'), PORT: '0', HOST: '127.0.0.1' };

  step('npm run migrate');
  execFileSync('npm', ['run', 'migrate', '--silent'], { cwd: dir, env, stdio: 'inherit' });

  step('npm start');
  const child = spawn('npm', ['start', '--silent'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not ready within 60 s')), 60_000);
    let pending = '';
    child.stdout.on('data', (d) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        if (!line.includes('"msg":"ready"')) continue;
        clearTimeout(timer);
        resolve(JSON.parse(line).url);
      }
    });
    void exited.then((code) => reject(new Error(`npm start exited with ${code} before ready`)));
  });
  const ready = await fetch(`${base}/readyz`);
  if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}`);
  const app = await fetch(`${base}/login`);
  if (app.status !== 200) throw new Error(`the browser app (/login) answered ${app.status}`);
  step(`${base}/readyz and the browser app answered 200; stopping`);
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) throw new Error(`npm start exited with ${code} after SIGTERM`);
  console.log('OK: started and stopped from an install without dev dependencies');
} finally {
  await admin(`drop database if exists "${dbName}" with (force)`).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}

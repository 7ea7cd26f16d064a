import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import { inject } from 'vitest';
import WebSocket from 'ws';
import type { Mailbox } from './mailbox.js';
import type { GqlResponse, LegacyResponse, TestApp } from './test-app.js';

const root = path.resolve(import.meta.dirname, '../..');

/** A server started as its own process (`node dist/main.js`), driven over the network only. */
export interface SpawnedApp extends Pick<TestApp, 'url' | 'mailbox' | 'rest' | 'gql' | 'wsClient'> {
  pid: number;
  /** What the process printed (the tail), for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
  /** SIGKILL at once: a crash, with no shutdown of any kind. */
  kill(): Promise<void>;
}

/** Held on the test server while a file checks the build: two files building dist/ at once would each spawn half-written files. */
const BUILD_LOCK = 730_000_003;

/** Builds dist/ if a source is newer; once per test file, before spawning, one file at a time (files run in parallel forks). */
export async function ensureBuild(): Promise<void> {
  // A session lock: it goes with the connection, however this process ends.
  const lock = new pg.Client({ connectionString: inject('pgServerUrl') });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [BUILD_LOCK]);
    execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
  } finally {
    await lock.end();
  }
}

/** Starts `node dist/main.js` on a free port and resolves once it logged "ready" (its URL is taken from that line). */
export async function spawnApp(env: Record<string, string>, mailbox: Mailbox, timeoutMs = 60_000): Promise<SpawnedApp> {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    let pending = '';
    child.stdout!.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (!line.includes('"msg":"ready"')) continue;
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready:\n${out}`));
    });
  });

  const clients: Client[] = [];
  return {
    url,
    pid: child.pid!,
    mailbox,
    output: () => out,
    async rest<T = any>(p: string, body: unknown = {}, token?: string): Promise<LegacyResponse<T>> {
      const res = await fetch(`${url}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'auth-token': token } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as LegacyResponse<T>['body'] };
    },
    async gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>> {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as Omit<GqlResponse<T>, 'status'>) };
    },
    wsClient(connectionParams?: Record<string, unknown>): Client {
      const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
      clients.push(client);
      return client;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

// Driver helpers of the real-time benchmarks: a database, server processes, WebSocket clients, figures.
import { execFileSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds dist/ when a source is newer, as `npm start` does. */
export function ensureBuild() {
  execFileSync(process.execPath, [path.join(root, 'scripts/ensure-build.mjs')], { stdio: 'inherit' });
}

/**
 * A fresh database: on DATABASE_URL's server when set, otherwise on an embedded
 * PostgreSQL in a temporary directory. `drop()` removes everything it made.
 */
export async function benchDatabase() {
  let server = process.env.DATABASE_URL;
  let embedded = null;
  let dir = null;
  if (!server) {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cs-bench-pg-'));
    const { startEmbeddedPostgres } = await import('../../dist/core/db/embedded-postgres.js');
    embedded = await startEmbeddedPostgres(dir, 0, pino({ level: 'warn' }));
    server = embedded.url;
  }
  const name = `cs_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
      await embedded?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Redis settings for the servers when REDIS_URL is set: a fresh key prefix per run. */
export function benchRedisEnv() {
  return process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `cs-bench-${randomBytes(4).toString('hex')}:` } : {};
}

/**
 * One server process on a free loopback port: the app (bench-server.mjs) or the floor
 * (floor-server.mjs). `call(type, payload)` runs one of its IPC handlers (both answer `memory` and `cpu`).
 */
export async function startServer(env, script = 'bench-server.mjs') {
  const child = fork(path.join(root, 'bench/realtime', script), [], {
    cwd: root,
    // BENCH_CPU_PROF=<dir>: each app server writes a V8 CPU profile there when it stops (node --cpu-prof).
    execArgv: ['--expose-gc', ...(process.env.BENCH_CPU_PROF && script === 'bench-server.mjs' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: os.tmpdir(), ...env },
  });
  const pending = new Map();
  let seq = 0;
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server not ready within 60 s')), 60_000);
    child.on('message', (msg) => {
      if (msg.type === 'ready') {
        clearTimeout(timer);
        resolve(msg);
        return;
      }
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error));
      else p.resolve(msg.result);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}`));
      for (const p of pending.values()) p.reject(new Error(`server exited with ${code}`));
    });
  });
  const { url, gc, ...extra } = await ready;
  if (!gc) throw new Error('server started without --expose-gc');
  return {
    ...extra,
    url,
    pid: child.pid,
    call(type, payload) {
      const id = ++seq;
      child.send({ id, type, payload });
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** A WebSocket client that keeps its frames and waits for the ones it needs, each wait bounded. */
export class Socket {
  frames = [];
  waiters = new Set();

  static async open(url, headers = {}) {
    const ws = new WebSocket(url, { headers });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade answered ${res.statusCode}`)));
    });
    return new Socket(ws);
  }

  constructor(ws) {
    this.ws = ws;
    ws.on('message', (data) => {
      const text = data.toString();
      // The agent console expects its beats answered; an idle console does nothing else.
      if (text === 'beat') return void ws.send('beat');
      for (const w of this.waiters) if (w.test(text)) return w.done(text);
      this.frames.push(text);
    });
  }

  send(value) {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  /** The first frame (already received or next) for which `test` holds. */
  waitFor(test, timeoutMs = 10_000) {
    const i = this.frames.findIndex(test);
    if (i >= 0) return Promise.resolve(this.frames.splice(i, 1)[0]);
    return new Promise((resolve, reject) => {
      const w = {
        test,
        done: (text) => {
          clearTimeout(timer);
          this.waiters.delete(w);
          resolve(text);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        reject(new Error(`no matching frame within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(w);
    });
  }

  /** The next JSON frame whose fields equal `match`. */
  async json(match, timeoutMs) {
    const matches = (text) => {
      try {
        const v = JSON.parse(text);
        return Object.entries(match).every(([k, want]) => v[k] === want);
      } catch {
        return false;
      }
    };
    return JSON.parse(await this.waitFor(matches, timeoutMs));
  }

  /** Drops the frames kept so far. */
  clear() {
    this.frames.length = 0;
  }

  close() {
    this.ws.close();
  }
}

export const basicAuth = (user, pass) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` });

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Ends the run if it has not finished by itself within `ms`. */
export function deadline(ms) {
  const t = setTimeout(() => {
    console.error(`benchmark did not finish within ${ms / 1000} s`);
    process.exit(1);
  }, ms);
  t.unref();
}

/** n, median, p99 and mean of a list of milliseconds. */
export function stats(values) {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

export const ms = (v) => `${v.toFixed(2)} ms`;
export const times = (project, floor) => `${(project / floor).toFixed(1)}×`;

/** One line comparing a project figure with the floor's: `label  project (floor …, ratio)`. */
export function versus(label, project, floor, unit = ms) {
  return `${label.padEnd(34)} ${unit(project).padStart(10)}   floor ${unit(floor).padStart(10)}   ${times(project, floor).padStart(7)}`;
}

/** An agent console (/ws/kf) logged in with the agent's token. */
export async function consoleLogin(serverUrl, token, timeoutMs = 30_000) {
  const s = await Socket.open(`${serverUrl.replace('http', 'ws')}/ws/kf`);
  s.send({ method: 'login', token });
  const reply = await s.json({ method: 'login' }, timeoutMs);
  if (reply.code !== 0) throw new Error(`login failed: ${JSON.stringify(reply)}`);
  s.clear();
  return s;
}

export const wsUrl = (server, p) => `${server.url.replace('http', 'ws')}${p}`;
export const sleep = (msDelay) => new Promise((r) => setTimeout(r, msDelay));

/** Settings every benchmark server gets: the chat limits lifted, since a few contacts send every message. */
export const appEnv = (dbUrl, extra = {}) => ({ DATABASE_URL: dbUrl, CHAT_MESSAGES_PER_CONTACT_PER_MINUTE: '100000', CHAT_MESSAGES_PER_STAFF_PER_MINUTE: '10000000', ...extra });

/** A graphql-ws connection with one subscription, resolved once the server acknowledged the connection. */
export async function subscriber(url, connectionParams, query, onNext) {
  let connected;
  const ready = new Promise((resolve, reject) => {
    connected = resolve;
    setTimeout(() => reject(new Error('graphql-ws connection not acknowledged within 60 s')), 60_000).unref();
  });
  const client = createClient({ url, webSocketImpl: WebSocket, connectionParams, lazy: false, retryAttempts: 0, on: { connected: () => connected() }, onNonLazyError: () => {} });
  const errors = [];
  client.subscribe({ query }, { next: onNext, error: (e) => errors.push(e), complete: () => {} });
  await ready;
  return { errors, dispose: () => client.dispose() };
}

/** Opens `n` of something `batch` at a time (parallel, bounded). */
export async function openMany(n, batch, open) {
  const out = [];
  for (let i = 0; i < n; i += batch) out.push(...(await Promise.all(Array.from({ length: Math.min(batch, n - i) }, (_, j) => open(i + j)))));
  return out;
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

import { spawn, execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from '../../src/core/db/embedded-postgres.js';

/**
 * What the suite needs besides PostgreSQL (which global-setup embeds): Chromium for the chat-page
 * browser test, and Redis (server and `redis-server` binary) for the multi-instance tests. A missing
 * one is installed with apt-get when this machine allows it (root, Debian); otherwise the run stops
 * with one line saying what to install. So `npm install && npm test` is the whole set-up.
 */

/** Stops the run with the single line it prints: no stack, nothing else to read. */
export class MissingPrerequisite extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingPrerequisite';
    this.stack = `${this.name}: ${message}`;
  }
}

const run = promisify(execFile);

/** The executable `name` on PATH, or null. */
function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const canApt = () => process.getuid?.() === 0 && onPath('apt-get') !== null;
let aptUpdated = false;

/** `apt-get install` of one Debian package, saying so in one line; false when it failed (its output is printed then). */
async function aptInstall(pkg: string, why: string): Promise<boolean> {
  console.log(`${why} is missing: installing the Debian package "${pkg}" with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    if (!aptUpdated) await run('apt-get', ['update', '-qq'], { env, maxBuffer: 64 * 1024 * 1024 });
    aptUpdated = true;
    await run('apt-get', ['install', '-y', '-qq', pkg], { env, maxBuffer: 64 * 1024 * 1024 });
    return true;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    console.error((e.stderr || e.message).trim().split('\n').slice(-5).join('\n'));
    return false;
  }
}

/** The Chromium the browser test drives: CHROMIUM_PATH, else /usr/bin/chromium, else `chromium` on PATH; installed when missing. */
export async function ensureChromium(): Promise<string> {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (isExecutable(given)) return given;
    throw new MissingPrerequisite(`CHROMIUM_PATH=${given} is not an executable: point it at a Chromium, or unset it to use /usr/bin/chromium`);
  }
  const found = () => (isExecutable('/usr/bin/chromium') ? '/usr/bin/chromium' : onPath('chromium'));
  const existing = found() ?? (canApt() && (await aptInstall('chromium', 'Chromium (for the chat page browser test)')) ? found() : null);
  if (existing) {
    await ensureChineseFont();
    return existing;
  }
  throw new MissingPrerequisite('The tests need Chromium: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.');
}

/** The browser tests screenshot every screen in Chinese too: without a CJK font its text would be empty boxes. */
async function ensureChineseFont(): Promise<void> {
  const fonts = await run('fc-list', [':lang=zh', 'family']).then((r) => r.stdout.trim(), () => null);
  if (fonts === '' && canApt()) await aptInstall('fonts-wqy-microhei', 'A Chinese font (for the screenshots in Chinese)');
}

async function answersPing(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/**
 * A Redis for the run: TEST_REDIS_URL, else one answering on 127.0.0.1:6379, else a `redis-server`
 * started on a free port and stopped by `stop`. The binary must exist either way: the outage test
 * starts and kills its own server.
 */
export async function ensureRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const given = process.env.TEST_REDIS_URL;
  const noop = async () => {};
  const binary = onPath('redis-server') ?? (canApt() && (await aptInstall('redis-server', 'redis-server (for the multi-instance tests)')) ? onPath('redis-server') : null);
  if (!binary) throw new MissingPrerequisite('The tests need Redis: install redis-server (Debian: apt-get install redis-server).');
  if (given) {
    if (await answersPing(given)) return { url: given, stop: noop };
    throw new MissingPrerequisite(`Redis does not answer at TEST_REDIS_URL=${given}: start it, or unset TEST_REDIS_URL to let the tests start their own.`);
  }
  if (await answersPing('redis://127.0.0.1:6379')) return { url: 'redis://127.0.0.1:6379', stop: noop };
  return startRedisServer(binary);
}

async function startRedisServer(binary: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const server = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    server.once('error', (err) => reject(new MissingPrerequisite(`redis-server could not be started: ${err.message}`)));
    void exited.then(() => reject(new MissingPrerequisite(`redis-server exited at start: ${out.trim().split('\n').pop()}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
      await exited;
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

/** The Redis the multi-instance tests use: TEST_REDIS_URL, or the one global-setup found or started. */
export const TEST_REDIS_URL = inject('redisUrl');

/** A key and channel prefix of one test file, so parallel runs on one server never meet. */
export const testRedisPrefix = () => `cs-test-${randomBytes(5).toString('hex')}:`;

/**
 * Connects and pings, or throws: these tests exist to prove the Redis path,
 * so a missing server is a failure, never a skip.
 */
export async function openTestRedis(): Promise<Redis> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new Error(`Redis is required at ${TEST_REDIS_URL}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return redis;
}

/** Deletes every key under `prefix`. */
export async function dropRedisPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/**
 * A throw-away redis-server on `port` (global-setup makes sure the binary exists), for tests that kill it or
 * pause it (SIGSTOP/SIGCONT): never the shared one.
 */
export async function startRedisServer(port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new Error(`redis-server is required for this test: ${err.message}`)));
    server.stdout!.on('data', (d: Buffer) => d.toString().includes('Ready to accept connections') && resolve());
    server.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return server;
}

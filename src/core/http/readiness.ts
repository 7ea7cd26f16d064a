import type { MikroORM } from '@mikro-orm/postgresql';
import { isDatabaseReady } from '../db/database.js';
import type { RedisConnection } from '../redis/redis-connection.js';

/** A Redis that takes longer than this to answer PING counts as down: /readyz must answer promptly. */
const REDIS_PING_TIMEOUT_MS = 1_000;

export interface Readiness {
  ready: boolean;
  status: 'ready' | 'draining' | 'database unavailable' | 'redis unavailable';
}

/** What /readyz reports: not ready while draining for shutdown, or when the database (or Redis, when used) does not answer. */
export async function checkReadiness(deps: { orm: MikroORM; redis: RedisConnection | null; draining: () => boolean }): Promise<Readiness> {
  if (deps.draining()) return { ready: false, status: 'draining' };
  const [db, redis] = await Promise.all([isDatabaseReady(deps.orm), deps.redis ? pingRedis(deps.redis) : true]);
  // Checked again: the drain may have begun while the database answered.
  if (deps.draining()) return { ready: false, status: 'draining' };
  if (!db) return { ready: false, status: 'database unavailable' };
  if (!redis) return { ready: false, status: 'redis unavailable' };
  return { ready: true, status: 'ready' };
}

async function pingRedis(redis: RedisConnection): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), REDIS_PING_TIMEOUT_MS)));
  try {
    return await Promise.race([redis.client.ping().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

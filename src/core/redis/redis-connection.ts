import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * The Redis connections of one process. Redis puts a connection that
 * subscribes into subscriber mode, where it can run nothing else, hence two.
 */
export interface RedisConnection {
  /** Commands and PUBLISH. */
  readonly client: Redis;
  /** SUBSCRIBE only. */
  readonly subscriber: Redis;
  /** Starts every key and channel, so deployments (or test runs) sharing one server stay apart; pub/sub ignores the database number. */
  readonly prefix: string;
  close(): Promise<void>;
}

/**
 * Connects both connections; a server that cannot be reached fails the start instead of queueing commands forever.
 * Every command is bounded by `commandTimeoutMs`: a server that accepts but stops answering fails the command
 * (a login then answers an error at once) instead of hanging the request.
 */
export async function openRedis(url: string, prefix: string, log: Logger, commandTimeoutMs: number): Promise<RedisConnection> {
  const where = redactedUrl(url);
  const open = async (role: 'client' | 'subscriber'): Promise<Redis> => {
    // A command fails after a few reconnect attempts (about half a second) instead of ioredis' 20,
    // so a request during an outage gets its error at once rather than hanging for seconds.
    const redis = new Redis(url, {
      lazyConnect: true,
      connectionName: `cs-platform-${role}`,
      maxRetriesPerRequest: 3,
      commandTimeout: commandTimeoutMs,
      // Connecting (and the ready check) is bounded too, so a hung server cannot stall the start either.
      connectTimeout: Math.max(commandTimeoutMs, 5_000),
    });
    // Without a listener ioredis prints every reconnect failure itself; these go to our log instead.
    redis.on('error', (err: Error) => log.warn({ err: err.message, redis: where, role }, 'redis connection error'));
    try {
      await redis.connect();
    } catch (err) {
      redis.disconnect();
      throw new Error(`Redis at ${where} is unreachable: ${err instanceof Error ? err.message : String(err)}`);
    }
    return redis;
  };
  const client = await open('client');
  let subscriber: Redis;
  try {
    subscriber = await open('subscriber');
  } catch (err) {
    client.disconnect();
    throw err;
  }
  log.info({ redis: where, prefix }, 'redis connected');
  return {
    client,
    subscriber,
    prefix,
    close: async () => {
      await Promise.all([client, subscriber].map((r) => r.quit().catch(() => r.disconnect())));
    },
  };
}

function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis';
  }
}

import { LRUCache } from 'lru-cache';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from './logger.js';
import type { RedisConnection } from './redis/redis-connection.js';

/**
 * Hit counters in fixed windows (whole seconds), per key. Limits are settings of each key family,
 * so a call names its limit and window; the window also names the counter in count/release/reset.
 */
export interface RateLimiter {
  /** Counts one hit on `key`; false once more than `limit` hits fell in the current window. */
  hit(key: string, limit: number, windowMs: number): Promise<boolean>;
  /**
   * Like `hit`, for a limit that protects capacity rather than accounts: far below the limit it may answer
   * before the shared counter has (hits spread over N instances at once may pass it by N × ⌊limit / 2⌋).
   */
  hitEager(key: string, limit: number, windowMs: number): Promise<boolean>;
  /** Hits counted on `key` in its current window, without counting one. */
  count(key: string, windowMs: number): Promise<number>;
  /** Takes back one hit of the current window (a reservation that turned out not to count). */
  release(key: string, windowMs: number): Promise<void>;
  reset(key: string, windowMs: number): Promise<void>;
}

// rate-limiter-flexible rejects above a limit fixed per limiter; ours differs per call, so each
// window gets one counter that never rejects, and the limit is compared with the count it returns.
const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** Runs one operation on the limiter that should count now. */
type Counter = <T>(op: (limiter: RateLimiterAbstract) => Promise<T>) => Promise<T>;

/** rate-limiter-flexible's counters (atomic increments and expiry, in memory or Redis) behind our interface. */
class FlexibleRateLimiter implements RateLimiter {
  private readonly windows = new Map<number, Counter>();

  constructor(private readonly counter: (durationSec: number, windowMs: number) => Counter) {}

  async hit(key: string, limit: number, windowMs: number): Promise<boolean> {
    return (await this.consume(key, windowMs)).count <= limit;
  }

  hitEager(key: string, limit: number, windowMs: number): Promise<boolean> {
    return this.hit(key, limit, windowMs);
  }

  /** Counts one hit: the window's count with it, and the time left in the window. */
  async consume(key: string, windowMs: number): Promise<{ count: number; msLeft: number }> {
    const res = await this.window(windowMs)((l) => l.consume(key, 1));
    return { count: res.consumedPoints, msLeft: res.msBeforeNext };
  }

  async count(key: string, windowMs: number): Promise<number> {
    return (await this.window(windowMs)((l) => l.get(key)))?.consumedPoints ?? 0;
  }

  async release(key: string, windowMs: number): Promise<void> {
    // Only into a window that is still running and above zero: a reward would otherwise open a window below zero.
    await this.window(windowMs)(async (l) => {
      if (((await l.get(key))?.consumedPoints ?? 0) > 0) await l.reward(key, 1);
    });
  }

  async reset(key: string, windowMs: number): Promise<void> {
    await this.window(windowMs)((l) => l.delete(key));
  }

  private window(windowMs: number): Counter {
    let counter = this.windows.get(windowMs);
    if (!counter) {
      counter = this.counter(Math.max(1, Math.ceil(windowMs / 1000)), windowMs);
      this.windows.set(windowMs, counter);
    }
    return counter;
  }
}

/** One process: counters in memory. */
export function memoryRateLimiter(): RateLimiter {
  return new FlexibleRateLimiter((duration) => {
    const limiter = new RateLimiterMemory({ points: UNLIMITED, duration });
    return (op) => op(limiter);
  });
}

/** How long the counters stay in memory after Redis failed a command, before Redis is tried again. */
const REDIS_RETRY_MS = 5_000;

/**
 * Several instances: counters shared in Redis. While Redis does not answer, each instance counts in
 * memory (an insurance limiter), so limits keep holding per instance instead of failing open or closed.
 * rate-limiter-flexible's own `insuranceLimiter` would wait out the command timeout on every call of a
 * hung Redis (a login makes about ten), so after one failure Redis is skipped for REDIS_RETRY_MS.
 */
export function redisRateLimiter(redis: RedisConnection, log: Logger): RateLimiter {
  let redisDownUntil = 0;
  const shared = new FlexibleRateLimiter((duration, windowMs) => {
    const shared = new RateLimiterRedis({ storeClient: redis.client, points: UNLIMITED, duration, keyPrefix: `${redis.prefix}rate:${windowMs}` });
    const insurance = new RateLimiterMemory({ points: UNLIMITED, duration });
    return async (op) => {
      if (Date.now() < redisDownUntil) return op(insurance);
      try {
        return await op(shared);
      } catch (err) {
        if (redisDownUntil === 0 || Date.now() >= redisDownUntil) log.warn({ err: (err as Error).message }, 'rate limits counted in memory: Redis does not answer');
        redisDownUntil = Date.now() + REDIS_RETRY_MS;
        return op(insurance);
      }
    };
  });
  return new OptimisticHits(shared, log);
}

/** What this instance knows of a key's window: the count Redis last answered, and its hits not answered yet. */
interface Known {
  count: number;
  inFlight: number;
  until: number;
}

/**
 * Eager hits far below their limit are let through at once and counted in Redis behind the request: the round
 * trip was on the path of every message (0.2 ms median, 1.5 ms p99 measured). A hit waits for Redis once what this
 * instance knows of the window (the count Redis last answered, plus its own hits not yet answered) reaches half
 * the limit, so the hits of one instance are refused exactly past the limit (every hit is counted, in order);
 * hits spread over N instances at once can pass it by at most N × ⌊limit / 2⌋, before each instance has heard
 * of the others' hits.
 */
class OptimisticHits implements RateLimiter {
  private readonly known = new LRUCache<string, Known>({ max: 100_000 });

  constructor(
    private readonly shared: FlexibleRateLimiter,
    private readonly log: Logger,
  ) {}

  hit(key: string, limit: number, windowMs: number): Promise<boolean> {
    return this.shared.hit(key, limit, windowMs);
  }

  async hitEager(key: string, limit: number, windowMs: number): Promise<boolean> {
    const id = `${windowMs}:${key}`;
    const now = Date.now();
    let k = this.known.get(id);
    if (!k || k.until <= now) {
      k = { count: 0, inFlight: 0, until: now + windowMs };
      this.known.set(id, k);
    }
    const mine = k;
    mine.inFlight++;
    const counted = this.shared.consume(key, windowMs).then(
      ({ count, msLeft }) => {
        mine.inFlight--;
        mine.count = Math.max(mine.count, count);
        mine.until = Date.now() + msLeft;
        return count;
      },
      (err: unknown) => {
        mine.inFlight--;
        throw err;
      },
    );
    if (mine.count + mine.inFlight <= Math.floor(limit / 2)) {
      counted.catch((err: unknown) => this.log.warn({ err: (err as Error).message }, 'rate-limit hit not counted'));
      return true;
    }
    return (await counted) <= limit;
  }

  count(key: string, windowMs: number): Promise<number> {
    return this.shared.count(key, windowMs);
  }

  async release(key: string, windowMs: number): Promise<void> {
    await this.shared.release(key, windowMs);
    const k = this.known.get(`${windowMs}:${key}`);
    if (k && k.count > 0) k.count--;
  }

  async reset(key: string, windowMs: number): Promise<void> {
    this.known.delete(`${windowMs}:${key}`);
    await this.shared.reset(key, windowMs);
  }
}

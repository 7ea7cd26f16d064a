import type { RateLimiter } from '../rate-limit.js';
import type { RedisConnection } from './redis-connection.js';

// One round trip, atomic: the first hit of a window starts its expiry. The PTTL check also
// repairs a counter left without one (e.g. a PEXPIRE lost to a failover), which would never reset.
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

// Never below zero, and never creates a key (a window that already ended stays ended).
const RELEASE = `
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then return redis.call('DECR', KEYS[1]) end
return 0`;

/** Fixed-window counters shared by every instance: INCR plus a PEXPIRE for the window. */
export class RedisRateLimiter implements RateLimiter {
  constructor(private readonly redis: RedisConnection) {}

  async hit(key: string, limit: number, windowMs: number): Promise<boolean> {
    const count = (await this.redis.client.eval(HIT, 1, this.key(key), Math.max(1, Math.round(windowMs)))) as number;
    return count <= limit;
  }

  async count(key: string): Promise<number> {
    return Number((await this.redis.client.get(this.key(key))) ?? 0);
  }

  async release(key: string): Promise<void> {
    await this.redis.client.eval(RELEASE, 1, this.key(key));
  }

  async reset(key: string): Promise<void> {
    await this.redis.client.del(this.key(key));
  }

  private key(key: string): string {
    return `${this.redis.prefix}rate:${key}`;
  }
}

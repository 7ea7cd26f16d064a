import type { Logger } from '../../core/logger.js';
import type { RedisConnection } from '../../core/redis/redis-connection.js';
import type { ConsoleRegistry } from './console-registry.js';

// Each script reads and writes the slot in one step, so two instances never both win a login.
// claim: ARGV = clientId, ttlMs, force (1/0).
const CLAIM = `
local held = redis.call('GET', KEYS[1])
if held and held ~= ARGV[1] and ARGV[3] ~= '1' then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
// A live holder keeps its slot; a slot that vanished (expiry during a stall, a Redis restart)
// is taken back, but never from another connection that claimed it meanwhile.
const TOUCH = `
local held = redis.call('GET', KEYS[1])
if held == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if not held then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

/**
 * Single login per agent across instances: one key per agent holding the
 * console connection's id, with a TTL that beats refresh, so a slot held by a
 * crashed instance frees itself.
 */
export class RedisConsoleRegistry implements ConsoleRegistry {
  constructor(
    private readonly redis: RedisConnection,
    /** Longer than the beat interval: a live console refreshes it on every beat. */
    private readonly ttlMs: number,
    private readonly log: Logger,
  ) {}

  async claim(agentId: number, clientId: string, force: boolean): Promise<boolean> {
    return (await this.redis.client.eval(CLAIM, 1, this.key(agentId), clientId, this.ttlMs, force ? '1' : '0')) === 1;
  }

  async release(agentId: number, clientId: string): Promise<void> {
    await this.redis.client.eval(RELEASE, 1, this.key(agentId), clientId);
  }

  /** Never rejects: beats call it without waiting, and a missed refresh is retried on the next beat. */
  async touch(agentId: number, clientId: string): Promise<void> {
    try {
      await this.redis.client.eval(TOUCH, 1, this.key(agentId), clientId, this.ttlMs);
    } catch (err) {
      this.log.warn({ err: err instanceof Error ? err.message : String(err), agentId }, 'console slot not refreshed');
    }
  }

  async holder(agentId: number): Promise<string | null> {
    return this.redis.client.get(this.key(agentId));
  }

  /** The connection belongs to the app, which closes it. */
  async close(): Promise<void> {}

  private key(agentId: number): string {
    return `${this.redis.prefix}console:agent:${agentId}`;
  }
}

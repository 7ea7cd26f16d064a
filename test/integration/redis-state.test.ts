import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisConsoleRegistry } from '../../src/compat-ws/agents/redis-console-registry.js';
import { LoginThrottle } from '../../src/core/auth/login-throttle.js';
import type { EventBus, SessionChangedEvent } from '../../src/core/events/event-bus.js';
import { createRedisEventBus } from '../../src/core/events/redis-event-bus.js';
import { createLogger } from '../../src/core/logger.js';
import { openRedis, type RedisConnection } from '../../src/core/redis/redis-connection.js';
import { redisRateLimiter } from '../../src/core/rate-limit.js';
import { TEST_REDIS_URL, dropRedisPrefix, openTestRedis, testRedisPrefix } from '../support/redis.js';

const log = createLogger('silent');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two "instances": separate connections to one Redis, one key prefix. */
describe('shared state in Redis', () => {
  const prefix = testRedisPrefix();
  let admin: Redis;
  let one: RedisConnection;
  let two: RedisConnection;
  let other: RedisConnection;

  beforeAll(async () => {
    admin = await openTestRedis();
    [one, two, other] = await Promise.all([openRedis(TEST_REDIS_URL, prefix, log, 1000), openRedis(TEST_REDIS_URL, prefix, log, 1000), openRedis(TEST_REDIS_URL, testRedisPrefix(), log, 1000)]);
  });
  afterAll(async () => {
    await Promise.all([one, two, other].map((r) => r?.close()));
    if (admin) {
      await dropRedisPrefix(admin, prefix);
      admin.disconnect();
    }
  });

  it('refuses to start against a Redis that does not answer', async () => {
    await expect(openRedis('redis://127.0.0.1:1', 'x:', log, 1000)).rejects.toThrow(/Redis at redis:\/\/127\.0\.0\.1:1 is unreachable/);
  });

  it('gives one console login per agent across instances; force takes the slot; only the holder releases', async () => {
    const a = new RedisConsoleRegistry(one, 5000, log);
    const b = new RedisConsoleRegistry(two, 5000, log);
    expect(await a.claim(7, 'client-a', false)).toBe(true);
    expect(await b.claim(7, 'client-b', false)).toBe(false);
    expect(await b.holder(7)).toBe('client-a');
    expect(await a.claim(7, 'client-a', false)).toBe(true);
    expect(await b.claim(7, 'client-b', true)).toBe(true);
    expect(await a.holder(7)).toBe('client-b');
    await a.release(7, 'client-a');
    expect(await a.holder(7)).toBe('client-b');
    await b.release(7, 'client-b');
    expect(await a.holder(7)).toBeNull();
    expect(await admin.exists(`${prefix}console:agent:7`)).toBe(0);
  });

  it('frees a slot nobody refreshes; beats refresh it, retake it if it vanished, and never steal it', async () => {
    const a = new RedisConsoleRegistry(one, 200, log);
    const b = new RedisConsoleRegistry(two, 200, log);
    expect(await a.claim(8, 'client-a', false)).toBe(true);
    await sleep(300);
    expect(await b.holder(8)).toBeNull();

    await a.touch(8, 'client-a');
    expect(await b.holder(8)).toBe('client-a');
    for (let i = 0; i < 4; i++) {
      await sleep(100);
      await a.touch(8, 'client-a');
    }
    expect(await b.holder(8)).toBe('client-a');
    await b.touch(8, 'client-b');
    expect(await b.holder(8)).toBe('client-a');
    expect(await b.claim(8, 'client-b', false)).toBe(false);
  });

  it('counts rate-limit hits of every instance in one fixed window', async () => {
    const a = redisRateLimiter(one, log);
    const b = redisRateLimiter(two, log);
    const hits = [await a.hit('ip:1', 3, 1000), await b.hit('ip:1', 3, 1000), await a.hit('ip:1', 3, 1000), await b.hit('ip:1', 3, 1000)];
    expect(hits).toEqual([true, true, true, false]);
    const ttl = await admin.pttl(`${prefix}rate:1000:ip:1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1000);
    await sleep(1050);
    expect(await b.hit('ip:1', 3, 1000)).toBe(true);
    await a.hit('ip:1', 1, 1000);
    expect(await b.hit('ip:1', 1, 1000)).toBe(false);
    await a.reset('ip:1', 1000);
    expect(await b.hit('ip:1', 1, 1000)).toBe(true);
  });

  it("refuses one instance's flood exactly past the limit, though hits far below it do not wait for Redis", async () => {
    const a = redisRateLimiter(one, log);
    const burst = await Promise.all(Array.from({ length: 30 }, () => a.hitEager('flood:1', 20, 5000)));
    expect(burst.filter(Boolean)).toHaveLength(20);
    expect(await a.count('flood:1', 5000)).toBe(30);
    const sequential = [];
    for (let i = 0; i < 12; i++) sequential.push(await a.hitEager('flood:2', 10, 5000));
    expect(sequential).toEqual([...Array<boolean>(10).fill(true), false, false]);
    // A hit let through at once is still counted: another instance sees it.
    const b = redisRateLimiter(two, log);
    expect(await a.hitEager('flood:3', 10, 5000)).toBe(true);
    await expect.poll(() => b.count('flood:3', 5000)).toBe(1);
  });

  it("keeps two instances' hits at once within ⌊limit / 2⌋ each past the limit", async () => {
    const [a, b] = [redisRateLimiter(one, log), redisRateLimiter(two, log)];
    const hits = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).hitEager('spread:1', 10, 5000)));
    const passed = hits.filter(Boolean).length;
    expect(passed).toBeGreaterThanOrEqual(10);
    expect(passed).toBeLessThanOrEqual(20);
    // Once both know the count, neither lets another through.
    expect(await a.hit('spread:1', 10, 5000)).toBe(false);
    expect(await b.hitEager('spread:1', 10, 5000)).toBe(false);
  });

  it('gives a reserved hit back, never below zero and never into a window that ended', async () => {
    const a = redisRateLimiter(one, log);
    await a.hit('rel:1', 2, 5000);
    await a.hit('rel:1', 2, 5000);
    await a.release('rel:1', 5000);
    expect(await a.count('rel:1', 5000)).toBe(1);
    await a.release('rel:1', 5000);
    await a.release('rel:1', 5000);
    expect(await a.count('rel:1', 5000)).toBe(0);
    await a.release('rel:never', 5000);
    expect(await admin.exists(`${prefix}rate:5000:rel:never`)).toBe(0);
  });

  it('checks only the reserved few of 200 concurrent logins spread over two instances', async () => {
    const throttles = [new LoginThrottle(redisRateLimiter(one, log), { failuresPerIpPerMinute: 10 }), new LoginThrottle(redisRateLimiter(two, log), { failuresPerIpPerMinute: 10 })];
    let checked = 0;
    const wrong = async () => {
      checked++;
      await sleep(20);
      return null;
    };
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => throttles[i % 2]!.attempt('merchant', 'victim', '192.0.2.1', wrong)));
    // Five per account and address, whichever instance answered.
    expect(checked).toBe(5);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(195);
    // The real user, from another address, is checked and let in.
    expect(await throttles[1]!.attempt('merchant', 'victim', '192.0.2.2', async () => 'ok')).toBe('ok');
  });

  it('delivers events published on one instance to subscribers on every instance of the same prefix only', async () => {
    const [busOne, busTwo, busOther] = await Promise.all([createRedisEventBus(one, log), createRedisEventBus(two, log), createRedisEventBus(other, log)]);
    const heard = (bus: EventBus) => {
      const got: SessionChangedEvent[] = [];
      const it = bus.subscribe('SESSION_CHANGED');
      void (async () => {
        for await (const e of it) got.push(e);
      })();
      return { got, stop: () => void it.return?.() };
    };
    const [onOne, onTwo, onOther] = [heard(busOne), heard(busTwo), heard(busOther)];
    const event: SessionChangedEvent = { merchantId: 1, staffId: 2, sessionId: 3, contactId: 4, kind: 'opened', status: 'ai', previousStatus: null, agentId: null, previousAgentId: null, eventSeq: 0 };
    busOne.publish('SESSION_CHANGED', event);
    await expect.poll(() => onTwo.got).toEqual([event]);
    await expect.poll(() => onOne.got).toEqual([event]);
    await sleep(100);
    expect(onOther.got).toEqual([]);
    [onOne, onTwo, onOther].forEach((s) => s.stop());
  });
});

import { describe, expect, it } from 'vitest';
import { memoryRateLimiter } from '../../src/core/rate-limit.js';

describe('memoryRateLimiter', () => {
  it('counts hits per key and window, refusing past the limit', async () => {
    const limiter = memoryRateLimiter();
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await limiter.hit('a', 3, 60_000));
    expect(hits).toEqual([true, true, true, false]);
    expect(await limiter.hit('b', 3, 60_000)).toBe(true);
    // Another window is another counter.
    expect(await limiter.count('a', 1_000)).toBe(0);
    expect(await limiter.count('a', 60_000)).toBe(4);
  });

  it('gives a hit back never below zero, and resets a key', async () => {
    const limiter = memoryRateLimiter();
    await limiter.hit('r', 2, 60_000);
    await limiter.release('r', 60_000);
    await limiter.release('r', 60_000);
    expect(await limiter.count('r', 60_000)).toBe(0);
    await limiter.release('never', 60_000);
    expect(await limiter.count('never', 60_000)).toBe(0);
    await limiter.hit('r', 1, 60_000);
    expect(await limiter.hit('r', 1, 60_000)).toBe(false);
    await limiter.reset('r', 60_000);
    expect(await limiter.hit('r', 1, 60_000)).toBe(true);
  });

  it('starts a new window once the old one ended', async () => {
    const limiter = memoryRateLimiter();
    expect(await limiter.hit('w', 1, 1_000)).toBe(true);
    expect(await limiter.hit('w', 1, 1_000)).toBe(false);
    await new Promise((r) => setTimeout(r, 1_050));
    expect(await limiter.hit('w', 1, 1_000)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';

describe('Redis configuration', () => {
  it('stays in-process without REDIS_URL and takes redis:// or rediss:// with it', () => {
    expect(loadConfig({})).toMatchObject({ redisUrl: undefined, redisPrefix: 'cs:' });
    expect(loadConfig({ REDIS_URL: 'redis://:pw@10.0.0.5:6379/2', REDIS_PREFIX: 'shop-a:' })).toMatchObject({ redisUrl: 'redis://:pw@10.0.0.5:6379/2', redisPrefix: 'shop-a:' });
    expect(loadConfig({ REDIS_URL: 'rediss://cache.example.com:6380' }).redisUrl).toBe('rediss://cache.example.com:6380');
  });

  it('refuses another scheme and a prefix that is not a plain key part', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL: must be a URL starting with redis:\/\/ or rediss:\/\//);
    expect(() => loadConfig({ REDIS_URL: 'not a url' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ REDIS_PREFIX: 'has space' })).toThrow(/REDIS_PREFIX/);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/core/config.js';

describe('configuration', () => {
  it('has embedded defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      publicUrl: 'http://localhost:8080',
      timezone: 'Asia/Shanghai',
      smtpUrl: undefined,
      graphqlMaxDepth: 15,
    });
  });

  it('treats empty strings as unset and trims PUBLIC_URL', () => {
    const c = loadConfig({ DATABASE_URL: '', PUBLIC_URL: 'https://cs.example.com/', PORT: '9000' });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.publicUrl).toBe('https://cs.example.com');
  });

  it('reads TRUST_PROXY in Express syntax, trusting no hop by default', () => {
    const trusts = (value: string | undefined, address: string, hop = 0) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy(address, hop);
    expect(trusts(undefined, '127.0.0.1')).toBe(false);
    expect(trusts('false', '127.0.0.1')).toBe(false);
    expect(trusts('true', '203.0.113.9', 5)).toBe(true);
    expect([trusts('2', '203.0.113.9', 0), trusts('2', '203.0.113.9', 1), trusts('2', '203.0.113.9', 2)]).toEqual([true, true, false]);
    expect([trusts('loopback', '127.0.0.1'), trusts('loopback', '10.0.0.1')]).toEqual([true, false]);
    expect([trusts('10.0.0.0/8, 192.168.1.7', '10.2.3.4'), trusts('10.0.0.0/8, 192.168.1.7', '192.168.1.7'), trusts('10.0.0.0/8, 192.168.1.7', '192.168.1.8')]).toEqual([true, true, false]);
    expect(() => loadConfig({ TRUST_PROXY: 'sometimes' })).toThrow(/TRUST_PROXY: must be true, false, a hop count/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
  });

  it('bounds every outside wait by default, and keeps an instance timeout above two sweeps', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ dbStatementTimeoutMs: 15_000, smtpTimeoutMs: 15_000, redisCommandTimeoutMs: 1_000, wsMaxBufferedBytes: 4 * 1024 * 1024, sweepIntervalMs: 15_000, instanceTimeoutMs: 60_000 });
    expect(loadConfig({ LLM_BASE_URL: 'http://localhost:11434/v1', LLM_MODEL: 'qwen' }).knowledge.llm).toMatchObject({ totalTimeoutMs: 120_000, maxTokens: 1024 });
    expect(loadConfig({ DB_STATEMENT_TIMEOUT_MS: '0' }).dbStatementTimeoutMs).toBe(0);
    expect(() => loadConfig({ SWEEP_INTERVAL_MS: '1000', INSTANCE_TIMEOUT_MS: '1500' })).toThrow(/INSTANCE_TIMEOUT_MS: must be at least twice SWEEP_INTERVAL_MS/);
    expect(() => loadConfig({ REDIS_COMMAND_TIMEOUT_MS: '0', WS_MAX_BUFFERED_BYTES: '10' })).toThrow(/REDIS_COMMAND_TIMEOUT_MS[\s\S]*WS_MAX_BUFFERED_BYTES/);
  });

  it('reads the metrics settings: a token of at least 16 characters, a port', () => {
    expect(loadConfig({})).toMatchObject({ metricsToken: undefined, metricsPort: undefined });
    expect(loadConfig({ METRICS_TOKEN: 'a-metrics-token-of-20', METRICS_PORT: '9464' })).toMatchObject({ metricsToken: 'a-metrics-token-of-20', metricsPort: 9464 });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
    expect(() => loadConfig({ METRICS_PORT: 'nine' })).toThrow(/METRICS_PORT: must be a whole number/);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: '70000', SMTP_URL: 'http://mail', LOG_LEVEL: 'loud', ADMIN_PASSWORD: 'x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT: must be at most 65535');
      expect(problems).toContain('SMTP_URL: must be a URL starting with smtp:// or smtps://');
      expect(problems).toContain('LOG_LEVEL');
      expect(problems).toContain('ADMIN_USER and ADMIN_PASSWORD must be set together');
    }
  });
});

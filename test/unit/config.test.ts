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

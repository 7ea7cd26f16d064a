import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/core/config.js';
import { SecretBox, maskSecret } from '../../../src/services/channel/secret-box.js';

describe('channel secrets at rest', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('seals reversibly, differently each time, and refuses a tampered or foreign seal', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cs-box-'));
    const box = SecretBox.fromConfig(undefined, dir);
    const a = box.seal('gateway-secret-123');
    expect(a).not.toContain('gateway-secret-123');
    expect(box.seal('gateway-secret-123')).not.toBe(a);
    expect(box.open(a)).toBe('gateway-secret-123');
    const raw = Buffer.from(a.slice(3), 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    const tampered = `v1:${raw.toString('base64')}`;
    expect(() => box.open(tampered)).toThrow();
    expect(() => SecretBox.fromConfig(Buffer.alloc(32, 7), dir!).open(a)).toThrow();

    // The key made on first start is kept (0600) and used again.
    const file = path.join(dir, 'channel-secret.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).length).toBe(64);
    expect(SecretBox.fromConfig(undefined, dir).open(a)).toBe('gateway-secret-123');
  });

  it('masks', () => {
    expect(maskSecret('gateway-secret-123')).toBe('ga****23');
    expect(maskSecret('short')).toBe('****');
    expect(maskSecret(null)).toBe('');
  });

  it('reads CHANNEL_SECRET_KEY as 32 bytes, hex or base64, and the retry settings', () => {
    const hex = 'ab'.repeat(32);
    const c = loadConfig({ CHANNEL_SECRET_KEY: hex, CHANNEL_RETRY_BASE_MS: '50', WECOM_API_BASE: 'http://127.0.0.1:9/' }).channels;
    expect(c.secretKey).toEqual(Buffer.from(hex, 'hex'));
    expect(c).toMatchObject({ retryBaseMs: 50, retryMaxMs: 300_000, giveUpMs: 86_400_000, wecomApiBase: 'http://127.0.0.1:9' });
    expect(loadConfig({ CHANNEL_SECRET_KEY: Buffer.alloc(32, 1).toString('base64') }).channels.secretKey).toEqual(Buffer.alloc(32, 1));
    expect(loadConfig({}).channels.wecomApiBase).toBe('https://qyapi.weixin.qq.com');
    expect(() => loadConfig({ CHANNEL_SECRET_KEY: 'too-short' })).toThrow(ConfigError);
    expect(() => loadConfig({ WECOM_API_BASE: 'ftp://x' })).toThrow(ConfigError);
  });
});

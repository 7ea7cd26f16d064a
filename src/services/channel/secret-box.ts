import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PREFIX = 'v1:';

/**
 * Channel secrets at rest: AES-256-GCM, reversible because they sign and decrypt
 * callbacks. The key is CHANNEL_SECRET_KEY, or else a random key kept in
 * DATA_DIR/channel-secret.key (made on first start, mode 0600). Instances sharing
 * one database must share the key.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromConfig(configured: Buffer | undefined, dataDir: string): SecretBox {
    if (configured) return new SecretBox(configured);
    const file = path.join(dataDir, 'channel-secret.key');
    try {
      return new SecretBox(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    mkdirSync(dataDir, { recursive: true });
    const key = randomBytes(32);
    try {
      writeFileSync(file, key.toString('hex'), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      // Another process made it first: use that one.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return new SecretBox(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
      throw err;
    }
    chmodSync(file, 0o600);
    return new SecretBox(key);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
  }

  open(sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed channel secret');
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}

/** How a secret is shown: its first and last two characters, or only stars when short. */
export function maskSecret(plain: string | null): string {
  if (!plain) return '';
  return plain.length >= 8 ? `${plain.slice(0, 2)}****${plain.slice(-2)}` : '****';
}

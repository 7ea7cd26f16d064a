import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt with N=2^15, r=8 costs ~32 MiB and tens of milliseconds per hash: slow for guessing, fine per login.
const PARAMS = { N: 1 << 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scrypt(secret: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(secret, salt, KEY_LENGTH, { ...opts, maxmem: 128 * opts.N! * opts.r! * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Hashes what the client sent (the seed's clients send an MD5 hex) into `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies against the account's hash, or against a throw-away one when there is no account, so an
 * unknown user name costs the same time as a wrong password and does not reveal itself.
 */
export async function verifyPasswordOrDummy(secret: string, stored: string | undefined): Promise<boolean> {
  if (stored) return verifyPassword(secret, stored);
  dummyHash ??= hashPassword('dummy password, never matches');
  await verifyPassword(secret, await dummyHash);
  return false;
}

export async function verifyPassword(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(secret, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

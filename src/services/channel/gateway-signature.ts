import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The gateways' signature (DESIGN.md "Channels"): hex HMAC-SHA256 with the channel's
 * secret over `timestamp + "\n" + nonce + "\n" + raw body`, in both directions.
 */
export function gatewaySignature(secret: string, timestamp: string, nonce: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n`).update(body).digest('hex');
}

export function gatewaySignatureMatches(secret: string, timestamp: string, nonce: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(gatewaySignature(secret, timestamp, nonce, body), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(expected, given);
}

/** Headers of a signed request to a gateway; a fresh timestamp and nonce each time. */
export function signedHeaders(secret: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  return { 'X-Timestamp': timestamp, 'X-Nonce': nonce, 'X-Signature': gatewaySignature(secret, timestamp, nonce, body) };
}

/** Retry delay after the n-th failed attempt: base, doubling, capped. */
export function retryDelayMs(failedAttempts: number, baseMs: number, maxMs: number): number {
  return Math.min(baseMs * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 40), maxMs);
}

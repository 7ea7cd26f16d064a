import { z } from 'zod';
import { intVar, optionalString, urlVar } from '../env-vars.js';

/** Channel callbacks and outbound delivery (WeCom and the generic gateways). */
export interface ChannelConfig {
  /** Base of the WeCom server API (gettoken, message/send, media/get). */
  wecomApiBase: string;
  /** 32-byte key that encrypts channel secrets at rest; unset: a key file under DATA_DIR is made and used. */
  secretKey?: Buffer;
  /** First retry delay; each further one doubles it. */
  retryBaseMs: number;
  /** Retry delays never exceed this. */
  retryMaxMs: number;
  /** A delivery still refused this long after it was queued is marked failed. */
  giveUpMs: number;
  /** One delivery attempt (HTTP request and answer). */
  httpTimeoutMs: number;
  /** How often an idle delivery worker looks for due deliveries. */
  pollMs: number;
  /** Delivery workers in this process; 0 leaves delivery to other instances. */
  deliveryConcurrency: number;
  /** A gateway callback's X-Timestamp may be this far from the server's clock. */
  callbackMaxSkewSeconds: number;
  /** Largest callback body accepted. */
  callbackMaxBytes: number;
  /** Largest WeCom media file fetched into file storage. */
  mediaMaxBytes: number;
}

const secretKey = optionalString.refine((v) => v === undefined || keyBytes(v) !== null, {
  message: 'must be 32 bytes as 64 hex digits or base64',
});

/** Spread into the environment schema of src/core/config.ts. */
export const channelEnvShape = {
  WECOM_API_BASE: urlVar(['http:', 'https:']),
  CHANNEL_SECRET_KEY: secretKey,
  CHANNEL_RETRY_BASE_MS: intVar(1000, 10, 3_600_000),
  CHANNEL_RETRY_MAX_SECONDS: intVar(300, 1, 86_400),
  CHANNEL_RETRY_GIVE_UP_SECONDS: intVar(86_400, 1, 30 * 86_400),
  CHANNEL_HTTP_TIMEOUT_MS: intVar(10_000, 100, 120_000),
  CHANNEL_POLL_MS: intVar(500, 20, 60_000),
  CHANNEL_DELIVERY_CONCURRENCY: intVar(4, 0, 64),
};

type ChannelEnv = z.output<z.ZodObject<typeof channelEnvShape>>;

function keyBytes(v: string): Buffer | null {
  if (/^[0-9a-f]{64}$/i.test(v)) return Buffer.from(v, 'hex');
  const b = Buffer.from(v, 'base64');
  return b.length === 32 ? b : null;
}

export function channelConfigFrom(e: ChannelEnv, uploadMaxBytes: number): ChannelConfig {
  return {
    wecomApiBase: (e.WECOM_API_BASE ?? 'https://qyapi.weixin.qq.com').replace(/\/+$/, ''),
    secretKey: e.CHANNEL_SECRET_KEY ? (keyBytes(e.CHANNEL_SECRET_KEY) ?? undefined) : undefined,
    retryBaseMs: e.CHANNEL_RETRY_BASE_MS,
    retryMaxMs: e.CHANNEL_RETRY_MAX_SECONDS * 1000,
    giveUpMs: e.CHANNEL_RETRY_GIVE_UP_SECONDS * 1000,
    httpTimeoutMs: e.CHANNEL_HTTP_TIMEOUT_MS,
    pollMs: e.CHANNEL_POLL_MS,
    deliveryConcurrency: e.CHANNEL_DELIVERY_CONCURRENCY,
    callbackMaxSkewSeconds: 300,
    callbackMaxBytes: 1024 * 1024,
    mediaMaxBytes: uploadMaxBytes,
  };
}

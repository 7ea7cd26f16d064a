import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { boolVar, intVar, optionalString, urlVar } from '../env-vars.js';

/**
 * Payment settings. Each provider is switched on by its credentials: all of a
 * provider's required variables set, or none. A pay_type with no provider
 * configured goes through the built-in sandbox while no real provider is configured (PAYMENT_SANDBOX
 * overrides either way).
 */
export interface PaymentConfig {
  /** An unpaid trade closes (state 2) this long after it was created. */
  timeoutSeconds: number;
  /** First wait before asking a provider again to close an order it would not close (doubling, 3 tries). */
  closeRetrySeconds: number;
  /** Serve the sandbox for pay types with no provider; off in a production that must never take free "payments". */
  sandbox: boolean;
  stripe?: { secretKey: string; webhookSecret: string; apiBase?: string };
  /** Public-key mode (Alipay's public key) or certificate mode (the three certificates, PEM). */
  alipay?: { appId: string; privateKeyPem: string; gateway: string } & (
    | { alipayPublicKeyPem: string }
    | { certificates: { app: string; alipayPublic: string; alipayRoot: string } }
  );
  wxpay?: {
    mchId: string;
    appId: string;
    apiV3Key: string;
    /** Serial number of the merchant API certificate, sent in every request's Authorization. */
    serialNo: string;
    privateKeyPem: string;
    /** WeChat Pay's public key (or platform certificate key) that signs responses and notifications. */
    platformPublicKeyPem: string;
    /** When set, a response or notification naming another key in Wechatpay-Serial is refused. */
    platformSerial?: string;
    apiBase: string;
  };
}

/** Spread into the environment schema of src/core/config.ts. */
export const paymentEnvShape = {
  PAYMENT_TIMEOUT_SECONDS: intVar(1800, 1, 7 * 24 * 3600),
  PAYMENT_CLOSE_RETRY_SECONDS: intVar(60, 1, 86_400),
  PAYMENT_SANDBOX: boolVar(undefined),
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_BASE: urlVar(['http:', 'https:']),
  ALIPAY_APP_ID: optionalString,
  ALIPAY_PRIVATE_KEY: optionalString,
  ALIPAY_PUBLIC_KEY: optionalString,
  ALIPAY_APP_CERT: optionalString,
  ALIPAY_PUBLIC_CERT: optionalString,
  ALIPAY_ROOT_CERT: optionalString,
  ALIPAY_GATEWAY: urlVar(['http:', 'https:']),
  WXPAY_MCH_ID: optionalString,
  WXPAY_APP_ID: optionalString,
  WXPAY_API_V3_KEY: optionalString,
  WXPAY_SERIAL_NO: optionalString,
  WXPAY_PRIVATE_KEY: optionalString,
  WXPAY_PLATFORM_PUBLIC_KEY: optionalString,
  WXPAY_PLATFORM_SERIAL: optionalString,
  WXPAY_API_BASE: urlVar(['http:', 'https:']),
};

type PaymentEnv = z.output<z.ZodObject<typeof paymentEnvShape>>;

const groups: Record<string, (keyof PaymentEnv)[]> = {
  Stripe: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
  Alipay: ['ALIPAY_APP_ID', 'ALIPAY_PRIVATE_KEY'],
  'WeChat Pay': ['WXPAY_MCH_ID', 'WXPAY_APP_ID', 'WXPAY_API_V3_KEY', 'WXPAY_SERIAL_NO', 'WXPAY_PRIVATE_KEY', 'WXPAY_PLATFORM_PUBLIC_KEY'],
};

/**
 * Checks across variables, run by loadConfig on the raw environment (empty
 * values already dropped): half-configured providers and unreadable keys are
 * refused at start. Each problem reads "NAME: message".
 */
export function checkPaymentEnv(raw: Record<string, string | undefined>): string[] {
  const env = (k: string) => raw[k]?.trim() || undefined;
  const problems: string[] = [];
  for (const [provider, keys] of Object.entries(groups)) {
    const missing = keys.filter((k) => !env(k));
    if (missing.length > 0 && missing.length < keys.length) {
      problems.push(`${missing[0]}: ${provider} needs all of ${keys.join(', ')}; missing ${missing.join(', ')}`);
    }
  }
  problems.push(...checkAlipayMode(env));
  const keyChecks: [keyof PaymentEnv, 'private' | 'public'][] = [
    ['ALIPAY_PRIVATE_KEY', 'private'],
    ['ALIPAY_PUBLIC_KEY', 'public'],
    ['WXPAY_PRIVATE_KEY', 'private'],
    ['WXPAY_PLATFORM_PUBLIC_KEY', 'public'],
  ];
  for (const [name, kind] of keyChecks) {
    const value = env(name);
    if (value && !readKey(value, kind)) {
      problems.push(`${name}: must be an RSA ${kind} key: PEM text, its base64 body, or the path of a PEM file`);
    }
  }
  const v3 = env('WXPAY_API_V3_KEY');
  if (v3 && Buffer.byteLength(v3) !== 32) problems.push('WXPAY_API_V3_KEY: must be the 32-character API v3 key');
  const sk = env('STRIPE_SECRET_KEY');
  if (sk && !/^(sk|rk)_/.test(sk)) problems.push('STRIPE_SECRET_KEY: must be a Stripe secret key (sk_… or rk_…)');
  const whsec = env('STRIPE_WEBHOOK_SECRET');
  if (whsec && !whsec.startsWith('whsec_')) problems.push('STRIPE_WEBHOOK_SECRET: must be a webhook signing secret (whsec_…)');
  return problems;
}

const ALIPAY_CERTS = ['ALIPAY_APP_CERT', 'ALIPAY_PUBLIC_CERT', 'ALIPAY_ROOT_CERT'] as const;

/** Alipay needs its public key, or all three certificates, each readable; never both modes at once. */
function checkAlipayMode(env: (k: string) => string | undefined): string[] {
  if (!env('ALIPAY_APP_ID')) return [];
  const certs = ALIPAY_CERTS.filter((k) => env(k));
  if (certs.length > 0 && env('ALIPAY_PUBLIC_KEY')) return ['ALIPAY_PUBLIC_KEY: set either ALIPAY_PUBLIC_KEY or the three certificates, not both'];
  if (certs.length > 0 && certs.length < ALIPAY_CERTS.length) {
    return [`${ALIPAY_CERTS.find((k) => !env(k))}: certificate mode needs all of ${ALIPAY_CERTS.join(', ')}`];
  }
  if (certs.length === 0 && !env('ALIPAY_PUBLIC_KEY')) return ['ALIPAY_PUBLIC_KEY: Alipay needs ALIPAY_PUBLIC_KEY, or ALIPAY_APP_CERT, ALIPAY_PUBLIC_CERT and ALIPAY_ROOT_CERT'];
  return certs.filter((k) => !readCertificates(env(k)!)).map((k) => `${k}: must be a PEM certificate (text or the path of a file)`);
}

/** PEM certificate text (`\n` allowed) or the path of a PEM file; undefined unless every certificate in it parses. */
export function readCertificates(value: string): string | undefined {
  let text = value.trim();
  if (!text.includes('-----BEGIN') && /^[./]/.test(text) && existsSync(text)) text = readFileSync(text, 'utf8');
  text = text.replace(/\\n/g, '\n').trim();
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (!blocks) return undefined;
  try {
    for (const block of blocks) new X509Certificate(block);
  } catch {
    return undefined;
  }
  return text;
}

export function paymentConfigFrom(env: PaymentEnv): PaymentConfig {
  const pem = (value: string | undefined, kind: 'private' | 'public') => {
    const key = value ? readKey(value, kind) : undefined;
    return key ? (key.export({ type: kind === 'private' ? 'pkcs8' : 'spki', format: 'pem' }) as string) : undefined;
  };
  const config: PaymentConfig = { timeoutSeconds: env.PAYMENT_TIMEOUT_SECONDS, closeRetrySeconds: env.PAYMENT_CLOSE_RETRY_SECONDS, sandbox: false };
  if (env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET) {
    config.stripe = { secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET, apiBase: env.STRIPE_API_BASE };
  }
  const alipayPrivate = pem(env.ALIPAY_PRIVATE_KEY, 'private');
  const alipayPublic = pem(env.ALIPAY_PUBLIC_KEY, 'public');
  const [appCert, publicCert, rootCert] = ALIPAY_CERTS.map((k) => (env[k] ? readCertificates(env[k]) : undefined));
  if (env.ALIPAY_APP_ID && alipayPrivate) {
    const base = { appId: env.ALIPAY_APP_ID, privateKeyPem: alipayPrivate, gateway: env.ALIPAY_GATEWAY ?? 'https://openapi.alipay.com/gateway.do' };
    if (appCert && publicCert && rootCert) config.alipay = { ...base, certificates: { app: appCert, alipayPublic: publicCert, alipayRoot: rootCert } };
    else if (alipayPublic) config.alipay = { ...base, alipayPublicKeyPem: alipayPublic };
  }
  const wxPrivate = pem(env.WXPAY_PRIVATE_KEY, 'private');
  const wxPlatform = pem(env.WXPAY_PLATFORM_PUBLIC_KEY, 'public');
  if (env.WXPAY_MCH_ID && env.WXPAY_APP_ID && env.WXPAY_API_V3_KEY && env.WXPAY_SERIAL_NO && wxPrivate && wxPlatform) {
    config.wxpay = {
      mchId: env.WXPAY_MCH_ID,
      appId: env.WXPAY_APP_ID,
      apiV3Key: env.WXPAY_API_V3_KEY,
      serialNo: env.WXPAY_SERIAL_NO,
      privateKeyPem: wxPrivate,
      platformPublicKeyPem: wxPlatform,
      platformSerial: env.WXPAY_PLATFORM_SERIAL,
      apiBase: (env.WXPAY_API_BASE ?? 'https://api.mch.weixin.qq.com').replace(/\/+$/, ''),
    };
  }
  // A server that takes real money never also takes free sandbox "payments", unless told to.
  config.sandbox = env.PAYMENT_SANDBOX ?? !(config.stripe || config.alipay || config.wxpay);
  return config;
}

/**
 * Keys arrive as PEM text (newlines may be written as `\n`), as the bare base64
 * body the Alipay and WeChat consoles show, or as the path of a PEM file.
 */
export function readKey(value: string, kind: 'private' | 'public'): KeyObject | undefined {
  let text = value.trim();
  if (!text.includes('-----BEGIN') && /^[./]/.test(text) && existsSync(text)) text = readFileSync(text, 'utf8').trim();
  try {
    if (text.includes('-----BEGIN')) {
      const pem = text.replace(/\\n/g, '\n');
      return kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
    }
    const der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
    const attempts =
      kind === 'private'
        ? (['pkcs8', 'pkcs1'] as const).map((type) => () => createPrivateKey({ key: der, format: 'der', type }))
        : (['spki', 'pkcs1'] as const).map((type) => () => createPublicKey({ key: der, format: 'der', type }));
    for (const attempt of attempts) {
      try {
        return attempt();
      } catch {
        // try the next encoding
      }
    }
    return undefined;
  } catch {
    return undefined;
  }
}

import { execFileSync } from 'node:child_process';
import { createCipheriv, createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app.js';

export interface KeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** A fresh RSA-2048 key pair, as Alipay and WeChat Pay use. */
export function rsaKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export type FakeHandler = (req: RecordedRequest) => FakeReply | Promise<FakeReply>;

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  /** Replaces how the server answers. */
  handle(handler: FakeHandler): void;
  close(): Promise<void>;
}

/** A real HTTP server on a random port standing in for a provider's API; it records every request. */
export async function startFakeServer(initial: FakeHandler = () => ({ status: 404 })): Promise<FakeServer> {
  let handler = initial;
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      Promise.resolve(handler(recorded))
        .then((reply) => {
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
          res.end(reply.body ?? '');
        })
        .catch((err: Error) => {
          res.writeHead(500);
          res.end(err.message);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (h) => (handler = h),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------- Alipay ----------
// The fake gateway's own RSA2 code, written from Alipay's documentation and independent of the
// alipay-sdk the product signs with, so a test checks the SDK's output rather than repeating it.

/** The string Alipay signs: every non-empty parameter except the excluded ones, sorted, `k=v` joined with `&`. */
export function alipaySignContent(params: Record<string, string | undefined>, exclude: readonly string[] = ['sign']): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k) && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

export function rsa2Sign(content: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKeyPem, 'base64');
}

export function rsa2Verify(content: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(content, 'utf8').verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}

/**
 * Alipay's certificate mode: a root CA, and the app's and Alipay's certificates it issued, made by
 * the openssl command line (Debian's). The Alipay certificate carries `alipay`'s key pair.
 */
export function alipayCertificates(app: KeyPair, alipay: KeyPair): { app: string; alipayPublic: string; alipayRoot: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'alipay-certs-'));
  const file = (name: string, text?: string) => {
    const p = path.join(dir, name);
    if (text !== undefined) writeFileSync(p, text);
    return p;
  };
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30', '-subj', '/C=CN/O=Test Alipay Root/CN=Test Root CA', '-keyout', file('root.key'), '-out', file('root.pem'));
    const issue = (name: string, keys: KeyPair, subject: string) => {
      ssl('req', '-new', '-key', file(`${name}.key`, keys.privateKeyPem), '-subj', subject, '-out', file(`${name}.csr`));
      ssl('x509', '-req', '-sha256', '-days', '30', '-in', file(`${name}.csr`), '-CA', file('root.pem'), '-CAkey', file('root.key'), '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-out', file(`${name}.pem`));
      return readFileSync(file(`${name}.pem`), 'utf8');
    };
    return {
      app: issue('app', app, '/C=CN/O=Test Merchant/CN=2021000000000001'),
      alipayPublic: issue('alipay', alipay, '/C=CN/O=Test Alipay/CN=Alipay Public Key'),
      alipayRoot: readFileSync(file('root.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An Alipay gateway answer: `{"<method>_response": {...}, "sign": "..."}` signed by "Alipay". */
export function alipayAnswer(method: string, node: Record<string, unknown>, alipayPrivateKeyPem: string): string {
  const nodeText = JSON.stringify(node);
  return `{"${method.replace(/\./g, '_')}_response":${nodeText},"sign":"${rsa2Sign(nodeText, alipayPrivateKeyPem)}"}`;
}

/** An asynchronous notification as Alipay posts it: form-encoded, RSA2-signed over everything but sign and sign_type. */
export function alipayNotification(params: Record<string, string>, alipayPrivateKeyPem: string): string {
  const all: Record<string, string> = {
    notify_time: '2026-11-21 20:00:00',
    notify_type: 'trade_status_sync',
    notify_id: randomBytes(8).toString('hex'),
    charset: 'utf-8',
    version: '1.0',
    ...params,
  };
  const sign = rsa2Sign(alipaySignContent(all, ['sign', 'sign_type']), alipayPrivateKeyPem);
  return new URLSearchParams({ ...all, sign_type: 'RSA2', sign }).toString();
}

// ---------- WeChat Pay ----------

/** Signs as WeChat Pay does: SHA256withRSA over `timestamp\nnonce\nbody\n`. */
export function wxpaySignedHeaders(body: string, platformPrivateKeyPem: string, opts: { serial?: string; timestamp?: number } = {}) {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).sign(platformPrivateKeyPem, 'base64');
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': signature,
    'wechatpay-serial': opts.serial ?? 'PUB_KEY_ID_TEST',
  };
}

/** A TRANSACTION.SUCCESS notification: the transaction encrypted with AES-256-GCM under the API v3 key. */
export function wxpayNotification(transaction: Record<string, unknown>, apiV3Key: string): string {
  const nonce = randomBytes(6).toString('hex');
  const associatedData = 'transaction';
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(transaction), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
  return JSON.stringify({
    id: randomBytes(8).toString('hex'),
    create_time: new Date().toISOString(),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: associatedData, nonce },
  });
}

/** Parses a WeChat Pay v3 Authorization header into its fields. */
export function parseWxAuthorization(value: string): Record<string, string> {
  const m = /^WECHATPAY2-SHA256-RSA2048 (.*)$/.exec(value);
  if (!m) return {};
  return Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1]!, x[2]!]));
}

// ---------- app helpers ----------

/** POSTs a raw notification to the app. */
export async function notify(t: TestApp, provider: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/api/v1/pay/notify/${provider}`, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

/** Reads a staff's paid expiry straight from the database. */
export async function staffExpiry(t: TestApp, staffId: number): Promise<Date | null> {
  const rows = await t.app.orm.em.fork().getConnection().execute('select expiring_time from staff where id = ?', [staffId]);
  const v = rows[0]?.expiring_time;
  return v ? new Date(v) : null;
}

/** Reads a trade's row straight from the database. */
export async function tradeRow(t: TestApp, tradeNo: string): Promise<Record<string, any>> {
  const rows = await t.app.orm.em.fork().getConnection().execute('select * from trade where trade_no = ?', [tradeNo]);
  if (!rows[0]) throw new Error(`no trade ${tradeNo}`);
  return rows[0];
}

/** Polls until `check` passes or the deadline: for outcomes of background jobs, without asserting on timing. */
export async function eventually<T>(probe: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (check(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const DAY_MS = 86_400_000;

import { createCipheriv, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { alipayCertificates, rsa2Sign, rsa2Verify } from '../support/payment-fakes.js';
import { ConfigError, loadConfig } from '../../src/core/config.js';
import { readCertificates } from '../../src/core/payment/payment-config.js';
import { beijingRfc3339, wxpayAuthorization, wxpayDecrypt, wxpayVerify } from '../../src/services/payment/wechat-pay.provider.js';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    pkcs1Body: (privateKey.export({ type: 'pkcs1', format: 'der' }) as Buffer).toString('base64'),
  };
}
const keys = keyPair();
const other = keyPair();

describe('WeChat Pay v3', () => {
  it('builds an Authorization header whose signature covers method, path, time, nonce and body', () => {
    const header = wxpayAuthorization({ method: 'POST', urlPath: '/v3/pay/transactions/native', body: '{"a":1}', mchId: '1900000001', serialNo: 'SERIAL', privateKeyPem: keys.privateKeyPem, timestamp: 1700000000, nonce: 'n0nce' });
    const fields = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    expect(header.startsWith('WECHATPAY2-SHA256-RSA2048 ')).toBe(true);
    expect(fields).toMatchObject({ mchid: '1900000001', serial_no: 'SERIAL', timestamp: '1700000000', nonce_str: 'n0nce' });
    const ok = createVerify('RSA-SHA256').update('POST\n/v3/pay/transactions/native\n1700000000\nn0nce\n{"a":1}\n').verify(keys.publicKeyPem, fields.signature!, 'base64');
    expect(ok).toBe(true);
  });

  it('verifies timestamp\\nnonce\\nbody\\n signatures', () => {
    const sig = rsa2Sign('1700000000\nabc\n{"x":1}\n', keys.privateKeyPem);
    expect(wxpayVerify({ timestamp: '1700000000', nonce: 'abc', body: '{"x":1}', signature: sig, publicKeyPem: keys.publicKeyPem })).toBe(true);
    expect(wxpayVerify({ timestamp: '1700000001', nonce: 'abc', body: '{"x":1}', signature: sig, publicKeyPem: keys.publicKeyPem })).toBe(false);
    expect(wxpayVerify({ timestamp: '1700000000', nonce: 'abc', body: '{"x":1}', signature: sig, publicKeyPem: other.publicKeyPem })).toBe(false);
  });

  it('decrypts AEAD_AES_256_GCM resources and refuses altered ones', () => {
    const key = 'abcdefghijklmnopqrstuvwxyz012345';
    const nonce = randomBytes(6).toString('hex');
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.from(nonce));
    cipher.setAAD(Buffer.from('transaction'));
    const ct = Buffer.concat([cipher.update('{"out_trade_no":"NO1"}'), cipher.final(), cipher.getAuthTag()]);
    const resource = { algorithm: 'AEAD_AES_256_GCM', ciphertext: ct.toString('base64'), associated_data: 'transaction', nonce };
    expect(wxpayDecrypt(resource, key)).toBe('{"out_trade_no":"NO1"}');
    expect(() => wxpayDecrypt({ ...resource, associated_data: 'certificate' }, key)).toThrow();
    expect(() => wxpayDecrypt(resource, 'ZYXWVUTSRQPONMLKJIHGFEDCBA987654')).toThrow();
    const flipped = Buffer.from(ct);
    flipped[0] = flipped[0]! ^ 1;
    expect(() => wxpayDecrypt({ ...resource, ciphertext: flipped.toString('base64') }, key)).toThrow();
    expect(() => wxpayDecrypt({ ...resource, algorithm: 'AES_128_CBC' }, key)).toThrow(/unsupported/);
  });

  it('writes time_expire in Beijing time', () => {
    expect(beijingRfc3339(new Date('2026-11-21T23:30:00Z'))).toBe('2026-11-22T07:30:00+08:00');
  });
});

describe('payment configuration', () => {
  it('defaults: 30-minute timeout, sandbox on, no providers', () => {
    expect(loadConfig({}).payment).toEqual({ timeoutSeconds: 1800, closeRetrySeconds: 60, sandbox: true });
    expect(loadConfig({ PAYMENT_SANDBOX: 'false', PAYMENT_TIMEOUT_SECONDS: '60' }).payment).toEqual({ timeoutSeconds: 60, closeRetrySeconds: 60, sandbox: false });
    // The sandbox is on by default only while no real provider is configured.
    expect(loadConfig({}).payment.sandbox).toBe(true);
    expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' }).payment.sandbox).toBe(false);
    expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x', PAYMENT_SANDBOX: 'true' }).payment.sandbox).toBe(true);
  });

  it('switches a provider on with all its credentials; keys may be PEM, PEM with \\n, a base64 body (PKCS#8 or PKCS#1)', () => {
    const c = loadConfig({
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      ALIPAY_APP_ID: '2021',
      ALIPAY_PRIVATE_KEY: keys.pkcs1Body,
      ALIPAY_PUBLIC_KEY: other.publicKeyPem.replace(/\n/g, '\\n'),
      WXPAY_MCH_ID: '19',
      WXPAY_APP_ID: 'wx1',
      WXPAY_API_V3_KEY: 'abcdefghijklmnopqrstuvwxyz012345',
      WXPAY_SERIAL_NO: 'S1',
      WXPAY_PRIVATE_KEY: keys.privateKeyPem,
      WXPAY_PLATFORM_PUBLIC_KEY: other.publicKeyPem.replace(/-----[^-]+-----|\s/g, ''),
    }).payment;
    expect(c.stripe).toEqual({ secretKey: 'sk_live_x', webhookSecret: 'whsec_x', apiBase: undefined });
    expect(c.alipay).toMatchObject({ appId: '2021', gateway: 'https://openapi.alipay.com/gateway.do' });
    expect(c.alipay!.privateKeyPem).toContain('BEGIN PRIVATE KEY');
    expect(c.wxpay).toMatchObject({ mchId: '19', apiBase: 'https://api.mch.weixin.qq.com' });
    // The normalized keys still sign and verify as the originals.
    expect(rsa2Verify('x', rsa2Sign('x', c.alipay!.privateKeyPem), keys.publicKeyPem)).toBe(true);
    expect(rsa2Verify('x', rsa2Sign('x', other.privateKeyPem), c.wxpay!.platformPublicKeyPem)).toBe(true);
  });

  it('takes Alipay in certificate mode: the three certificates as PEM text or with \\n', () => {
    const certs = alipayCertificates(keys, other);
    const c = loadConfig({
      ALIPAY_APP_ID: '2021',
      ALIPAY_PRIVATE_KEY: keys.privateKeyPem,
      ALIPAY_APP_CERT: certs.app.replace(/\n/g, '\\n'),
      ALIPAY_PUBLIC_CERT: certs.alipayPublic,
      ALIPAY_ROOT_CERT: certs.alipayRoot,
    }).payment;
    expect(c.alipay).toMatchObject({ appId: '2021', certificates: { app: certs.app.trim(), alipayPublic: certs.alipayPublic.trim(), alipayRoot: certs.alipayRoot.trim() } });
    expect(readCertificates('-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----')).toBeUndefined();
    const refused = (env: Record<string, string>) => {
      try {
        loadConfig({ ALIPAY_APP_ID: '2021', ALIPAY_PRIVATE_KEY: keys.privateKeyPem, ...env });
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(refused({ ALIPAY_APP_CERT: certs.app })).toEqual([expect.stringMatching(/^ALIPAY_PUBLIC_CERT: certificate mode needs all of/)]);
    expect(refused({ ALIPAY_PUBLIC_KEY: other.publicKeyPem, ALIPAY_APP_CERT: certs.app, ALIPAY_PUBLIC_CERT: certs.alipayPublic, ALIPAY_ROOT_CERT: certs.alipayRoot })).toEqual([
      'ALIPAY_PUBLIC_KEY: set either ALIPAY_PUBLIC_KEY or the three certificates, not both',
    ]);
    expect(refused({})).toEqual([expect.stringMatching(/^ALIPAY_PUBLIC_KEY: Alipay needs ALIPAY_PUBLIC_KEY, or/)]);
    expect(refused({ ALIPAY_APP_CERT: 'x', ALIPAY_PUBLIC_CERT: certs.alipayPublic, ALIPAY_ROOT_CERT: certs.alipayRoot })).toEqual([
      'ALIPAY_APP_CERT: must be a PEM certificate (text or the path of a file)',
    ]);
  });

  it('refuses half-configured providers, unreadable keys and malformed secrets, naming each', () => {
    try {
      loadConfig({
        STRIPE_SECRET_KEY: 'pk_test_public',
        ALIPAY_APP_ID: '2021',
        ALIPAY_PRIVATE_KEY: 'not a key',
        ALIPAY_PUBLIC_KEY: keys.publicKeyPem,
        WXPAY_MCH_ID: '19',
        WXPAY_API_V3_KEY: 'short',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('STRIPE_WEBHOOK_SECRET: Stripe needs all of');
      expect(problems).toContain('STRIPE_SECRET_KEY: must be a Stripe secret key');
      expect(problems).toContain('ALIPAY_PRIVATE_KEY: must be an RSA private key');
      expect(problems).toMatch(/WXPAY_APP_ID: WeChat Pay needs all of .* missing WXPAY_APP_ID, WXPAY_SERIAL_NO, WXPAY_PRIVATE_KEY, WXPAY_PLATFORM_PUBLIC_KEY/);
      expect(problems).toContain('WXPAY_API_V3_KEY: must be the 32-character API v3 key');
    }
    try {
      loadConfig({ PAYMENT_TIMEOUT_SECONDS: '0', PAYMENT_SANDBOX: 'maybe', ALIPAY_GATEWAY: 'ftp://x' });
      expect.unreachable();
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('PAYMENT_TIMEOUT_SECONDS: must be at least 1');
      expect(problems).toContain('PAYMENT_SANDBOX: must be true or false');
      expect(problems).toContain('ALIPAY_GATEWAY: must be a URL');
    }
  });
});

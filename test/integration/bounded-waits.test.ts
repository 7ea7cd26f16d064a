import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMerchant, createStaff, md5 } from '../support/factories.js';
import { TEST_REDIS_URL, dropRedisPrefix, openTestRedis, testRedisPrefix } from '../support/redis.js';
import { startHangingProxy, startSilentServer, type HangingProxy, type SilentServer } from '../support/silent-servers.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Runs `work` and answers its result with how long it took. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

describe('a request query stuck behind a lock', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DB_STATEMENT_TIMEOUT_MS: '700' });
  });
  afterAll(() => t?.close());

  it('fails at DB_STATEMENT_TIMEOUT_MS instead of hanging, and the pool serves the next request', async () => {
    const merchant = await createMerchant(t);
    const staffId = await createStaff(t, merchant.token);
    const locker = new pg.Client({ connectionString: t.app.orm.config.get('clientUrl') });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('select id from staff where id = $1 for update', [staffId]);
      const { value: stuck, ms } = await timed(() => t.rest('/api/v1/customer/edit/staff', { id: staffId, greetings: 'hi' }, merchant.token));
      expect(stuck.body.header.code).toBe(500);
      expect(ms).toBeLessThan(5000);
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    const edited = await t.rest('/api/v1/customer/edit/staff', { id: staffId, greetings: 'hello' }, merchant.token);
    expect(edited.body.header.code).toBe(0);
  });
});

describe('an SMTP server that never greets', () => {
  let smtp: SilentServer;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSilentServer();
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_TIMEOUT_MS: '400' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('makes a code request fail within SMTP_TIMEOUT_MS, and a retry is not refused as too soon', async () => {
    const send = () => t.rest('/api/v1/customer/send/code', { user_name: 'mute_smtp', email: 'mute@shop.example', action_type: 0, language: 'en' });
    const { value: first, ms } = await timed(send);
    expect(first.body.header).toMatchObject({ code: 500, message: 'Could not send the verification e-mail, try again later' });
    expect(ms).toBeLessThan(3000);
    expect((await send()).body.header.code).toBe(500);
  });
});

describe('a Redis that accepts and stops answering', () => {
  let proxy: HangingProxy;
  let t: TestApp;
  const prefix = testRedisPrefix();
  beforeAll(async () => {
    const target = new URL(TEST_REDIS_URL);
    proxy = await startHangingProxy({ host: target.hostname, port: Number(target.port || 6379) });
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${proxy.port}`, REDIS_PREFIX: prefix, REDIS_COMMAND_TIMEOUT_MS: '500' });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    const redis = await openTestRedis();
    await dropRedisPrefix(redis, prefix);
    redis.disconnect();
  });

  it('keeps logins working and limited, counted in memory, within about a second; the process stays up', async () => {
    const merchant = await createMerchant(t);
    proxy.hang();
    const login = (password: string) => t.rest('/api/v1/customer/login', { user_name: merchant.userName, password });
    const { value: res, ms } = await timed(() => login(merchant.password));
    expect(res.body.header).toMatchObject({ code: 0 });
    expect(ms).toBeLessThan(2500);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await login(md5('wrong'))).body.header.code);
    // Five failures per account and address, as with Redis: the insurance limiter holds them.
    expect(codes).toEqual([1002, 1002, 1002, 1002, 1002, 429]);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });
});

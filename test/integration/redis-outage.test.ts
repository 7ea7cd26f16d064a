import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/core/db/embedded-postgres.js';
import { createAgent, createMerchant, createStaffWithKeys } from '../support/factories.js';
import { startRedisServer } from '../support/redis.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

describe('a Redis outage while serving', () => {
  let redisServer: ChildProcess;
  let t: TestApp;
  beforeAll(async () => {
    const port = await freePort();
    redisServer = await startRedisServer(port);
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    redisServer?.kill('SIGKILL');
    await t?.close();
  });

  it('keeps the process up: chats go on, a console login answers 500 instead of hanging', async () => {
    const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
    const merchant = await createMerchant(t);
    const staff = await createStaffWithKeys(t, merchant.token, { language_response: 'English' });
    const agent = await createAgent(t, merchant.token, [staff.id]);
    const first = await FrameClient.open(ws('/ws/kf'));
    first.send({ method: 'login', token: agent.token });
    expect(await first.nextJson({ method: 'login' })).toMatchObject({ code: 0 });

    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    redisServer.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    // Not ready without its Redis, and it says so promptly rather than hanging the probe.
    const ready = await fetch(`${t.url}/readyz`, { signal: AbortSignal.timeout(5_000) });
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'redis unavailable' });

    // The contact's own conversation is unaffected while Redis is away.
    const contact = await FrameClient.open(ws('/ws?contact_id=outage'), basicAuth(staff.apiKey, staff.secretKey));
    contact.send({ action: 'chat', content: 'talk to a human' });
    expect(await contact.untilEof()).toMatch(/Connecting you to a person/);

    // The closing console cannot reach the registry: logged, not a crash.
    first.close();
    await first.closed;
    const started = Date.now();
    const second = await FrameClient.open(ws('/ws/kf'));
    second.send({ method: 'login', token: agent.token });
    expect(await second.nextJson({ method: 'login' })).toEqual({ method: 'login', code: 500, msg: 'Internal server error' });
    expect(Date.now() - started).toBeLessThan(5000);
    second.close();
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });
});

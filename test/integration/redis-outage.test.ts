import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/core/db/embedded-postgres.js';
import { createAgent, createMerchant, createStaffWithKeys } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

/** Starts a throw-away redis-server (global-setup makes sure the binary exists) so this test can kill it. */
async function startRedisServer(port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new Error(`redis-server is required for this test: ${err.message}`)));
    server.stdout!.on('data', (d: Buffer) => d.toString().includes('Ready to accept connections') && resolve());
    server.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return server;
}

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

    // Events are lost while Redis is away, but the contact's own conversation is unaffected.
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

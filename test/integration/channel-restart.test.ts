import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGatewayCallback, startGatewayReceiver } from '../support/channel-fakes.js';
import { createTestDatabase } from '../support/database.js';
import { createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SECRET = 'restart-gateway-secret';

describe('channels across instances and restarts', { timeout: 90_000 }, () => {
  let shared: { url: string; drop: () => Promise<void> };
  let dataDir: string;
  let receiver: Awaited<ReturnType<typeof startGatewayReceiver>>;
  const apps: TestApp[] = [];
  let m: MerchantFixture;
  const start = async (env: Record<string, string>) => {
    const app = await startTestApp({ DATABASE_URL: shared.url, DATA_DIR: dataDir, CHANNEL_POLL_MS: '50', ...env });
    apps.push(app);
    return app;
  };
  const stop = async (app: TestApp) => {
    await app.close();
    apps.splice(apps.indexOf(app), 1);
  };
  const msg = (over: Record<string, unknown> = {}) => ({ account_id: 'wx-restart', msg_id: `r-${Math.random().toString(36).slice(2)}`, user_id: 'u-r', msg_type: 'text', content: 'hello', ...over });

  beforeAll(async () => {
    shared = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-test-channels-'));
    receiver = await startGatewayReceiver([503]);
  });
  afterAll(async () => {
    for (const a of [...apps]) await a.close().catch(() => undefined);
    await receiver?.close();
    await shared?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses on one instance a nonce used on another, and finishes a pending reply after a restart, once', async () => {
    // A retries a refused reply only after 2 s; B sends nothing.
    const a = await start({ CHANNEL_RETRY_BASE_MS: '2000' });
    const b = await start({ CHANNEL_DELIVERY_CONCURRENCY: '0' });
    m = await createMerchant(a);
    const staffId = await createStaff(a, m.token);
    const created = await a.rest('/api/v1/customer/create/channel', { staff_id: staffId, channel_type: 'wechat', account_id: 'wx-restart', secret: SECRET, outbound_url: receiver.url }, m.token);
    expect(created.body.header.code).toBe(0);

    const first = await postGatewayCallback(a.url, 'wechat', SECRET, msg());
    expect(first.status).toBe(200);
    // B reads the secret A stored (one key under the shared DATA_DIR) and the nonce A saw (one table).
    const replay = await postGatewayCallback(b.url, 'wechat', SECRET, msg({ content: 'again' }), { nonce: first.nonce });
    expect(replay).toMatchObject({ status: 401, body: { code: 1001, message: 'X-Nonce was already used' } });
    expect((await postGatewayCallback(b.url, 'wechat', SECRET, msg({ content: 'fresh nonce' }))).status).toBe(200);

    // The AI's answer (it knows nothing, so it also hands the session to a person) was refused once; its retry is due after the restart.
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const conn = a.app.orm.em.fork().getConnection();
    const firstDelivery = async () => (await conn.execute(`select id, msg_id, state, attempts from outbound_delivery order by id limit 1`))[0];
    // The gateway answers before the worker commits the refused attempt: wait for the commit.
    await expect.poll(async () => (await firstDelivery())?.attempts, { timeout: 10_000 }).toBe(1);
    const pending = await firstDelivery();
    expect(pending).toMatchObject({ state: 'pending', attempts: 1 });
    await stop(a);
    await stop(b);

    const c = await start({ CHANNEL_RETRY_BASE_MS: '50' });
    // Everything queued (the answer, then the queue notices) ends delivered, in order, each once.
    const undelivered = async () => (await c.app.orm.em.fork().getConnection().execute(`select count(*)::int as n from outbound_delivery where state <> 'delivered'`))[0]!.n;
    await expect.poll(undelivered, { timeout: 15_000 }).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    const byId = (id: string) => receiver.requests.filter((r) => r.json.msg_id === id);
    expect(byId(pending!.msg_id)).toHaveLength(2);
    const queued = (await c.app.orm.em.fork().getConnection().execute(`select msg_id from outbound_delivery order by id`)).map((r) => r.msg_id as string);
    expect(queued[0]).toBe(pending!.msg_id);
    expect(receiver.accepted().map((r) => r.json.msg_id)).toEqual(queued);
    const rows = await c.app.orm.em.fork().getConnection().execute(`select state, attempts from outbound_delivery where id = ?`, [pending!.id]);
    expect(rows).toEqual([{ state: 'delivered', attempts: 2 }]);
  });
});

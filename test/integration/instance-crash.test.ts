import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.js';
import { createAgent, createMerchant, createStaffWithKeys } from '../support/factories.js';
import { startMailbox, type Mailbox } from '../support/mailbox.js';
import { eventually } from '../support/payment-fakes.js';
import { TEST_REDIS_URL, dropRedisPrefix, openTestRedis, testRedisPrefix } from '../support/redis.js';
import { ensureBuild, spawnApp, type SpawnedApp } from '../support/spawned-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

/**
 * An instance killed with its consoles open (no shutdown at all): the surviving instance's sweep
 * takes its agents offline once its heartbeat is INSTANCE_TIMEOUT_MS old, and stops routing to them.
 */
describe('an instance that dies with agents logged in on it', () => {
  const prefix = testRedisPrefix();
  let redis: Redis;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let mailbox: Mailbox;
  let dataDir: string;
  let doomed: SpawnedApp;
  let survivor: SpawnedApp;

  beforeAll(async () => {
    redis = await openTestRedis();
    await ensureBuild();
    [db, mailbox, dataDir] = await Promise.all([createTestDatabase(), startMailbox(), mkdtemp(path.join(os.tmpdir(), 'cs-crash-'))]);
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      SMTP_URL: mailbox.url,
      DATA_DIR: dataDir,
      SWEEP_INTERVAL_MS: '200',
      INSTANCE_TIMEOUT_MS: '1500',
    };
    survivor = await spawnApp(env, mailbox);
    doomed = await spawnApp(env, mailbox);
  });

  afterAll(async () => {
    await Promise.all([doomed?.stop(), survivor?.stop()]);
    await db?.drop();
    await mailbox?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (redis) {
      await dropRedisPrefix(redis, prefix);
      redis.disconnect();
    }
  });

  it('takes its agents offline and routes nothing to them', async () => {
    const merchant = await createMerchant(survivor);
    const staff = await createStaffWithKeys(survivor, merchant.token, { language_response: 'English' });
    const agent = await createAgent(survivor, merchant.token, [staff.id], { max_sessions: 1 });
    const c = await FrameClient.open(`${doomed.url.replace('http', 'ws')}/ws/kf`);
    c.send({ method: 'login', token: agent.token });
    expect(await c.nextJson({ method: 'login' })).toMatchObject({ code: 0 });
    c.send({ method: 'set_auto_connect_status', status: 1 });
    expect(await c.nextJson({ method: 'set_auto_connect_status' })).toMatchObject({ code: 0 });
    const status = async () => (await survivor.gql('{ agents { items { id status } } }', {}, merchant.token)).data.agents.items.find((a: any) => Number(a.id) === agent.id)?.status;
    expect(await status()).toBe('ONLINE');

    await doomed.kill();
    // Still shown online until the heartbeat is old enough; then offline, announced by the survivor.
    expect(await eventually(status, (s) => s === 'OFFLINE', 10_000)).toBe('OFFLINE');

    const contact = await FrameClient.open(`${survivor.url.replace('http', 'ws')}/ws?contact_id=after-crash`, basicAuth(staff.apiKey, staff.secretKey));
    contact.send({ action: 'chat', content: 'talk to a human' });
    await contact.untilEof();
    contact.close();
    await new Promise((r) => setTimeout(r, 600));
    const sessions = (await survivor.gql('{ sessions { items { id status agent { id } } } }', {}, merchant.token)).data.sessions.items;
    expect(sessions).toEqual([expect.objectContaining({ status: 'PENDING', agent: null })]);
  });
});

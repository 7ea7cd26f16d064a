import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGatewayCallback, startGatewayReceiver } from '../support/channel-fakes.js';
import { createTestDatabase } from '../support/database.js';
import { createMerchant, createStaff } from '../support/factories.js';
import { startMailbox, type Mailbox } from '../support/mailbox.js';
import { ensureBuild, spawnApp, type SpawnedApp } from '../support/spawned-app.js';

const SECRET = 'crash-gateway-secret';

/** A server process killed (SIGKILL) while a reply is on the wire: the next process sends it, once. */
describe('a crash in the middle of a delivery', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let mailbox: Mailbox;
  let dataDir: string;
  let receiver: Awaited<ReturnType<typeof startGatewayReceiver>>;
  const apps: SpawnedApp[] = [];

  beforeAll(async () => {
    await ensureBuild();
    [db, mailbox, dataDir] = await Promise.all([createTestDatabase(), startMailbox(), mkdtemp(path.join(os.tmpdir(), 'cs-crash-'))]);
    // The first attempt never gets an answer; the next is accepted.
    receiver = await startGatewayReceiver([0]);
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.stop()));
    await receiver?.close();
    await db?.drop();
    await mailbox?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('resumes the delivery with the same msg_id and delivers it exactly once', { timeout: 120_000 }, async () => {
    // The gateway fake listens on loopback.
    const env = { DATABASE_URL: db.url, SMTP_URL: mailbox.url, DATA_DIR: dataDir, CHANNEL_POLL_MS: '50', CHANNEL_HTTP_TIMEOUT_MS: '60000', OUTBOUND_ALLOW_PRIVATE: 'true' };
    const a = await spawnApp(env, mailbox);
    apps.push(a);
    const m = await createMerchant(a);
    const staffId = await createStaff(a, m.token);
    expect((await a.rest('/api/v1/customer/create/channel', { staff_id: staffId, channel_type: 'jd', account_id: 'jd-crash', secret: SECRET, outbound_url: receiver.url }, m.token)).body.header.code).toBe(0);
    const res = await postGatewayCallback(a.url, 'jd', SECRET, { account_id: 'jd-crash', msg_id: 'c-1', user_id: 'u-c', msg_type: 'text', content: 'hello' });
    expect(res.status).toBe(200);
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(1);

    process.kill(a.pid, 'SIGKILL');
    await a.stop();
    const b = await spawnApp(env, mailbox);
    apps.push(b);
    // The answer again ("hello" is small talk: the AI answers it, no handoff), with the msg_id it had.
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(2);
    const [lost, sent] = receiver.requests;
    expect(sent!.json.msg_id).toBe(lost!.json.msg_id);
    expect(sent!.json).toMatchObject({ account_id: 'jd-crash', user_id: 'u-c', reply_to: 'c-1' });

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await expect.poll(async () => (await client.query(`select state from outbound_delivery order by id`)).rows.map((r) => r.state), { timeout: 15_000 }).toEqual(['delivered']);
    } finally {
      await client.end();
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.requests.length).toBe(2);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.js';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { uploadFile, waitForSync } from '../support/knowledge.js';
import { startMailbox, type Mailbox } from '../support/mailbox.js';
import { startS3, type TestS3 } from '../support/s3-server.js';
import { TEST_REDIS_URL, dropRedisPrefix, openTestRedis, testRedisPrefix } from '../support/redis.js';
import { ensureBuild, spawnApp, type SpawnedApp } from '../support/spawned-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const CODE_SENDS_PER_IP = 4;

/**
 * Two server processes on one PostgreSQL, one Redis and one S3 bucket (issue 4,
 * "Several instances"; issue 12, shared storage): what happens on B reaches sockets
 * held by A, the single login per agent holds across both, and a file uploaded on
 * one is indexed and served by the other although each has its own DATA_DIR.
 */
describe('two instances sharing PostgreSQL and Redis', () => {
  const prefix = testRedisPrefix();
  let redis: Redis;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let mailbox: Mailbox;
  let dataDirs: string[];
  let s3: TestS3;
  let a: SpawnedApp;
  let b: SpawnedApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  const ws = (i: SpawnedApp, p: string) => `${i.url.replace('http', 'ws')}${p}`;

  beforeAll(async () => {
    // Fails the file when Redis is missing: global-setup provides one, so a skip would hide a broken path.
    redis = await openTestRedis();
    await ensureBuild();
    [db, mailbox, s3, ...dataDirs] = await Promise.all([
      createTestDatabase(),
      startMailbox(),
      startS3(),
      mkdtemp(path.join(os.tmpdir(), 'cs-multi-a-')),
      mkdtemp(path.join(os.tmpdir(), 'cs-multi-b-')),
    ]);
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      SMTP_URL: mailbox.url,
      CODE_SENDS_PER_IP_PER_MINUTE: String(CODE_SENDS_PER_IP),
      // Separate data directories share nothing: the channel key and the files must come from elsewhere.
      CHANNEL_SECRET_KEY: 'ab'.repeat(32),
      ...s3.env,
    };
    // Together: the database comes migrated (test/support/database.ts).
    [a, b] = await Promise.all([spawnApp({ ...env, DATA_DIR: dataDirs[0]! }, mailbox), spawnApp({ ...env, DATA_DIR: dataDirs[1]! }, mailbox)]);
    merchant = await createMerchant(a);
    staff = await createStaffWithKeys(b, merchant.token, { language_response: 'English' });
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
    await mailbox?.close();
    await s3?.close();
    for (const dir of dataDirs ?? []) await rm(dir, { recursive: true, force: true });
    if (redis) {
      await dropRedisPrefix(redis, prefix);
      redis.disconnect();
    }
  });

  async function consoleOn(i: SpawnedApp, agent: AgentFixture, extra: Record<string, unknown> = {}): Promise<{ c: FrameClient; clientId: string }> {
    const c = await FrameClient.open(ws(i, '/ws/kf'));
    c.send({ method: 'login', token: agent.token, ...extra });
    const reply = await c.nextJson({ method: 'login' });
    expect(reply).toMatchObject({ code: 0, customer_id: agent.id });
    return { c, clientId: reply.client_id };
  }

  /** The next `method` push carrying `text` (a handoff phrase is pushed twice, by the message and by the handoff). */
  async function pushWith(console: FrameClient, method: string, text: string): Promise<any> {
    for (;;) {
      const push = await console.nextJson({ method });
      if (push.user_query?.[0]?.value?.text === text) return push;
    }
  }

  /** Reads the contact's answers until one is `text`. */
  async function contactReceives(contact: FrameClient, text: string): Promise<void> {
    const seen: string[] = [];
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const answer = await contact.untilEof(Math.max(1, deadline - Date.now()));
      if (answer === text) return;
      seen.push(answer);
    }
    throw new Error(`contact never received ${JSON.stringify(text)}; got ${JSON.stringify(seen)}`);
  }

  it('pushes a contact message that arrived at B to the agent console on A, and the agent reply on A back to the contact on B', async () => {
    const agent = await createAgent(b, merchant.token, [staff.id]);
    const { c: console } = await consoleOn(a, agent);

    const contact = await FrameClient.open(ws(b, '/ws?contact_id=multi-1'), basicAuth(staff.apiKey, staff.secretKey));
    contact.send({ action: 'chat', content: 'talk to a human' });
    expect(await console.nextJson({ method: 'wait_list_push' })).toMatchObject({ code: 0, userid: 'multi-1', user_query: [{ type: 'text', value: { text: 'talk to a human' } }] });
    await contact.untilEof();

    contact.send({ action: 'chat', content: 'is anyone there?' });
    expect(await pushWith(console, 'wait_list_push', 'is anyone there?')).toMatchObject({ code: 0, userid: 'multi-1' });
    await contact.untilEof();

    console.send({ method: 'connect', userid: 'multi-1' });
    expect(await console.nextJson({ method: 'connect' })).toMatchObject({ code: 0 });
    console.send({ method: 'send_to_user', userid: 'multi-1', message: [{ type: 'text', value: { text: 'Hello from instance A' } }] });
    expect(await console.nextJson({ method: 'send_to_user' })).toMatchObject({ code: 0, data: { success: 1, failure: 0 } });
    await contactReceives(contact, 'Hello from instance A');

    contact.send({ action: 'chat', content: 'thanks' });
    expect(await pushWith(console, 'connect_list_push', 'thanks')).toMatchObject({ code: 0, userid: 'multi-1' });
    contact.close();
    console.close();
  });

  it('keeps one console login per agent across instances: 490 on B while A holds it, and force_online on B kicks A (492)', async () => {
    const agent = await createAgent(a, merchant.token, [staff.id]);
    const onA = await consoleOn(a, agent);
    const slot = `${prefix}console:agent:${agent.id}`;
    expect(await redis.get(slot)).toBe(onA.clientId);

    const plain = await FrameClient.open(ws(b, '/ws/kf'));
    plain.send({ method: 'login', token: agent.token });
    expect(await plain.nextJson({ method: 'login' })).toEqual({ code: 490, msg: '该账号已在别处登录', method: 'login' });
    plain.close();

    const onB = await consoleOn(b, agent, { force_online: 1 });
    expect(await onA.c.nextJson({ code: 492 })).toEqual({ code: 492, msg: '该账号已在别处登录，你已被强制下线', method: 'login' });
    expect((await onA.c.closed).code).toBe(4003);
    expect(await redis.get(slot)).toBe(onB.clientId);

    // The kicked socket closing on A does not log out the session that now lives on B.
    await new Promise((r) => setTimeout(r, 200));
    const online = await fetch(`${a.url}/api/customer/is_online`, { method: 'POST', headers: basicAuth(staff.apiKey, staff.secretKey), body: JSON.stringify({ customer_id: agent.id }) });
    expect(await online.json()).toEqual({ code: 0, msg: 'ok', data: { is_online: 1 } });
    onB.c.close();
  });

  it('shows a GraphQL subscriber on A the sessions opened through B', async () => {
    const gql = a.wsClient({ token: merchant.token });
    const kinds: string[] = [];
    const errors: unknown[] = [];
    gql.subscribe({ query: 'subscription { sessionChanged { kind session { contact { externalId } } } }' }, {
      next: (v) => {
        const e = (v.data as any)?.sessionChanged;
        if (e?.session.contact.externalId === 'multi-gql') kinds.push(e.kind);
      },
      error: (err) => errors.push(err),
      complete: () => {},
    });
    // graphql-ws has no subscribe acknowledgement: give the operation time to start on A.
    await new Promise((r) => setTimeout(r, 300));

    const contact = await FrameClient.open(ws(b, '/ws?contact_id=multi-gql'), basicAuth(staff.apiKey, staff.secretKey));
    contact.send({ action: 'chat', content: 'human agent please' });
    await expect.poll(() => kinds, { timeout: 10_000 }).toEqual(['opened', 'handoff']);
    expect(errors).toEqual([]);
    contact.close();
  });

  it('counts rate limits of both instances together', async () => {
    // createMerchant used one send on A; the limit is four a minute for this client address.
    const tag = Date.now().toString(36);
    const send = (i: SpawnedApp, n: number) => i.rest('/api/v1/customer/send/code', { user_name: `limit_${tag}_${n}`, email: `limit-${tag}-${n}@shop.example`, action_type: 0, language: 'en' });
    const codes = [];
    for (const [n, i] of [b, a, b, a].entries()) codes.push((await send(i, n)).body.header.code);
    // Kept apart, each instance would have allowed all of these.
    expect(codes).toEqual([0, 0, 0, 429]);
  });

  it('indexes on B a document uploaded on A, and serves on B a picture a contact uploaded on A (separate DATA_DIRs, one bucket)', async () => {
    const up = await uploadFile(a, merchant.token, 'returns.md', '# Returns\n\nItems can be returned within thirty days of delivery.');
    expect(up.body.header.code).toBe(0);
    const added = await b.rest('/api/v1/customer/update/doc', { staff_id: staff.id, docs: [up.body.data] }, merchant.token);
    expect(added.body.header.code).toBe(0);
    await b.rest('/api/v1/customer/sync/doc', { staff_id: staff.id }, merchant.token);
    const docs = await waitForSync(b, merchant.token, staff.id);
    expect(docs.map((d) => [d.file_name, d.sync_state, d.sync_error])).toEqual([['returns.md', 'ready', '']]);

    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const form = new FormData();
    form.append('file_data', new Blob([png]), 'receipt.png');
    const res = await fetch(`${a.url}/api/v1/chat/upload?contact_id=multi-picture`, { method: 'POST', headers: basicAuth(staff.apiKey, staff.secretKey), body: form });
    const picture = (await res.json()) as any;
    expect(picture).toMatchObject({ header: { code: 0 }, data: { mime_type: 'image/png', size: png.length } });
    const served = await fetch(`${b.url}${new URL(picture.data.url).pathname}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });
});

import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/core/db/embedded-postgres.js';
import { createTestDatabase } from '../support/database.js';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type StaffFixture } from '../support/factories.js';
import { startMailbox, type Mailbox } from '../support/mailbox.js';
import { startRedisServer } from '../support/redis.js';
import { ensureBuild, spawnApp, type SpawnedApp } from '../support/spawned-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Pub/sub loses what is published while Redis is paused, and an instance that dies takes its sockets with
 * it. Messages flow from a contact on one instance to an agent's consoles on another: after a 30 s pause of
 * Redis (SIGSTOP of our own redis-server), and after the consoles' instance is killed and they reconnect
 * elsewhere with their cursor, each console has had every message exactly once, in order.
 */
describe('no event lost in a Redis outage or an instance crash', () => {
  let redisServer: ChildProcess;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let mailbox: Mailbox;
  let dataDir: string;
  let front: SpawnedApp;
  let back: SpawnedApp;
  let spare: SpawnedApp;

  beforeAll(async () => {
    await ensureBuild();
    const port = await freePort();
    [redisServer, db, mailbox, dataDir] = await Promise.all([startRedisServer(port), createTestDatabase(), startMailbox(), mkdtemp(path.join(os.tmpdir(), 'cs-lossless-'))]);
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      SMTP_URL: mailbox.url,
      DATA_DIR: dataDir,
      EVENT_CATCHUP_INTERVAL_MS: '500',
      // Long enough that nothing the sweep does for a dead instance interferes with the flow under test.
      INSTANCE_TIMEOUT_MS: '600000',
      CHAT_MESSAGES_PER_CONTACT_PER_MINUTE: '1000',
    };
    // Together: the database comes migrated (test/support/database.ts).
    [front, back, spare] = await Promise.all([spawnApp(env, mailbox), spawnApp(env, mailbox), spawnApp(env, mailbox)]);
    // Building dist/ on a busy 2-core machine takes a while.
  }, 300_000);

  afterAll(async () => {
    redisServer?.kill('SIGCONT');
    await Promise.all([front?.stop(), back?.stop(), spare?.stop()]);
    redisServer?.kill('SIGKILL');
    await db?.drop();
    await mailbox?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const wsUrl = (app: SpawnedApp, p: string) => `${app.url.replace('http', 'ws')}${p}`;

  /** The two consoles of one agent on `app`: the workbench stream and the agent console. */
  async function consoles(app: SpawnedApp, agent: AgentFixture, cursor?: { bench: number; kf: number }) {
    const bench = await FrameClient.open(wsUrl(app, `/ws/cs/${agent.id}?token=${agent.token}${cursor ? `&since=${cursor.bench}` : ''}`));
    const kf = (await FrameClient.open(wsUrl(app, '/ws/kf'))).answerBeats();
    kf.send({ method: 'login', token: agent.token, force_online: 1, ...(cursor ? { since: cursor.kf } : {}) });
    expect(await kf.nextJson({ method: 'login' })).toMatchObject({ code: 0 });
    return { bench, kf };
  }

  /** The contact's messages each console showed, in the order it showed them, and its last cursor. */
  function received(c: { bench: FrameClient; kf: FrameClient }, prefix: string) {
    const parsed = (f: FrameClient) => f.frames.flatMap((raw) => {
      try {
        return [JSON.parse(raw)];
      } catch {
        return [];
      }
    });
    const bench = parsed(c.bench).filter((m) => m.type === 'new_message' && String(m.data?.content).startsWith(prefix));
    const kf = parsed(c.kf).filter((m) => m.method === 'connect_list_push' && String(m.user_query?.[0]?.value?.text).startsWith(prefix));
    return {
      bench: bench.map((m) => m.data.content as string),
      kf: kf.map((m) => m.user_query[0].value.text as string),
      kfEvents: kf.map((m) => ({ seq: Number(m.event_seq), text: m.user_query[0].value.text as string })),
      cursor: { bench: Math.max(0, ...parsed(c.bench).map((m) => Number(m.eventSeq ?? 0))), kf: Math.max(0, ...parsed(c.kf).map((m) => Number(m.event_seq ?? 0))) },
    };
  }

  async function ownedConversation(staff: StaffFixture, agent: AgentFixture, contactId: string): Promise<FrameClient> {
    const contact = await FrameClient.open(wsUrl(front, `/ws?contact_id=${contactId}`), basicAuth(staff.apiKey, staff.secretKey));
    contact.send({ action: 'chat', content: 'talk to a human' });
    await contact.untilEof();
    const list = await fetch(`${front.url}/api/sessions`, { headers: { authorization: `Bearer ${agent.token}` } }).then((r) => r.json() as Promise<any>);
    const sessionId = list.data.find((s: any) => s.customerId === contactId).sessionId;
    const accepted = await fetch(`${front.url}/api/sessions/${sessionId}/accept`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` }, body: JSON.stringify({ csId: agent.id }) });
    expect(accepted.status).toBe(200);
    await contact.untilEof(); // the "joined" notice
    return contact;
  }

  async function send(contact: FrameClient, text: string): Promise<void> {
    contact.send({ action: 'chat', content: text });
    await contact.untilEof(30_000);
  }

  it('delivers every message once, in order, to consoles on another instance across a 30 s Redis pause', async () => {
    const merchant = await createMerchant(front);
    const staff = await createStaffWithKeys(front, merchant.token, { language_response: 'English' });
    const agent = await createAgent(front, merchant.token, [staff.id], { max_sessions: 5 });
    const c = await consoles(back, agent);
    const contact = await ownedConversation(staff, agent, 'pause-1');
    const sent: string[] = [];
    const flow = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const text = `p-${sent.length + 1}`;
        await send(contact, text);
        sent.push(text);
      }
    };
    await flow(3);
    redisServer.kill('SIGSTOP');
    const pausedAt = Date.now();
    // Messages keep coming while Redis is paused (each is slower: the rate limiter waits for Redis, then gives up).
    while (Date.now() - pausedAt < 30_000) {
      await flow(1);
      await sleep(500);
    }
    // Still paused: pub/sub brought none of these, the consoles' instance read them from the event log.
    await expect.poll(() => received(c, 'p-').bench.length, { timeout: 10_000 }).toBe(sent.length);
    await expect.poll(() => received(c, 'p-').kf.length, { timeout: 10_000 }).toBe(sent.length);
    redisServer.kill('SIGCONT');
    await flow(3);
    await expect.poll(() => received(c, 'p-').bench.length, { timeout: 20_000 }).toBe(sent.length);
    await expect.poll(() => received(c, 'p-').kf.length, { timeout: 20_000 }).toBe(sent.length);
    // Late copies that Redis delivers after the pause must not show up twice.
    await sleep(2_000);
    const got = received(c, 'p-');
    expect(sent.length).toBeGreaterThan(8);
    expect(got.bench).toEqual(sent);
    expect(got.kf).toEqual(sent);
    c.bench.close();
    c.kf.close();
    contact.close();
  }, 180_000);

  it('gives consoles whose instance was killed mid-stream everything once, in order, after they reconnect elsewhere', async () => {
    const merchant = await createMerchant(front);
    const staff = await createStaffWithKeys(front, merchant.token, { language_response: 'English' });
    const agent = await createAgent(front, merchant.token, [staff.id], { max_sessions: 5 });
    const before = await consoles(spare, agent);
    const contact = await ownedConversation(staff, agent, 'crash-1');
    const sent: string[] = [];
    // The contact keeps writing while the consoles' instance dies under them.
    const writing = (async () => {
      for (let i = 1; i <= 30; i++) {
        const text = `k-${i}`;
        await send(contact, text);
        sent.push(text);
        await sleep(100);
      }
    })();
    await expect.poll(() => received(before, 'k-').bench.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    await spare.kill();
    const seenBefore = received(before, 'k-');
    await sleep(1_000); // away for a while: messages go on being stored
    const after = await consoles(back, agent, seenBefore.cursor);
    await writing;
    const total = () => {
      const now = received(after, 'k-');
      return { bench: [...seenBefore.bench, ...now.bench], kf: [...seenBefore.kf, ...now.kf] };
    };
    // On /ws/kf a session change (the sweep requeuing the dead instance's agent, then routing it back) also
    // pushes connect_list_push with the contact's latest message: a new event, not the message again. So the
    // console's pushes are checked as events (each event number once) and their messages in order.
    const kfEvents = () => [...seenBefore.kfEvents, ...received(after, 'k-').kfEvents];
    const kfMessages = () => kfEvents().map((e) => e.text).filter((text, i, all) => i === 0 || text !== all[i - 1]);
    await expect.poll(() => total().bench.length, { timeout: 20_000 }).toBe(sent.length);
    await expect.poll(() => kfMessages().length, { timeout: 20_000 }).toBe(sent.length);
    await sleep(1_000);
    expect(total().bench).toEqual(sent);
    expect(kfMessages()).toEqual(sent);
    const seqs = kfEvents().map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    after.bench.close();
    after.kf.close();
    contact.close();
  }, 180_000);
});

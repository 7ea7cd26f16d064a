import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.js';
import { createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { addDocument, type DocItem } from '../support/knowledge.js';
import { startMailbox, type Mailbox } from '../support/mailbox.js';
import { ensureBuild, spawnApp, type SpawnedApp } from '../support/spawned-app.js';

// The documents an outside evaluator synced to stall the whole server, and one over a size limit.
const HOSTILE: Record<string, string> = {
  'angles.md': '<'.repeat(300_000),
  'brackets.md': '['.repeat(300_000),
  'lines.txt': 'x\n'.repeat(1_000_000),
  // More text than KNOWLEDGE_EXTRACT_MAX_CHARS (3,000,000 by default) allows.
  'too-long.md': 'word '.repeat(640_000),
};
const EXTRACT_TIMEOUT_MS = 20_000;

/**
 * Hostile documents while other merchants are served (issue: "a merchant's
 * document blocks the whole server"). The server runs as its own process
 * (`node dist/main.js`): in this process, a blocked server would also block
 * the clock that measures it.
 */
describe('hostile documents do not stall the server', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let mailbox: Mailbox;
  let dataDir: string;
  let app: SpawnedApp;
  let alice: MerchantFixture;
  let bob: MerchantFixture;

  beforeAll(async () => {
    await ensureBuild();
    [db, mailbox, dataDir] = await Promise.all([createTestDatabase(), startMailbox(), mkdtemp(path.join(os.tmpdir(), 'cs-hostile-'))]);
    app = await spawnApp(
      { DATABASE_URL: db.url, SMTP_URL: mailbox.url, DATA_DIR: dataDir, KNOWLEDGE_EXTRACT_TIMEOUT_MS: String(EXTRACT_TIMEOUT_MS) },
      mailbox,
    );
    [alice, bob] = await Promise.all([createMerchant(app), createMerchant(app)]);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
    await mailbox?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Milliseconds for one call, or Infinity when it did not answer within 5 s. */
  const timed = async (call: (signal: AbortSignal) => Promise<boolean>): Promise<number> => {
    const started = performance.now();
    try {
      return (await call(AbortSignal.timeout(5000))) ? performance.now() - started : Infinity;
    } catch {
      return Infinity;
    }
  };

  /** list/doc, or [] when the server did not answer within 5 s. */
  const listWithin = async (token: string, staffId: number): Promise<DocItem[]> => {
    try {
      const res = await fetch(`${app.url}/api/v1/customer/list/doc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'auth-token': token },
        body: JSON.stringify({ staff_id: staffId, page_size: 100 }),
        signal: AbortSignal.timeout(5000),
      });
      return ((await res.json()) as { data: { list: DocItem[] } }).data.list;
    } catch {
      return [];
    }
  };

  it('keeps /healthz and other merchants answering, and ends every document ready or failed', async () => {
    const aliceStaff = await createStaff(app, alice.token);
    const bobStaff = await createStaff(app, bob.token);
    for (const [name, text] of Object.entries(HOSTILE)) await addDocument(app, alice.token, aliceStaff, name, text);
    expect((await app.rest('/api/v1/customer/sync/doc', { staff_id: aliceStaff }, alice.token)).body.header.code).toBe(0);
    const syncedAt = performance.now();

    const health: number[] = [];
    const answeredAt: number[] = [syncedAt];
    const others: number[] = [];
    const settledAfter = new Map<string, number>();
    let final: DocItem[] = [];
    let done = false;
    const probeHealth = async () => {
      while (!done) {
        health.push(await timed(async (signal) => (await fetch(`${app.url}/healthz`, { signal })).ok));
        if (health.at(-1)! < Infinity) answeredAt.push(performance.now());
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const probeOtherMerchant = async () => {
      while (!done) {
        others.push(
          await timed(async (signal) => {
            const res = await fetch(`${app.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${bob.token}` },
              body: JSON.stringify({ query: 'query($id: Int!) { staff(id: $id) { id } documents(staffId: $id) { total } }', variables: { id: bobStaff } }),
              signal,
            });
            return res.ok && !(await res.json()).errors;
          }),
        );
        others.push(
          await timed(async (signal) => {
            const res = await fetch(`${app.url}/api/v1/customer/list/doc`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'auth-token': bob.token },
              body: JSON.stringify({ staff_id: bobStaff }),
              signal,
            });
            return res.ok && (await res.json()).header.code === 0;
          }),
        );
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const watchDocuments = async () => {
      const deadline = syncedAt + EXTRACT_TIMEOUT_MS * 3 + 30_000;
      try {
        while (performance.now() < deadline) {
          const docs = await listWithin(alice.token, aliceStaff);
          for (const d of docs) {
            if ((d.sync_state === 'ready' || d.sync_state === 'failed') && !settledAfter.has(d.file_name)) settledAfter.set(d.file_name, performance.now() - syncedAt);
          }
          final = docs;
          if (docs.length && settledAfter.size === docs.length) return;
          await new Promise((r) => setTimeout(r, 250));
        }
      } finally {
        done = true;
      }
    };
    await Promise.all([probeHealth(), probeOtherMerchant(), watchDocuments()]);

    const report = JSON.stringify({
      healthMaxMs: Math.round(Math.max(...health.filter(Number.isFinite))),
      healthUnanswered: health.filter((ms) => ms === Infinity).length,
      healthLongestSilenceMs: Math.round(Math.max(...answeredAt.map((at, i) => (answeredAt[i + 1] ?? performance.now()) - at))),
      otherMaxMs: Math.round(Math.max(...others.filter(Number.isFinite))),
      otherUnanswered: others.filter((ms) => ms === Infinity).length,
      settledAfterMs: Object.fromEntries([...settledAfter].map(([n, ms]) => [n, Math.round(ms)])),
      states: final.map((d) => [d.file_name, d.sync_state, d.sync_error]),
    });
    expect(health.length, report).toBeGreaterThan(10);
    expect(Math.max(...health), report).toBeLessThan(500);
    expect(Math.max(...others), report).toBeLessThan(1000);
    expect(final.map((d) => d.file_name).sort(), report).toEqual(Object.keys(HOSTILE).sort());
    expect(final.find((d) => d.file_name === 'too-long.md'), report).toMatchObject({
      sync_state: 'failed',
      sync_error: 'The file holds 3,199,999 characters of text, more than the 3,000,000 a document may have: split it into smaller files',
    });
    for (const d of final) {
      expect(['ready', 'failed'], report).toContain(d.sync_state);
      // A failure says what went wrong in words, not a stack or an error code.
      if (d.sync_state === 'failed') expect(d.sync_error, report).toMatch(/^[A-Z][^\n]{10,300}$/);
    }
    // The server is still the same process, answering.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  }, 180_000);
});

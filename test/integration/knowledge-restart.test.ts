import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.js';
import { createMerchant, createStaff } from '../support/factories.js';
import { addDocument, listDocs, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const doc = (n: number) => `# Section ${n}\n\nParagraph about topic number ${n}. ${'It has several sentences. '.repeat(30)}\n\n## More ${n}\n\nMore words for ${n}.`;

describe('document sync across a restart', () => {
  let shared: { url: string; drop: () => Promise<void> };
  let dataDir: string;
  let a: TestApp | undefined;
  let b: TestApp | undefined;

  beforeAll(async () => {
    shared = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-test-restart-'));
  });
  afterAll(async () => {
    await a?.close().catch(() => undefined);
    await b?.close().catch(() => undefined);
    await shared?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('resumes queued documents and one a crashed worker left half-indexed', async () => {
    // The first instance serves the API but runs no indexing worker, so the sync is still in flight when it stops.
    a = await startTestApp({ DATABASE_URL: shared.url, DATA_DIR: dataDir, KNOWLEDGE_SYNC_CONCURRENCY: '0' });
    const m = await createMerchant(a);
    const staffId = await createStaff(a, m.token);
    for (let i = 0; i < 3; i++) await addDocument(a, m.token, staffId, `doc-${i}.md`, doc(i));
    expect((await a.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, m.token)).body.header.code).toBe(0);
    const queued = await listDocs(a, m.token, staffId);
    expect(queued.map((d) => d.sync_state)).toEqual(['pending', 'pending', 'pending']);

    // What a worker that died mid-document leaves behind: the document claimed (indexing, its lease run out)
    // and its job taken off the queue (pg-boss would only expire it much later).
    const conn = a.app.orm.em.fork().getConnection();
    const crashed = queued[0]!.id;
    await conn.execute(`update knowledge_document set sync_state = 'indexing', lease_until = now() - interval '1 minute' where id = ?`, [crashed]);
    const removed = await conn.execute(`delete from pgboss.job where name = 'knowledge.index-document' and (data->>'documentId')::int = ? returning id`, [crashed]);
    expect(removed.length).toBe(1);
    await a.close();
    a = undefined;

    b = await startTestApp({ DATABASE_URL: shared.url, DATA_DIR: dataDir, KNOWLEDGE_SYNC_CONCURRENCY: '1' });
    const docs = await waitForSync(b, m.token, staffId);
    expect(docs.map((d) => [d.file_name, d.sync_state])).toEqual([
      ['doc-0.md', 'ready'],
      ['doc-1.md', 'ready'],
      ['doc-2.md', 'ready'],
    ]);
    const rows = await b.app.orm.em
      .fork()
      .getConnection()
      .execute<{ document_id: number; n: number; max: number; chunk_count: number }[]>(
        `select c.document_id, count(*)::int as n, max(c.ordinal)::int as max, d.chunk_count
           from knowledge_chunk c join knowledge_document d on d.id = c.document_id
          where d.staff_id = ? group by c.document_id, d.chunk_count order by c.document_id`,
        [staffId],
      );
    expect(rows.length).toBe(3);
    for (const r of rows) {
      expect(r.n).toBe(r.chunk_count);
      expect(r.max).toBe(r.n - 1);
    }
    const answer = await b.gql('query($id: Int!) { askStaff(staffId: $id, question: "more words for 2") { grounded sources { fileName } } }', { id: staffId }, m.token);
    expect(answer.data.askStaff).toMatchObject({ grounded: true, sources: [{ fileName: 'doc-2.md' }] });
  });
});

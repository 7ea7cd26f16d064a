import { readdir, readlink } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { addDocument, listDocs, makeDocx, makePdf, makeXlsx, uploadFile, waitForSync } from '../support/knowledge.js';
import { PUBLIC_URL, startTestApp, type TestApp } from '../support/test-app.js';

const SEED_DOC_FIELDS = ['id', 'file_name', 'file_path', 'file_size', 'file_url', 'created_time', 'updated_time', 'sync_state', 'sync_error'].sort();
const SEED_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

const RETURNS_MD = `# 退货政策

收到商品后三十天内可以申请退货。商品需保持原包装完好。定制商品不支持退货。

## 退款时间

退款会在审核通过后五个工作日内退回原支付账户。

# Returns

You can return any item within thirty days of delivery. Items must be unused and in the original packaging.

## Refund timing

Refunds reach your original payment method within five working days after approval.
`;

describe('ai-staff REST: files and training documents (§2.8, §2.10–2.13)', () => {
  let t: TestApp;
  let alice: MerchantFixture;
  let bob: MerchantFixture;

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_MAX_MB: '1' });
    [alice, bob] = await Promise.all([createMerchant(t), createMerchant(t)]);
  });
  afterAll(() => t?.close());

  const chunkRows = (docId: number) =>
    t.app.orm.em.fork().getConnection().execute<{ id: number; ordinal: number }[]>('select id, ordinal from knowledge_chunk where document_id = ? order by ordinal', [docId]);

  describe('upload/file', () => {
    it('stores a multipart upload and answers the seed fields', async () => {
      const res = await uploadFile(t, alice.token, '文档 1 (final).md', RETURNS_MD);
      expect(res.status).toBe(200);
      expect(res.body.header).toMatchObject({ code: 0, total: 1, count: 1 });
      const d = res.body.data;
      expect(Object.keys(d).sort()).toEqual(['file_name', 'file_path', 'file_size', 'file_url']);
      expect(d.file_name).toBe('文档 1 (final).md');
      expect(d.file_path).toMatch(/^\d{19}_文档_1_final_\.md$/);
      expect(d.file_size).toBe(Buffer.byteLength(RETURNS_MD));
      expect(d.file_url).toBe(`${PUBLIC_URL}/assets/files/${encodeURIComponent(d.file_path)}`);

      const served = await fetch(`${t.url}/assets/files/${encodeURIComponent(d.file_path)}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await served.text()).toBe(RETURNS_MD);
    });

    it('serves binary files with their content type', async () => {
      const pdf = await makePdf([['Hello']]);
      const up = await uploadFile(t, alice.token, 'hello.pdf', pdf);
      const served = await fetch(`${t.url}/assets/files/${up.body.data.file_path}`);
      expect(served.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    });

    it('gives two uploads of the same name different paths', async () => {
      const [a, b] = await Promise.all([uploadFile(t, alice.token, 'same.txt', 'one'), uploadFile(t, alice.token, 'same.txt', 'two')]);
      expect(a.body.data.file_path).not.toBe(b.body.data.file_path);
    });

    it('refuses a file over UPLOAD_MAX_MB with HTTP 413 and code 1003, keeping nothing', async () => {
      const before = await t.app.orm.em.fork().getConnection().execute('select count(*)::int as n from stored_file');
      const res = await uploadFile(t, alice.token, 'big.txt', new Uint8Array(1024 * 1024 + 10).fill(65));
      expect(res.status).toBe(413);
      expect(res.body.header.code).toBe(1003);
      expect(res.body.header.message).toMatch(/1 MB/);
      const after = await t.app.orm.em.fork().getConnection().execute('select count(*)::int as n from stored_file');
      expect(after[0]!.n).toBe(before[0]!.n);
      // Exactly at the limit is fine.
      expect((await uploadFile(t, alice.token, 'edge.txt', new Uint8Array(1024 * 1024).fill(66))).body.header.code).toBe(0);
    });

    it('closes and removes the partial file of an upload the client cuts off half-way', async () => {
      const filesDir = path.join(t.app.services.config.dataDir, 'files');
      const partials = async () => (await readdir(filesDir).catch(() => [] as string[])).filter((f) => f.endsWith('.part'));
      // Descriptors this process holds open on a partial upload (the server runs in this process).
      const openPartials = async () => {
        const links = await Promise.all((await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
        return links.filter((l) => l.startsWith(filesDir) && l.endsWith('.part'));
      };
      const until = async (check: () => Promise<boolean>) => {
        for (const started = Date.now(); Date.now() - started < 5000; await new Promise((r) => setTimeout(r, 25))) if (await check()) return;
        throw new Error('condition not reached within 5 s');
      };
      const boundary = 'cut-off-boundary';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file_name"\r\n\r\ncut.txt\r\n--${boundary}\r\nContent-Disposition: form-data; name="file_data"; filename="cut.txt"\r\nContent-Type: text/plain\r\n\r\n`;
      const { port } = new URL(t.url);
      const socket = net.connect(Number(port), '127.0.0.1');
      socket.on('error', () => {});
      await new Promise((r) => socket.once('connect', r));
      socket.write(
        `POST /api/v1/customer/upload/file HTTP/1.1\r\nHost: x\r\nAuth-Token: ${alice.token}\r\n` +
          `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${head.length + 900_000}\r\n\r\n${head}`,
      );
      socket.write(Buffer.alloc(300_000, 67));
      await until(async () => (await partials()).length === 1);
      socket.destroy();
      await until(async () => (await partials()).length === 0 && (await openPartials()).length === 0);
      expect((await uploadFile(t, alice.token, 'after.txt', 'still fine')).body.header.code).toBe(0);
    });

    it('refuses missing parts, non-multipart bodies and anonymous callers', async () => {
      expect((await uploadFile(t, alice.token, 'x.txt', 'x', { field: 'other' })).body.header).toMatchObject({ code: 1003, message: expect.stringContaining('file_data') });
      const json = await t.rest('/api/v1/customer/upload/file', { file_name: 'a.txt', file_data: 'abc' }, alice.token);
      expect(json.body.header.code).toBe(1003);
      const anon = await uploadFile(t, undefined, 'x.txt', 'x');
      expect(anon.status).toBe(401);
      expect(anon.body.header.code).toBe(1001);
      // Without a file_name field the part's own file name is used.
      const unnamed = await uploadFile(t, alice.token, 'from-part.txt', 'x', { nameField: false });
      expect(unnamed.body.data.file_name).toBe('from-part.txt');
      // A name refused before the bytes were read still gets an answer (the part is drained).
      const long = await uploadFile(t, alice.token, `${'n'.repeat(300)}.txt`, 'x'.repeat(2048));
      expect(long.body.header).toMatchObject({ code: 1003, message: expect.stringContaining('file_name') });
    });

    it('serves nothing outside the stored files', async () => {
      for (const p of ['..%2Fpackage.json', '..%2F..%2Fetc%2Fpasswd', '%2E%2E', '.pg-password', 'nonexistent.txt', 'pg%2FPG_VERSION']) {
        const res = await fetch(`${t.url}/assets/files/${p}`);
        expect(res.status, p).toBe(404);
      }
      expect((await fetch(`${t.url}/assets/files/../../package.json`)).status).toBe(404);
    });
  });

  describe('documents', () => {
    it('adds, lists with seed fields plus sync state, updates by file_path without duplicating, and deletes', async () => {
      const staffId = await createStaff(t, alice.token);
      const up = await uploadFile(t, alice.token, 'returns.md', RETURNS_MD);
      const added = await t.rest('/api/v1/customer/update/doc', { staff_id: staffId, docs: [up.body.data] }, alice.token);
      expect(added.body.header.code).toBe(0);
      expect(added.body.data).toEqual({});

      let list = await t.rest('/api/v1/customer/list/doc', { staff_id: staffId, page_no: 0, page_size: 20 }, alice.token);
      expect(list.body.header).toMatchObject({ code: 0, total: 1, count: 1 });
      const item = list.body.data.list[0];
      expect(Object.keys(item).sort()).toEqual(SEED_DOC_FIELDS);
      expect(item).toMatchObject({
        file_name: 'returns.md',
        file_path: up.body.data.file_path,
        file_size: up.body.data.file_size,
        file_url: up.body.data.file_url,
        sync_state: 'pending',
        sync_error: '',
      });
      expect(item.created_time).toMatch(SEED_TIME);

      // The same file_path again renames, never duplicates.
      await t.rest('/api/v1/customer/update/doc', { staff_id: staffId, docs: [{ ...up.body.data, file_name: '退货政策.md' }] }, alice.token);
      list = await t.rest('/api/v1/customer/list/doc', { staff_id: staffId }, alice.token);
      expect(list.body.header.total).toBe(1);
      expect(list.body.data.list[0]).toMatchObject({ id: item.id, file_name: '退货政策.md' });

      expect((await t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, alice.token)).body).toEqual({
        header: { code: 0, message: 'OK', total: 1, count: 1 },
        data: {},
      });
      const [ready] = await waitForSync(t, alice.token, staffId);
      expect(ready).toMatchObject({ sync_state: 'ready', sync_error: '' });
      expect((await chunkRows(item.id)).length).toBeGreaterThanOrEqual(4);

      const del = await t.rest('/api/v1/customer/delete/doc', { staff_id: staffId, ids: [item.id] }, alice.token);
      expect(del.body.header.code).toBe(0);
      expect((await listDocs(t, alice.token, staffId)).length).toBe(0);
      expect(await chunkRows(item.id)).toEqual([]);
    });

    it('syncs real DOCX, PDF, XLSX, CSV, HTML and Markdown files; a corrupt one fails alone with a readable error', async () => {
      const staffId = await createStaff(t, alice.token);
      await addDocument(t, alice.token, staffId, 'warranty.docx', await makeDocx([{ text: 'Warranty', style: 'Heading1' }, { text: 'Every device has a two-year warranty.' }]));
      await addDocument(t, alice.token, staffId, 'shipping.pdf', await makePdf([['Shipping', 'Orders ship within two days.']]));
      await addDocument(t, alice.token, staffId, 'faq.xlsx', await makeXlsx({ FAQ: [['问题', '答案'], ['可以开发票吗', '可以，下单时填写发票抬头。']] }));
      await addDocument(t, alice.token, staffId, 'faq.csv', 'question,answer\nDo you ship abroad?,Yes to 30 countries.\n');
      await addDocument(t, alice.token, staffId, 'about.html', '<h1>About</h1><p>We are open from 9 to 18.</p>');
      await addDocument(t, alice.token, staffId, 'returns.md', RETURNS_MD);
      await addDocument(t, alice.token, staffId, 'broken.docx', Buffer.from('PK\u0003\u0004 definitely not a docx'));
      await addDocument(t, alice.token, staffId, 'photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]));

      await t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, alice.token);
      const docs = await waitForSync(t, alice.token, staffId);
      const state = Object.fromEntries(docs.map((d) => [d.file_name, [d.sync_state, d.sync_error]]));
      expect(state['warranty.docx']).toEqual(['ready', '']);
      expect(state['shipping.pdf']).toEqual(['ready', '']);
      expect(state['faq.xlsx']).toEqual(['ready', '']);
      expect(state['faq.csv']).toEqual(['ready', '']);
      expect(state['about.html']).toEqual(['ready', '']);
      expect(state['returns.md']).toEqual(['ready', '']);
      expect(state['broken.docx']![0]).toBe('failed');
      expect(state['broken.docx']![1]).toMatch(/^Could not read the DOCX file/);
      expect(state['photo.jpg']![0]).toBe('failed');
      expect(state['photo.jpg']![1]).toMatch(/Unsupported file type/);

      // The next sync tries the failed ones again and leaves the ready ones alone.
      const readyIds = docs.filter((d) => d.sync_state === 'ready').map((d) => d.id);
      const chunksBefore = await Promise.all(readyIds.map(chunkRows));
      await t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, alice.token);
      const requeued = await listDocs(t, alice.token, staffId);
      expect(requeued.filter((d) => d.sync_state === 'pending' || d.sync_state === 'indexing').length).toBeLessThanOrEqual(2);
      const again = await waitForSync(t, alice.token, staffId);
      expect(again.find((d) => d.file_name === 'broken.docx')!.sync_state).toBe('failed');
      expect(await Promise.all(readyIds.map(chunkRows))).toEqual(chunksBefore);
    });

    it('skips unchanged files on the next sync (by content hash)', async () => {
      const staffId = await createStaff(t, alice.token);
      await addDocument(t, alice.token, staffId, 'returns.md', RETURNS_MD);
      await t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, alice.token);
      const [doc] = await waitForSync(t, alice.token, staffId);
      const before = await chunkRows(doc!.id);
      const syncedAt = async () =>
        (await t.app.orm.em.fork().getConnection().execute('select synced_at from knowledge_document where id = ?', [doc!.id]))[0]!.synced_at;
      const firstSync = await syncedAt();

      await t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, alice.token);
      expect((await listDocs(t, alice.token, staffId))[0]!.sync_state).toBe('ready');
      await waitForSync(t, alice.token, staffId);
      expect(await chunkRows(doc!.id)).toEqual(before);
      expect(await syncedAt()).toEqual(firstSync);

      // A document queued again with unchanged content is marked ready without re-chunking.
      await t.app.orm.em.fork().getConnection().execute(`update knowledge_document set sync_state = 'pending' where id = ?`, [doc!.id]);
      await t.app.services.documents.indexDocument(doc!.id);
      expect((await listDocs(t, alice.token, staffId))[0]!.sync_state).toBe('ready');
      expect(await chunkRows(doc!.id)).toEqual(before);
    });

    it('survives two syncs at once: one consistent set of chunks per document', async () => {
      const staffId = await createStaff(t, alice.token);
      for (let i = 0; i < 4; i++) await addDocument(t, alice.token, staffId, `part-${i}.md`, `${RETURNS_MD}\n\nPart ${i}.`);
      const results = await Promise.all([
        t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, alice.token),
        t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, alice.token),
      ]);
      expect(results.map((r) => r.body.header.code)).toEqual([0, 0]);
      // And the job itself run twice at once for the same document.
      const docs = await listDocs(t, alice.token, staffId);
      await Promise.all([t.app.services.documents.indexDocument(docs[0]!.id), t.app.services.documents.indexDocument(docs[0]!.id)]);
      const synced = await waitForSync(t, alice.token, staffId);
      expect(synced.every((d) => d.sync_state === 'ready')).toBe(true);
      for (const d of synced) {
        const rows = await chunkRows(d.id);
        expect(rows.map((r) => r.ordinal)).toEqual(rows.map((_, i) => i));
        const counted = await t.app.orm.em.fork().getConnection().execute('select chunk_count from knowledge_document where id = ?', [d.id]);
        expect(counted[0]!.chunk_count).toBe(rows.length);
      }
    });

    it('refuses bad input with 1003', async () => {
      const staffId = await createStaff(t, alice.token);
      const bad: [string, unknown][] = [
        ['/api/v1/customer/update/doc', { staff_id: staffId }],
        ['/api/v1/customer/update/doc', { staff_id: staffId, docs: 'x' }],
        ['/api/v1/customer/update/doc', { staff_id: staffId, docs: [{ file_name: 'no path' }] }],
        ['/api/v1/customer/delete/doc', { staff_id: staffId, ids: 'x' }],
        ['/api/v1/customer/delete/doc', { staff_id: staffId, ids: [] }],
        ['/api/v1/customer/list/doc', { staff_id: 'abc' }],
        ['/api/v1/customer/sync/doc', {}],
        ['/api/v1/customer/list/doc', { staff_id: staffId, page_size: 1000 }],
      ];
      for (const [path, body] of bad) {
        const res = await t.rest(path, body, alice.token);
        expect(res.status, JSON.stringify(body)).toBe(200);
        expect(res.body.header.code, `${path} ${JSON.stringify(body)}`).toBe(1003);
      }
      expect((await t.rest('/api/v1/customer/list/doc', {})).body.header.code).toBe(1001);
    });

    it("denies another merchant's staff, files and documents as not found", async () => {
      const aliceStaff = await createStaff(t, alice.token);
      const bobStaff = await createStaff(t, bob.token);
      const path = await addDocument(t, alice.token, aliceStaff, 'returns.md', RETURNS_MD);
      const [doc] = await listDocs(t, alice.token, aliceStaff);

      for (const route of ['list/doc', 'sync/doc']) {
        expect((await t.rest(`/api/v1/customer/${route}`, { staff_id: aliceStaff }, bob.token)).body.header.code, route).toBe(1006);
      }
      expect((await t.rest('/api/v1/customer/update/doc', { staff_id: aliceStaff, docs: [] }, bob.token)).body.header.code).toBe(1006);
      expect((await t.rest('/api/v1/customer/delete/doc', { staff_id: aliceStaff, ids: [doc!.id] }, bob.token)).body.header.code).toBe(1006);
      // Bob cannot attach Alice's file to his own staff, nor delete Alice's document through his staff.
      const steal = await t.rest('/api/v1/customer/update/doc', { staff_id: bobStaff, docs: [{ file_path: path }] }, bob.token);
      expect(steal.body.header.code).toBe(1006);
      expect((await t.rest('/api/v1/customer/delete/doc', { staff_id: bobStaff, ids: [doc!.id] }, bob.token)).body.header.code).toBe(1006);
      expect((await listDocs(t, alice.token, aliceStaff)).length).toBe(1);
      expect((await listDocs(t, bob.token, bobStaff)).length).toBe(0);
    });
  });
});

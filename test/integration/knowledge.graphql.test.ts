import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { addDocument, makeDocx, makeXlsx, uploadFile, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const POLICY_MD = `# 退货政策

收到商品后三十天内可以申请退货。商品需保持原包装完好，定制商品不支持退货。

## 退款时间

退款会在审核通过后五个工作日内退回原支付账户。

# Returns

You can return any item within thirty days of delivery. Items must be unused and in their original packaging. Custom-made items cannot be returned.

## Refund timing

Refunds reach your original payment method within five working days after approval.
`;

const SHIPPING_DOCX = [
  { text: 'Shipping', style: 'Heading1' as const },
  { text: 'Orders placed before 4 pm ship the same day. Standard delivery takes two to four days. Express delivery arrives the next day for an extra 20 yuan.' },
  { text: '配送', style: 'Heading1' as const },
  { text: '下午四点前下单当天发货。普通快递两到四天送达，顺丰次日达需加收二十元。' },
];

describe('GraphQL: documents, sync progress and answers', () => {
  let t: TestApp;
  let alice: MerchantFixture;
  let bob: MerchantFixture;
  let staffId: number;

  const ask = async (token: string, id: number, question: string) =>
    t.gql('query($id: Int!, $q: String!) { askStaff(staffId: $id, question: $q) { text grounded confidence answerer sources { fileName heading excerpt score documentId } } }', { id, q: question }, token);

  beforeAll(async () => {
    t = await startTestApp();
    [alice, bob] = await Promise.all([createMerchant(t), createMerchant(t)]);
    staffId = await createStaff(t, alice.token, { output_length: 'normal-length' });
    await addDocument(t, alice.token, staffId, 'policy.md', POLICY_MD);
    await addDocument(t, alice.token, staffId, 'shipping.docx', await makeDocx(SHIPPING_DOCX));
    await addDocument(t, alice.token, staffId, 'faq.xlsx', await makeXlsx({ FAQ: [['Question', 'Answer'], ['Can I get an invoice?', 'Yes. Enter the invoice title when you place the order.'], ['怎么联系人工客服', '工作日九点到十八点拨打400-800-1234。']] }));
    await t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, alice.token);
    const docs = await waitForSync(t, alice.token, staffId);
    expect(docs.map((d) => d.sync_state)).toEqual(['ready', 'ready', 'ready']);
  });
  afterAll(() => t?.close());

  it('lists documents and files with their state', async () => {
    const res = await t.gql(
      'query($id: Int!) { documents(staffId: $id) { total items { id staffId fileName filePath fileSize fileUrl syncState syncError chunkCount syncedAt } } files { total items { fileName filePath fileSize fileUrl contentType } } }',
      { id: staffId },
      alice.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.documents.total).toBe(3);
    const md = res.data.documents.items.find((d: any) => d.fileName === 'policy.md');
    expect(md).toMatchObject({ staffId, syncState: 'READY', syncError: null });
    expect(md.chunkCount).toBeGreaterThanOrEqual(4);
    expect(res.data.files.items.map((f: any) => f.fileName).sort()).toEqual(['faq.xlsx', 'policy.md', 'shipping.docx']);
    const bobView = await t.gql('query($id: Int!) { documents(staffId: $id) { total } }', { id: staffId }, bob.token);
    expect(bobView.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql('{ files { total } }', {}, bob.token)).data.files.total).toBe(0);
  });

  it('adds, syncs and deletes documents and publishes progress to the owner only', async () => {
    const up = await uploadFile(t, alice.token, 'hours.txt', 'We are open from 9 am to 6 pm on weekdays.');
    const aliceWs = t.wsClient({ token: alice.token });
    const bobWs = t.wsClient({ token: bob.token });
    const events: any[] = [];
    const bobEvents: any[] = [];
    const query = 'subscription($id: Int) { documentSync(staffId: $id) { documentId staffId state error chunkCount document { fileName syncState } } }';
    aliceWs.subscribe({ query, variables: { id: staffId } }, { next: (v) => events.push(v), error: () => {}, complete: () => {} });
    bobWs.subscribe({ query }, { next: (v) => bobEvents.push(v), error: () => {}, complete: () => {} });
    await new Promise((r) => setTimeout(r, 300));

    const added = await t.gql(
      'mutation($id: Int!, $files: [DocumentFileInput!]!) { addDocuments(staffId: $id, files: $files) { id syncState fileName } }',
      { id: staffId, files: [{ filePath: up.body.data.file_path, fileName: 'Opening hours.txt' }] },
      alice.token,
    );
    expect(added.errors).toBeUndefined();
    const docId = added.data.addDocuments[0].id;
    expect(added.data.addDocuments[0]).toMatchObject({ syncState: 'PENDING', fileName: 'Opening hours.txt' });

    const synced = await t.gql('mutation($id: Int!) { syncDocuments(staffId: $id) { id syncState } }', { id: staffId }, alice.token);
    expect(synced.errors).toBeUndefined();
    expect(synced.data.syncDocuments.find((d: any) => d.id === docId).syncState).toBe('PENDING');
    // The three documents synced earlier are unchanged and stay ready.
    expect(synced.data.syncDocuments.filter((d: any) => d.syncState === 'READY').length).toBe(3);
    await waitForSync(t, alice.token, staffId);
    const deadline = Date.now() + 5000;
    while (!events.some((e) => e.data?.documentSync.state === 'READY') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const states = events.filter((e) => e.data?.documentSync.documentId === docId).map((e) => e.data.documentSync.state);
    expect(states).toEqual(['PENDING', 'PENDING', 'INDEXING', 'READY']);
    expect(events.at(-1).data.documentSync).toMatchObject({ staffId, error: null, document: { fileName: 'Opening hours.txt', syncState: 'READY' } });
    expect(bobEvents).toEqual([]);

    const answer = await ask(alice.token, staffId, 'What are your opening hours on weekdays?');
    expect(answer.data.askStaff.grounded).toBe(true);
    expect(answer.data.askStaff.text).toContain('9 am to 6 pm');

    const deleted = await t.gql('mutation($id: Int!, $ids: [Int!]!) { deleteDocuments(staffId: $id, ids: $ids) }', { id: staffId, ids: [docId] }, alice.token);
    expect(deleted.data.deleteDocuments).toBe(1);
    const after = await ask(alice.token, staffId, 'What are your opening hours on weekdays?');
    expect(after.data.askStaff.sources.every((s: any) => s.documentId !== docId)).toBe(true);
  });

  it('answers English and Chinese questions from their documents, with sources', async () => {
    const cases: [string, string, string][] = [
      ['How many days do I have to return an item?', 'within thirty days of delivery', 'policy.md'],
      ['收到货以后多久可以退货？', '收到商品后三十天内可以申请退货', 'policy.md'],
      ['When will I get my refund?', 'five working days', 'policy.md'],
      ['退款多久能退回？', '五个工作日内', 'policy.md'],
      ['How long does standard delivery take?', 'two to four days', 'shipping.docx'],
      ['顺丰次日达加收多少钱？', '二十元', 'shipping.docx'],
      ['Can I get an invoice for my order?', 'invoice title', 'faq.xlsx'],
      ['人工客服怎么联系', '400-800-1234', 'faq.xlsx'],
    ];
    for (const [question, expected, file] of cases) {
      const res = await ask(alice.token, staffId, question);
      expect(res.errors, question).toBeUndefined();
      const a = res.data.askStaff;
      expect(a.grounded, question).toBe(true);
      expect(a.answerer).toBe('BUILTIN');
      expect(a.text, question).toContain(expected);
      expect(a.sources[0].fileName, question).toBe(file);
      expect(a.confidence).toBeGreaterThan(0.45);
    }
  });

  it('tolerates a misspelled short query', async () => {
    const a = (await ask(alice.token, staffId, 'refnd timing')).data.askStaff;
    expect(a.grounded).toBe(true);
    expect(a.text).toContain('five working days');
  });

  it('says it does not know, and offers a person, when the documents do not answer', async () => {
    for (const [question, phrase] of [
      ['Do you sell pet food?', 'connect you with a person'],
      ['你们支持比特币付款吗？', '转接人工客服'],
    ]) {
      const a = (await ask(alice.token, staffId, question!)).data.askStaff;
      expect(a.grounded, question).toBe(false);
      expect(a.sources).toEqual([]);
      expect(a.text).toContain(phrase);
    }
  });

  it('sizes the built-in answer by output_length', async () => {
    const lengths: Record<string, number> = {};
    for (const outputLength of ['CONCISE', 'NORMAL_LENGTH', 'DETAILED']) {
      await t.gql('mutation($id: Int!, $l: OutputLength!) { updateStaff(id: $id, input: { outputLength: $l }) { id } }', { id: staffId, l: outputLength }, alice.token);
      const a = (await ask(alice.token, staffId, 'How do returns work?')).data.askStaff;
      expect(a.grounded).toBe(true);
      lengths[outputLength] = a.text.length;
      if (outputLength === 'DETAILED') expect(a.sources.length).toBeGreaterThan(1);
      else expect(a.sources.length).toBe(1);
    }
    await t.gql('mutation($id: Int!) { updateStaff(id: $id, input: { outputLength: NORMAL_LENGTH }) { id } }', { id: staffId }, alice.token);
    expect(lengths.CONCISE!).toBeLessThanOrEqual(lengths.NORMAL_LENGTH!);
    expect(lengths.NORMAL_LENGTH!).toBeLessThan(lengths.DETAILED!);
  });

  it('streams an answer over a subscription and ends with its sources', async () => {
    const ws = t.wsClient({ token: alice.token });
    const events: any[] = [];
    await new Promise<void>((resolve, reject) => {
      ws.subscribe(
        {
          query: 'subscription($id: Int!, $q: String!) { askStaffStream(staffId: $id, question: $q) { delta done error answer { text grounded sources { fileName } } } }',
          variables: { id: staffId, q: 'How long does standard delivery take?' },
        },
        { next: (v) => events.push(v), error: reject, complete: resolve },
      );
    });
    const pieces = events.filter((e) => !e.data.askStaffStream.done).map((e) => e.data.askStaffStream.delta);
    const last = events.at(-1).data.askStaffStream;
    expect(pieces.length).toBeGreaterThan(1);
    expect(last).toMatchObject({ done: true, error: null, answer: { grounded: true, sources: [{ fileName: 'shipping.docx' }] } });
    expect(pieces.join('')).toBe(last.answer.text);
  });

  it("refuses another merchant's staff and bad questions", async () => {
    expect((await ask(bob.token, staffId, 'How do returns work?')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await ask(alice.token, staffId, '   ')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ask(alice.token, staffId, 'x'.repeat(2001))).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ws = t.wsClient({ token: bob.token });
    const first = await new Promise<any>((resolve) => {
      ws.subscribe(
        { query: 'subscription($id: Int!) { askStaffStream(staffId: $id, question: "returns?") { done } }', variables: { id: staffId } },
        { next: resolve, error: resolve, complete: () => resolve('complete') },
      );
    });
    expect(JSON.stringify(first)).toContain('NOT_FOUND');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { conceptEmbedding, startFakeEmbeddings, type FakeEmbeddings } from '../support/fake-embeddings.js';
import { addDocument, listDocs, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const POLICY_MD = `# 退货政策

收到商品后三十天内可以申请退货。商品需保持原包装完好，定制商品不支持退货。

## 退款时间

退款会在审核通过后五个工作日内退回原支付账户。

# Returns

You can return any item within thirty days of delivery. Items must be unused and in their original packaging.

## Refund timing

Refunds reach your original payment method within five working days after approval.
`;

const WARRANTY_MD = `# 保修

所有灯泡享受两年保修，凭订单号即可申请。
`;

/** Another merchant's material, as close as can be to Alice's questions. */
const BOB_MD = `# 退款

本店退款两天内退回银行卡，钱会原路返回。

# Refunds

Refunds and money back go to your card within two days.
`;

// Paraphrases: not one word in common with the passage that answers them.
const ZH_PARAPHRASE = '钱什么时候能回到我卡里？';
const EN_PARAPHRASE = 'When do I get my money back?';
const WARRANTY_PARAPHRASE = '坏了能免费修吗？';

const EMBEDDINGS_ENV = {
  EMBEDDINGS_MODEL: 'fake-embed-1',
  EMBEDDINGS_API_KEY: 'emb-test-key',
  EMBEDDINGS_TIMEOUT_MS: '700',
  EMBEDDINGS_MAX_RETRIES: '1',
  EMBEDDINGS_BATCH_SIZE: '3',
};

describe('vector similarity with an embeddings service (no pgvector)', () => {
  let fake: FakeEmbeddings;
  let vec: TestApp;
  let lex: TestApp;
  let alice: MerchantFixture;
  let bob: MerchantFixture;
  let carol: MerchantFixture;
  let aliceStaff: number;
  let bobStaff: number;
  let carolStaff: number;

  const ask = async (t: TestApp, token: string, id: number, question: string) => {
    const res = await t.gql(
      'query($id: Int!, $q: String!) { askStaff(staffId: $id, question: $q) { text grounded confidence answerer sources { fileName excerpt score documentId } } }',
      { id, q: question },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data.askStaff as { text: string; grounded: boolean; confidence: number; sources: { fileName: string; excerpt: string; score: number; documentId: number }[] };
  };
  const sync = async (t: TestApp, token: string, id: number) => {
    const res = await t.rest('/api/v1/customer/sync/doc', { staff_id: id }, token);
    expect(res.body.header.code).toBe(0);
    return waitForSync(t, token, id);
  };

  beforeAll(async () => {
    fake = await startFakeEmbeddings();
    [vec, lex] = await Promise.all([startTestApp({ ...EMBEDDINGS_ENV, EMBEDDINGS_BASE_URL: fake.url }), startTestApp()]);
    [alice, bob, carol] = await Promise.all([createMerchant(vec), createMerchant(vec), createMerchant(lex)]);
    [aliceStaff, bobStaff, carolStaff] = await Promise.all([createStaff(vec, alice.token), createStaff(vec, bob.token), createStaff(lex, carol.token)]);
    await addDocument(vec, alice.token, aliceStaff, 'policy.md', POLICY_MD);
    await addDocument(vec, bob.token, bobStaff, 'bob-refunds.md', BOB_MD);
    await addDocument(lex, carol.token, carolStaff, 'policy.md', POLICY_MD);
    const synced = await Promise.all([sync(vec, alice.token, aliceStaff), sync(vec, bob.token, bobStaff), sync(lex, carol.token, carolStaff)]);
    for (const docs of synced) expect(docs.map((d) => [d.sync_state, d.sync_error])).toEqual([['ready', '']]);
  });
  afterAll(async () => {
    await Promise.all([vec?.close(), lex?.close()]);
    await fake?.close();
  });

  it('the fake embeds a paraphrase close to its passage and an unrelated question far from it', () => {
    const cos = (a: number[], b: number[]) => {
      const dot = a.reduce((s, x, i) => s + x * b[i]!, 0);
      return dot / Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));
    };
    const passage = conceptEmbedding('退货政策 › 退款时间\n退款会在审核通过后五个工作日内退回原支付账户。');
    expect(cos(passage, conceptEmbedding(ZH_PARAPHRASE))).toBeGreaterThan(0.7);
    expect(cos(passage, conceptEmbedding('你们卖鲜花吗？'))).toBeLessThan(0.3);
  });

  it('sends batched requests in the OpenAI shape and stores normalised real[] embeddings', async () => {
    const indexing = fake.requests.filter((r) => Array.isArray(r.body.input) && r.body.input.length > 1);
    expect(indexing.length).toBeGreaterThan(0);
    for (const r of fake.requests) {
      expect(r.path).toBe('/v1/embeddings');
      expect(r.headers.authorization).toBe('Bearer emb-test-key');
      expect(r.body).toMatchObject({ model: 'fake-embed-1', encoding_format: 'float' });
      expect(r.body.input.length).toBeLessThanOrEqual(3);
    }
    const rows = await vec.app.orm.em
      .getConnection()
      .execute<{ staff_id: number; dims: number; norm: number; bits: number; model: string }[]>(
        `select c.staff_id, array_length(c.embedding, 1) as dims, sqrt(knowledge_dot(c.embedding, c.embedding)) as norm, length(c.embedding_bits) as bits, d.embedding_model as model
           from knowledge_chunk c join knowledge_document d on d.id = c.document_id`,
      );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) {
      expect(r).toMatchObject({ dims: 64, bits: 64, model: 'fake-embed-1' });
      expect(Number(r.norm)).toBeCloseTo(1, 4);
    }
  });

  it('answers paraphrases that share no word with the document, which lexical retrieval refuses', async () => {
    for (const question of [ZH_PARAPHRASE, EN_PARAPHRASE]) {
      const withVectors = await ask(vec, alice.token, aliceStaff, question);
      expect(withVectors.grounded, question).toBe(true);
      expect(withVectors.sources[0]!.fileName).toBe('policy.md');
      expect(withVectors.text).toMatch(question === ZH_PARAPHRASE ? /退回原支付账户/ : /original payment method/);
      const lexical = await ask(lex, carol.token, carolStaff, question);
      expect(lexical.grounded, question).toBe(false);
    }
  });

  it('never lowers a lexical score, and still refuses what the documents do not cover', async () => {
    for (const question of ['How long do refunds take to reach my payment method?', '退款多久退回原支付账户', 'refnd timing']) {
      const lexical = await lex.app.services.retrieval.retrieve(lex.app.orm.em.fork(), carolStaff, question, { k: 3 });
      const both = await vec.app.services.retrieval.retrieve(vec.app.orm.em.fork(), aliceStaff, question, { k: 50 });
      expect(lexical.length, question).toBeGreaterThan(0);
      for (const p of lexical) expect(both.find((b) => b.content === p.content)?.score, question).toBeGreaterThanOrEqual(p.score);
    }
    for (const q of ['你们卖鲜花吗？', 'Do you sell gift cards?']) expect((await ask(vec, alice.token, aliceStaff, q)).grounded, q).toBe(false);
  });

  it("never returns another staff's chunks, however close their embeddings are", async () => {
    const [aliceDocs, bobDocs] = await Promise.all([listDocs(vec, alice.token, aliceStaff), listDocs(vec, bob.token, bobStaff)]);
    const retrieval = vec.app.services.retrieval;
    for (const question of [ZH_PARAPHRASE, EN_PARAPHRASE, '退款两天内退回银行卡']) {
      const mine = await retrieval.retrieve(vec.app.orm.em.fork(), aliceStaff, question, { k: 50 });
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((p) => p.documentId === aliceDocs[0]!.id), question).toBe(true);
      const theirs = await retrieval.retrieve(vec.app.orm.em.fork(), bobStaff, question, { k: 50 });
      expect(theirs.every((p) => p.documentId === bobDocs[0]!.id), question).toBe(true);
    }
    const answer = await ask(vec, bob.token, bobStaff, ZH_PARAPHRASE);
    expect(answer.sources.every((s) => s.fileName === 'bob-refunds.md')).toBe(true);
  });

  it('a failing embeddings service during sync leaves that document keyword-only with a warning; the next sync embeds it', async () => {
    const unchangedRequests = fake.requests.length;
    await sync(vec, alice.token, aliceStaff);
    expect(fake.requests.length).toBe(unchangedRequests); // unchanged and embedded: not queued, not embedded again

    await addDocument(vec, alice.token, aliceStaff, 'warranty.md', WARRANTY_MD);
    fake.script({ kind: 'status', status: 503, message: 'overloaded' }, { kind: 'status', status: 503, message: 'overloaded' });
    let docs = await sync(vec, alice.token, aliceStaff);
    const warranty = docs.find((d) => d.file_name === 'warranty.md')!;
    expect(warranty.sync_state).toBe('ready');
    expect(warranty.sync_error).toMatch(/^Indexed for keyword search only: The embeddings service answered HTTP 503 after 2 attempts: overloaded/);
    expect(docs.find((d) => d.file_name === 'policy.md')).toMatchObject({ sync_state: 'ready', sync_error: '' });
    // Keyword search answers from it; the paraphrase waits for its embeddings; the other document still has its own.
    expect((await ask(vec, alice.token, aliceStaff, '灯泡保修多久')).grounded).toBe(true);
    expect((await ask(vec, alice.token, aliceStaff, WARRANTY_PARAPHRASE)).grounded).toBe(false);
    expect((await ask(vec, alice.token, aliceStaff, ZH_PARAPHRASE)).grounded).toBe(true);

    docs = await sync(vec, alice.token, aliceStaff);
    expect(docs.map((d) => [d.file_name, d.sync_state, d.sync_error])).toEqual([
      ['policy.md', 'ready', ''],
      ['warranty.md', 'ready', ''],
    ]);
    const answer = await ask(vec, alice.token, aliceStaff, WARRANTY_PARAPHRASE);
    expect(answer.grounded).toBe(true);
    expect(answer.sources[0]!.fileName).toBe('warranty.md');
  });

  it('a question the service cannot embed (timeout or 5xx) is answered lexically, at once after the timeout', async () => {
    fake.script({ kind: 'hang' });
    const started = Date.now();
    const lexicalQuestion = await ask(vec, alice.token, aliceStaff, 'How long do refunds take to reach my payment method?');
    expect(lexicalQuestion.grounded).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);

    fake.script({ kind: 'status', status: 500 });
    expect((await ask(vec, alice.token, aliceStaff, ZH_PARAPHRASE)).grounded).toBe(false);
    // The service is back: so is the paraphrase.
    expect((await ask(vec, alice.token, aliceStaff, ZH_PARAPHRASE)).grounded).toBe(true);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const POLICY = '# Returns\n\nYou can return any item within thirty days of delivery.\n\n# 退货\n\n收到商品后三十天内可以申请退货。\n';
const ASK = 'query($id: Int!, $q: String!) { askStaff(staffId: $id, question: $q) { text grounded confidence answerer fallbackReason sources { fileName } } }';

describe('answers through a configured LLM (OpenAI-compatible)', () => {
  let llm: FakeLlm;
  let t: TestApp;
  let m: MerchantFixture;
  let staffId: number;

  beforeAll(async () => {
    llm = await startFakeLlm();
    t = await startTestApp({ LLM_BASE_URL: llm.url, LLM_MODEL: 'qwen-test', LLM_API_KEY: 'sk-app', LLM_MAX_RETRIES: '0', LLM_TIMEOUT_MS: '1000', LLM_STALL_TIMEOUT_MS: '300' });
    m = await createMerchant(t);
    staffId = await createStaff(t, m.token, { name: '小美', org_name: 'Acme', language_response: 'English', output_length: 'concise' });
    await addDocument(t, m.token, staffId, 'policy.md', POLICY);
    await t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, m.token);
    await waitForSync(t, m.token, staffId);
  });
  afterAll(async () => {
    await t?.close();
    await llm?.close();
  });
  beforeEach(() => {
    llm.requests.length = 0;
  });

  it('answers with the LLM in the staff persona, from the retrieved passages', async () => {
    llm.script({ kind: 'stream', pieces: ['You have ', 'thirty days.'] });
    const res = await t.gql(ASK, { id: staffId, q: 'How long can I return an item?' }, m.token);
    expect(res.errors).toBeUndefined();
    expect(res.data.askStaff).toMatchObject({ text: 'You have thirty days.', grounded: true, answerer: 'LLM', fallbackReason: null, sources: [{ fileName: 'policy.md' }] });
    const body = llm.requests[0]!.body;
    expect(body.model).toBe('qwen-test');
    expect(llm.requests[0]!.headers.authorization).toBe('Bearer sk-app');
    expect(body.messages[0].content).toContain('You are 小美, a customer-service staff member of Acme.');
    expect(body.messages[0].content).toContain('Always answer in English.');
    expect(body.messages.at(-1).content).toContain('You can return any item within thirty days of delivery.');
  });

  it('does not call the LLM for a question the documents do not touch', async () => {
    const res = await t.gql(ASK, { id: staffId, q: 'Do you sell pet food?' }, m.token);
    expect(res.data.askStaff).toMatchObject({ grounded: false, answerer: 'LLM' });
    expect(res.data.askStaff.text).toContain('connect you with a person');
    expect(llm.requests).toHaveLength(0);
  });

  it('falls back to the built-in answerer when the LLM fails before answering', async () => {
    llm.script({ kind: 'status', status: 500, message: 'upstream down' });
    const res = await t.gql(ASK, { id: staffId, q: 'How long can I return an item?' }, m.token);
    expect(res.errors).toBeUndefined();
    expect(res.data.askStaff).toMatchObject({ grounded: true, answerer: 'BUILTIN', fallbackReason: 'The language model service answered HTTP 500 after 1 attempt: upstream down' });
    expect(res.data.askStaff.text).toContain('thirty days');
  });

  it('reports a stream that stalls mid-answer as the final event of the subscription', async () => {
    llm.script({ kind: 'stall', pieces: ['You have'] });
    const ws = t.wsClient({ token: m.token });
    const events: any[] = [];
    await new Promise<void>((resolve, reject) => {
      ws.subscribe(
        { query: 'subscription($id: Int!, $q: String!) { askStaffStream(staffId: $id, question: $q) { delta done error } }', variables: { id: staffId, q: 'How long can I return an item?' } },
        { next: (v) => events.push(v.data?.askStaffStream), error: reject, complete: resolve },
      );
    });
    expect(events[0]).toEqual({ delta: 'You have', done: false, error: null });
    expect(events.at(-1)).toEqual({ delta: null, done: true, error: 'The language model stream stalled: nothing arrived for 300 ms (1 attempt)' });
  });
});

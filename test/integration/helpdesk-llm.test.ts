import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const POLICY = '# Returns\n\nYou can return any item within thirty days of delivery.\n';
const NOTE = 'INTERNAL: customer is on the fraud watch list';

describe('handoff summary and suggested reply with a configured LLM; notes never reach it', () => {
  let llm: FakeLlm;
  let t: TestApp;
  let m: MerchantFixture;
  let staff: StaffFixture;
  let agent: AgentFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
  const sent = () => JSON.stringify(llm.requests.map((r) => r.body));

  beforeAll(async () => {
    llm = await startFakeLlm();
    t = await startTestApp({ LLM_BASE_URL: llm.url, LLM_MODEL: 'qwen-test', LLM_API_KEY: 'sk-app', LLM_MAX_RETRIES: '0', LLM_TIMEOUT_MS: '2000', LLM_STALL_TIMEOUT_MS: '500', ASK_STAFF_PER_STAFF_PER_MINUTE: '3' });
    m = await createMerchant(t);
    staff = await createStaffWithKeys(t, m.token, { language_response: 'English' });
    agent = await createAgent(t, m.token, [staff.id]);
    await addDocument(t, m.token, staff.id, 'policy.md', POLICY);
    await t.rest('/api/v1/customer/sync/doc', { staff_id: staff.id }, m.token);
    await waitForSync(t, m.token, staff.id);
  });
  afterAll(async () => {
    await t?.close();
    await llm?.close();
  });
  beforeEach(() => {
    llm.requests.length = 0;
  });

  async function contactOf(id: string): Promise<FrameClient> {
    return FrameClient.open(ws(`/ws?contact_id=${id}`), basicAuth(staff.apiKey, staff.secretKey));
  }

  async function sessionOf(externalId: string): Promise<number> {
    const list = await t.gql('{ sessions(page: { pageSize: 100 }) { items { id contact { externalId } } } }', {}, m.token);
    return list.data.sessions.items.find((s: any) => s.contact.externalId === externalId).id;
  }

  const note = (id: number) => t.gql('mutation($s: Int!, $c: String!) { addSessionNote(sessionId: $s, content: $c) { id } }', { s: id, c: NOTE }, m.token);

  it('does not give the AI the notes when it answers the contact', async () => {
    const c = await contactOf('llm-ai');
    c.send({ action: 'chat', content: 'hello' });
    await c.untilEof();
    await note(await sessionOf('llm-ai'));
    llm.script({ kind: 'stream', pieces: ['Thirty days.'] });
    c.send({ action: 'chat', content: 'How long can I return an item?' });
    expect(await c.untilEof()).toBe('Thirty days.');
    expect(llm.requests).toHaveLength(1);
    expect(sent()).not.toContain('fraud watch');
    c.close();
  });

  it('generates the summary once with the LLM, and suggests a reply over the conversation', async () => {
    const c = await contactOf('llm-handoff');
    c.send({ action: 'chat', content: 'hello' });
    await c.untilEof();
    c.send({ action: 'chat', content: 'I want to talk to a human' });
    await c.untilEof();
    const id = await sessionOf('llm-handoff');
    await note(id);
    expect(llm.requests).toHaveLength(0);

    llm.script({ kind: 'stream', pieces: ['The customer greeted us ', 'and asked for a person.'] });
    const Q = 'query($id: Int!) { session(id: $id) { handoffSummary { text generatedBy questions } } }';
    const res = await t.gql(Q, { id }, agent.token);
    expect(res.errors).toBeUndefined();
    expect(res.data.session.handoffSummary).toEqual({ text: 'The customer greeted us and asked for a person.', generatedBy: 'llm', questions: ['hello', 'I want to talk to a human'] });
    expect(llm.requests).toHaveLength(1);
    const prompt = llm.requests[0]!.body.messages;
    expect(prompt[0].content).toContain('taking over a conversation');
    expect(prompt[1].content).toContain('Customer: hello');
    expect(prompt[1].content).toContain('Customer: I want to talk to a human');
    // Kept: asking again makes no second call.
    expect((await t.gql(Q, { id }, m.token)).data.session.handoffSummary.text).toBe('The customer greeted us and asked for a person.');
    expect(llm.requests).toHaveLength(1);

    // While waiting the contact asks again; the suggestion answers both of its last questions.
    c.send({ action: 'chat', content: 'How long can I return an item?' });
    await c.untilEof();
    llm.script({ kind: 'stream', pieces: ['You can return it within thirty days.'] });
    const sug = await t.gql('query($id: Int!) { suggestedReply(sessionId: $id) { text grounded answerer } }', { id }, agent.token);
    expect(sug.errors).toBeUndefined();
    expect(sug.data.suggestedReply).toEqual({ text: 'You can return it within thirty days.', grounded: true, answerer: 'llm' });
    const asked = llm.requests.at(-1)!.body.messages;
    expect(asked.at(-1).content).toContain('How long can I return an item?');
    expect(JSON.stringify(asked)).toContain('hello');
    expect(sent()).not.toContain('fraud watch');
    c.close();
  });

  it('counts suggestions against the staff question budget', async () => {
    const c = await contactOf('llm-budget');
    c.send({ action: 'chat', content: 'I want to talk to a human' });
    await c.untilEof();
    const id = await sessionOf('llm-budget');
    const codes: (string | undefined)[] = [];
    // One suggestion was asked in the test before; the budget is three a minute.
    for (let i = 0; i < 3; i++) codes.push((await t.gql('query($id: Int!) { suggestedReply(sessionId: $id) { text } }', { id }, agent.token)).errors?.[0]?.extensions?.code);
    expect(codes).toEqual([undefined, undefined, 'RATE_LIMITED']);
    c.close();
  });

  it('keeps the extract when the LLM fails', async () => {
    const c = await contactOf('llm-down');
    c.send({ action: 'chat', content: 'I want to talk to a human' });
    await c.untilEof();
    const id = await sessionOf('llm-down');
    llm.script({ kind: 'status', status: 500 });
    const res = await t.gql('query($id: Int!) { session(id: $id) { handoffSummary { generatedBy questions } } }', { id }, agent.token);
    expect(res.data.session.handoffSummary).toEqual({ generatedBy: 'extractive', questions: ['I want to talk to a human'] });
    c.close();
  });
});

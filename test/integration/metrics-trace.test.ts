import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGatewayCallback, startGatewayReceiver } from '../support/channel-fakes.js';
import { createAgent, createMerchant, createStaff } from '../support/factories.js';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient } from '../support/ws-clients.js';

const HOURS_DOC = `# 营业时间

我们的门店营业时间是每天上午9点到晚上9点，节假日照常营业。
`;
const SECRET = 'metrics-gateway-secret';
const TOKEN = 'metrics-token-0123456789';

/** Every family /metrics must show after a conversation (README "Metrics and traces"). */
const FAMILIES = [
  'http_request_duration_seconds',
  'graphql_operation_duration_seconds',
  'websocket_connections_open',
  'events_published_total',
  'events_delivered_total',
  'conversation_queue_length',
  'conversation_queue_wait_seconds',
  'ai_answers_total',
  'llm_request_duration_seconds',
  'llm_fallbacks_total',
  'embedding_request_duration_seconds',
  'embedding_fallbacks_total',
  'channel_deliveries',
  'job_queue_depth',
  'db_pool_connections',
  'process_cpu_seconds_total',
  'nodejs_eventloop_lag_seconds',
];

describe('/metrics and one trace id per conversation', { timeout: 90_000 }, () => {
  let t: TestApp;
  let llm: FakeLlm;
  let receiver: Awaited<ReturnType<typeof startGatewayReceiver>>;
  const lines: Record<string, any>[] = [];
  const logTo = new Writable({
    write(chunk, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  const scrape = (token?: string) => fetch(`${t.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const sample = (text: string, name: string, labels: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
    return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
  };

  beforeAll(async () => {
    llm = await startFakeLlm();
    receiver = await startGatewayReceiver();
    t = await startTestApp(
      { LOG_LEVEL: 'info', METRICS_TOKEN: TOKEN, LLM_BASE_URL: llm.url, LLM_MODEL: 'fake-model', LLM_MAX_RETRIES: '0', CHANNEL_POLL_MS: '50' },
      { logTo },
    );
  });
  afterAll(async () => {
    await t?.close();
    await llm?.close();
    await receiver?.close();
  });

  it('refuses /metrics without the token, or with another one', async () => {
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(await none.json()).toMatchObject({ code: 401 });
    expect((await scrape('metrics-token-9876543210')).status).toBe(401);
    expect((await scrape(TOKEN.slice(0, -1))).status).toBe(401);
  });

  it('shows each family after a channel conversation handed to an agent, and logs every step under one trace id', async () => {
    const m = await createMerchant(t);
    const staffId = await createStaff(t, m.token);
    await addDocument(t, m.token, staffId, 'hours.md', HOURS_DOC);
    await t.rest('/api/v1/customer/sync/doc', { staff_id: staffId }, m.token);
    await waitForSync(t, m.token, staffId);
    expect((await t.rest('/api/v1/customer/create/channel', { staff_id: staffId, channel_type: 'douyin', account_id: 'dy-m', secret: SECRET, outbound_url: receiver.url }, m.token)).body.header.code).toBe(0);
    const agent = await createAgent(t, m.token, [staffId]);
    // The workbench is open: its socket counts, and it is a subscriber the events are delivered to.
    const workbench = await FrameClient.open(`${t.url.replace('http', 'ws')}/ws/cs/${agent.id}?token=${agent.token}`);
    const say = (content: string) =>
      postGatewayCallback(t.url, 'douyin', SECRET, { account_id: 'dy-m', msg_id: `m-${Math.random()}`, user_id: 'dy-metrics', msg_type: 'text', content, timestamp: Math.floor(Date.now() / 1000) });

    // The LLM fails once (the built-in answerer answers instead), then answers.
    llm.script({ kind: 'status', status: 500 });
    const first = await say('你们的营业时间是什么？');
    expect(first.status).toBe(200);
    const sessionId: number = first.body.data.session_id;
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(1);
    await say('营业时间几点开始？');
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(2);
    await say('转人工');
    await expect.poll(() => lines.some((l) => l.msg === 'session handoff' && l.sessionId === sessionId)).toBe(true);

    const queued = await (await scrape(TOKEN)).text();
    expect(sample(queued, 'conversation_queue_length', `staff_id="${staffId}"`)).toBe(1);
    expect(sample(queued, 'websocket_connections_open', 'surface="/ws/cs/:csId"')).toBe(1);

    const auth = { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' };
    expect((await fetch(`${t.url}/api/sessions/${sessionId}/accept`, { method: 'POST', headers: auth, body: '{}' })).status).toBe(200);
    const reply = await fetch(`${t.url}/api/sessions/${sessionId}/message`, { method: 'POST', headers: auth, body: JSON.stringify({ content: '您好，我是人工客服' }) });
    expect(reply.status).toBe(200);
    await expect.poll(() => receiver.requests.some((r) => JSON.stringify(r.json).includes('您好，我是人工客服')), { timeout: 15_000 }).toBe(true);
    expect((await t.gql('{ agentMe { id } }', undefined, agent.token)).data).toMatchObject({ agentMe: { id: agent.id } });

    const res = await scrape(TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    for (const family of FAMILIES) expect(text, family).toContain(`# TYPE ${family} `);
    // Routes by template, never by raw URL.
    expect(sample(text, 'http_request_duration_seconds_count', 'route="/api/sessions/:sessionId/accept",status="200"')).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', 'route="/channel/:channelType/callback"')).toBe(3);
    expect(text).not.toContain(`/api/sessions/${sessionId}`);
    expect(sample(text, 'graphql_operation_duration_seconds_count', 'type="query",field="agentMe",outcome="ok"')).toBe(1);
    expect(sample(text, 'events_published_total', 'event="MESSAGE_ADDED"')).toBeGreaterThanOrEqual(6);
    expect(sample(text, 'events_delivered_total', 'event="MESSAGE_ADDED"')).toBeGreaterThan(0);
    expect(sample(text, 'conversation_queue_length', `staff_id="${staffId}"`)).toBeUndefined();
    expect(sample(text, 'conversation_queue_wait_seconds_count', `staff_id="${staffId}"`)).toBe(1);
    expect(sample(text, 'ai_answers_total', 'answerer="builtin",outcome="grounded"')).toBe(1);
    expect(sample(text, 'ai_answers_total', 'answerer="llm",outcome="grounded"')).toBe(1);
    expect(sample(text, 'llm_fallbacks_total', 'reason="http"')).toBe(1);
    expect(sample(text, 'llm_request_duration_seconds_count', 'outcome="ok"')).toBe(1);
    expect(sample(text, 'llm_request_duration_seconds_count', 'outcome="http"')).toBe(1);
    expect(sample(text, 'channel_deliveries', 'state="pending"')).toBe(0);
    expect(sample(text, 'channel_deliveries', 'state="failed"')).toBe(0);
    expect(text).toMatch(/^job_queue_depth\{queue="[^"]+"\} \d+$/m);
    expect(sample(text, 'db_pool_connections', 'state="max"')).toBe(10);
    workbench.close();

    // One grep for the conversation's trace id finds each step, from the channel callback to the agent's reply.
    const traced = lines.filter((l) => l.traceId === `conv-${sessionId}`);
    const step = (what: (l: Record<string, any>) => boolean) => traced.some(what);
    expect(step((l) => l.msg === 'request' && l.path === '/channel/douyin/callback'), 'channel ingress').toBe(true);
    expect(step((l) => l.msg === 'session opened'), 'opened').toBe(true);
    expect(step((l) => l.msg === 'message stored' && l.senderType === 'contact'), 'contact message').toBe(true);
    expect(step((l) => l.msg === 'passages retrieved'), 'retrieval').toBe(true);
    expect(step((l) => l.msg === 'LLM failed; answering with the built-in answerer'), 'fallback').toBe(true);
    expect(step((l) => l.msg === 'answer ready' && l.answerer === 'llm'), 'answer').toBe(true);
    expect(step((l) => l.msg === 'message stored' && l.senderType === 'ai'), 'answer stored').toBe(true);
    expect(step((l) => l.msg === 'session handoff'), 'handoff').toBe(true);
    expect(step((l) => l.msg === 'session accepted'), 'accepted').toBe(true);
    expect(step((l) => l.msg === 'request' && l.path === `/api/sessions/${sessionId}/message`), 'agent reply request').toBe(true);
    expect(step((l) => l.msg === 'message stored' && l.senderType === 'agent'), 'agent reply').toBe(true);
    expect(traced.filter((l) => l.msg === 'delivered' && l.lane === 'channel').length, 'deliveries: two answers and the reply, with any queue notice').toBeGreaterThanOrEqual(3);
    // Nothing of another conversation is under it.
    expect(traced.every((l) => l.sessionId === undefined || l.sessionId === sessionId)).toBe(true);
  });
});

describe('/metrics on its own port (METRICS_PORT)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_PORT: '0' });
  });
  afterAll(() => t?.close());

  it('is served there without a token, and not on the main port', async () => {
    expect(t.app.metricsPort).toBeGreaterThan(0);
    const own = await fetch(`http://127.0.0.1:${t.app.metricsPort}/metrics`);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('# TYPE http_request_duration_seconds histogram');
    expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LlmAnswerer, LlmError, type LlmSettings } from '../../src/services/answer/index.js';
import type { AnswerInput, AnswerOutcome, Passage } from '../../src/services/answer/answer.types.js';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm.js';

const persona = {
  name: '小美',
  orgName: 'Acme Shop',
  description: 'Helps customers with orders',
  tone: 'friendly and sincere',
  outputLength: 'concise',
  languageMode: 'spoken',
  languageResponse: 'English',
} as const;

const passages: Passage[] = [
  { chunkId: 1, documentId: 10, fileName: 'policy.md', kind: 'text', heading: 'Returns', content: 'You can return any item within thirty days.', score: 0.9 },
  { chunkId: 2, documentId: 10, fileName: 'policy.md', kind: 'text', heading: 'Refunds', content: 'Refunds take five working days.', score: 0.5 },
];

async function run(answerer: LlmAnswerer, input: Partial<AnswerInput> = {}): Promise<{ pieces: string[]; outcome: AnswerOutcome }> {
  const gen = answerer.answer({ persona, question: 'How long can I return things?', passages, language: 'en', ...input });
  const pieces: string[] = [];
  for (;;) {
    const step = await gen.next();
    if (step.done) return { pieces, outcome: step.value };
    pieces.push(step.value);
  }
}

async function failure(answerer: LlmAnswerer): Promise<{ err: LlmError; pieces: string[] }> {
  const pieces: string[] = [];
  try {
    const gen = answerer.answer({ persona, question: 'How long can I return things?', passages, language: 'en' });
    for (;;) {
      const step = await gen.next();
      if (step.done) throw new Error('expected a failure');
      pieces.push(step.value);
    }
  } catch (err) {
    if (!(err instanceof LlmError)) throw err;
    return { err, pieces };
  }
}

describe('LLM answerer against an OpenAI-compatible streaming server', () => {
  let llm: FakeLlm;
  const settings = (over: Partial<LlmSettings> = {}): LlmSettings => ({
    baseUrl: llm.url,
    apiKey: 'sk-test',
    model: 'fake-model',
    timeoutMs: 2000,
    stallTimeoutMs: 300,
    totalTimeoutMs: 10_000,
    maxTokens: 300,
    maxRetries: 2,
    ...over,
  });

  beforeAll(async () => {
    llm = await startFakeLlm();
  });
  afterAll(() => llm?.close());
  beforeEach(() => {
    llm.requests.length = 0;
    llm.fallback = { kind: 'stream', pieces: ['Hello', ' there.'] };
  });

  it('streams the answer and sends the persona, the passages and the question', async () => {
    llm.script({ kind: 'stream', pieces: ['You have ', 'thirty days', ' to return it.'] });
    const { pieces, outcome } = await run(new LlmAnswerer(settings(), 0.45));
    expect(pieces.join('')).toBe('You have thirty days to return it.');
    expect(pieces.length).toBeGreaterThan(1);
    expect(outcome).toEqual({ grounded: true, confidence: 0.9, sources: passages });

    expect(llm.requests).toHaveLength(1);
    const req = llm.requests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-test');
    expect(req.body).toMatchObject({ model: 'fake-model', stream: true, max_tokens: 300 });
    const [system, user] = req.body.messages;
    expect(system.role).toBe('system');
    for (const s of ['小美', 'Acme Shop', 'Helps customers with orders', 'friendly and sincere', 'one or two sentences', 'speak', 'English', 'NO_ANSWER', 'Answer only from']) {
      expect(system.content).toContain(s);
    }
    expect(user.content).toContain('[1] (policy.md — Returns)\nYou can return any item within thirty days.');
    expect(user.content).toContain('Question: How long can I return things?');
  });

  it('turns NO_ANSWER (even split across chunks) into the refusal, in the language decided for the reply', async () => {
    llm.script({ kind: 'stream', pieces: [' NO_', 'ANS', 'WER'] });
    const en = await run(new LlmAnswerer(settings(), 0.45));
    expect(en.pieces.join('')).toContain('connect you with a person');
    expect(en.pieces.join('')).not.toContain('NO_ANSWER');
    expect(en.outcome).toMatchObject({ grounded: false, sources: [] });

    llm.script({ kind: 'stream', pieces: ['NO_ANSWER'] });
    const zh = await run(new LlmAnswerer(settings(), 0.45), { persona: { ...persona, languageResponse: 'Chinese' }, language: 'zh' });
    expect(zh.pieces.join('')).toContain('转接人工客服');
  });

  it('answers "NO" and other short replies that only start like the marker', async () => {
    llm.script({ kind: 'stream', pieces: ['NO', ', sorry.'] });
    expect((await run(new LlmAnswerer(settings(), 0.45))).pieces.join('')).toBe('NO, sorry.');
  });

  it('refuses without calling the service when no passage is relevant', async () => {
    const { pieces, outcome } = await run(new LlmAnswerer(settings(), 0.45), { passages: [{ ...passages[0]!, score: 0.1 }] });
    expect(pieces.join('')).toContain('connect you with a person');
    expect(outcome.grounded).toBe(false);
    expect(llm.requests).toHaveLength(0);
  });

  it('retries a 5xx and then answers', async () => {
    llm.script({ kind: 'status', status: 503 }, { kind: 'status', status: 502 }, { kind: 'stream', pieces: ['Thirty days.'] });
    const { pieces } = await run(new LlmAnswerer(settings({ maxRetries: 2 }), 0.45));
    expect(pieces.join('')).toBe('Thirty days.');
    expect(llm.requests).toHaveLength(3);
  });

  it('gives up on a persistent 5xx after the bounded retries, with a clear error', async () => {
    llm.fallback = { kind: 'status', status: 500, message: 'model overloaded' };
    const { err, pieces } = await failure(new LlmAnswerer(settings({ maxRetries: 1 }), 0.45));
    expect(pieces).toEqual([]);
    expect(err.kind).toBe('http');
    expect(err.status).toBe(500);
    expect(err.message).toBe('The language model service answered HTTP 500 after 2 attempts: model overloaded');
    expect(llm.requests).toHaveLength(2);
  });

  it('does not retry a refused API key', async () => {
    llm.fallback = { kind: 'status', status: 401, message: 'bad key' };
    const { err } = await failure(new LlmAnswerer(settings(), 0.45));
    expect(err.message).toBe('The language model service answered HTTP 401: the API key was refused');
    expect(llm.requests).toHaveLength(1);
  });

  it('retries a stream that stalls before any text', async () => {
    llm.script({ kind: 'stall' }, { kind: 'stream', pieces: ['Thirty days.'] });
    const { pieces } = await run(new LlmAnswerer(settings({ stallTimeoutMs: 200 }), 0.45));
    expect(pieces.join('')).toBe('Thirty days.');
    expect(llm.requests).toHaveLength(2);
  });

  it('fails a stream that stalls after text has been passed on', async () => {
    llm.script({ kind: 'stall', pieces: ['You have thirty'] });
    const { err, pieces } = await failure(new LlmAnswerer(settings({ stallTimeoutMs: 200 }), 0.45));
    expect(pieces.join('')).toBe('You have thirty');
    expect(err.kind).toBe('stalled');
    expect(err.message).toMatch(/stalled: nothing arrived for 200 ms/);
    expect(llm.requests).toHaveLength(1);
  });

  it('fails a stream that keeps stalling once the retries are used up', async () => {
    llm.fallback = { kind: 'stall' };
    const { err } = await failure(new LlmAnswerer(settings({ stallTimeoutMs: 150, maxRetries: 1 }), 0.45));
    expect(err.kind).toBe('stalled');
    expect(llm.requests).toHaveLength(2);
  });

  it('times out a service that never answers', async () => {
    llm.fallback = { kind: 'hang' };
    const { err } = await failure(new LlmAnswerer(settings({ timeoutMs: 200, maxRetries: 1 }), 0.45));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('The language model service did not answer within 200 ms (2 attempts)');
    expect(llm.requests).toHaveLength(2);
  });

  it('cuts a model that streams on and on at the total limit, with a clear error', async () => {
    llm.script({ kind: 'endless', piece: 'and so on ', delayMs: 20 });
    const started = Date.now();
    const { err, pieces } = await failure(new LlmAnswerer(settings({ totalTimeoutMs: 700 }), 0.45));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(pieces.length).toBeGreaterThan(3);
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('The language model answer was cut at the 700 ms limit (LLM_TOTAL_TIMEOUT_MS)');
    expect(llm.requests).toHaveLength(1);
  });

  it('counts the total limit across retries', async () => {
    llm.fallback = { kind: 'stall' };
    const { err } = await failure(new LlmAnswerer(settings({ stallTimeoutMs: 300, maxRetries: 10, totalTimeoutMs: 700 }), 0.45));
    expect(err.kind).toBe('timeout');
    expect(llm.requests.length).toBeLessThanOrEqual(3);
  });

  it('reports a service that cannot be reached', async () => {
    const { err } = await failure(new LlmAnswerer(settings({ baseUrl: 'http://127.0.0.1:9/v1', maxRetries: 0 }), 0.45));
    expect(err.kind).toBe('unreachable');
    expect(err.message).toMatch(/^Could not reach the language model service/);
  });
});

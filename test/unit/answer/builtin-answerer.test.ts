import { describe, expect, it } from 'vitest';
import { answerStream, BuiltinAnswerer, collectAnswer } from '../../../src/services/answer/index.js';
import type { AnswerInput, Passage } from '../../../src/services/answer/answer.types.js';

const persona = {
  name: 'Mia',
  orgName: 'Acme',
  description: '',
  tone: 'friendly and sincere',
  outputLength: 'normal-length',
  languageMode: 'written',
  languageResponse: 'Chinese',
} as const;

const returns: Passage = {
  chunkId: 1,
  documentId: 1,
  fileName: 'policy.md',
  kind: 'text',
  heading: 'Returns',
  content:
    'We are happy to help. You can return any item within thirty days of delivery. Items must be unused and in their original packaging. Custom-made items cannot be returned. Our warehouse checks every parcel.',
  score: 0.8,
};
const refunds: Passage = { chunkId: 2, documentId: 1, fileName: 'policy.md', kind: 'text', heading: 'Refunds', content: 'Refunds reach your card within five working days.', score: 0.6 };
const faq: Passage = { chunkId: 3, documentId: 2, fileName: 'faq.xlsx', kind: 'qa', heading: '可以开发票吗', content: '可以。下单时填写发票抬头。电子发票三天内发到邮箱。', score: 0.9 };

async function answer(input: Partial<AnswerInput> & { outputLength?: string }) {
  const a = new BuiltinAnswerer(0.45);
  const { outputLength, ...rest } = input;
  const gen = a.answer({ persona: { ...persona, ...(outputLength ? { outputLength: outputLength as never } : {}) }, question: 'How long do I have to return an item?', passages: [returns, refunds], ...rest });
  const pieces: string[] = [];
  const stream = answerStream(
    (async function* () {
      const outcome = yield* gen;
      return { ...outcome, sources: [], answerer: 'builtin' as const, _sources: outcome.sources };
    })(),
  );
  for await (const p of stream) pieces.push(p);
  return { pieces, result: await stream.result };
}

describe('built-in answerer', () => {
  it('concise: the best sentence or two, starting at the best match', async () => {
    const { result, pieces } = await answer({ outputLength: 'concise' });
    expect(result.text).toBe('You can return any item within thirty days of delivery. Items must be unused and in their original packaging.');
    expect(result.grounded).toBe(true);
    expect(result.confidence).toBe(0.8);
    expect(pieces).toEqual(['You can return any item within thirty days of delivery.', ' Items must be unused and in their original packaging.']);
  });

  it('normal: the best passage around its best sentence', async () => {
    const { result } = await answer({ outputLength: 'normal-length' });
    expect(result.text).toBe(
      'You can return any item within thirty days of delivery. Items must be unused and in their original packaging. Custom-made items cannot be returned. Our warehouse checks every parcel.',
    );
  });

  it('detailed: the top passages', async () => {
    const { result } = await answer({ outputLength: 'detailed' });
    expect(result.text).toContain('thirty days');
    expect(result.text).toContain('\n\nRefunds reach your card within five working days.');
  });

  it('answers a Q&A entry from its answer', async () => {
    const { result } = await answer({ question: '能开发票吗', passages: [faq], outputLength: 'concise' });
    expect(result.text).toBe('可以。下单时填写发票抬头。');
  });

  it('below the threshold says it does not know and offers a person, in the question language', async () => {
    const low = { ...returns, score: 0.3 };
    const en = await answer({ passages: [low] });
    expect(en.result).toMatchObject({ grounded: false, confidence: 0.3 });
    expect(en.result.text).toMatch(/couldn't find the answer.*connect you with a person/);
    const zh = await answer({ question: '你们卖宠物食品吗', passages: [] });
    expect(zh.result).toMatchObject({ grounded: false, confidence: 0 });
    expect(zh.result.text).toContain('转接人工客服');
  });

  it('collectAnswer reads a stream to its end', async () => {
    const stream = answerStream(
      (async function* () {
        yield 'a';
        yield 'b';
        return { grounded: true, confidence: 1, sources: [], answerer: 'builtin' as const };
      })(),
    );
    expect(await collectAnswer(stream)).toEqual({ text: 'ab', grounded: true, confidence: 1, sources: [], answerer: 'builtin' });
  });

  it('rejects the result when the stream fails', async () => {
    const stream = answerStream(
      (async function* () {
        yield 'partial';
        throw new Error('boom');
      })() as AsyncGenerator<string, never>,
    );
    await expect(collectAnswer(stream)).rejects.toThrow('boom');
    await expect(stream.result).rejects.toThrow('boom');
  });
});

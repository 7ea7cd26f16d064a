import { describe, expect, it } from 'vitest';
import { answerStream, BuiltinAnswerer, collectAnswer } from '../../../src/services/answer/index.js';
import type { AnswerInput, AnswerOutcome, Passage } from '../../../src/services/answer/answer.types.js';

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

const prices: Passage = {
  chunkId: 4,
  documentId: 3,
  fileName: 'rental.md',
  kind: 'text',
  heading: 'Rental plans › Prices',
  content: '• Hourly plan: 12 yuan per hour.\n• Day pass: 68 yuan for 24 hours.\n• Monthly plan: 399 yuan per month.',
  score: 0.6,
};
const textDoc: Passage = {
  chunkId: 5,
  documentId: 4,
  fileName: 'battery.txt',
  kind: 'text',
  heading: '',
  content: 'Battery and charging\nCharging from empty to full takes about 5 hours. The fast charger is sold separately.\nStore the battery indoors.',
  score: 0.6,
};

async function answer(input: Partial<AnswerInput> & { outputLength?: string; tone?: string }) {
  const a = new BuiltinAnswerer();
  const { outputLength, tone, ...rest } = input;
  const gen = a.answer({
    persona: { ...persona, ...(outputLength ? { outputLength: outputLength as never } : {}), ...(tone ? { tone: tone as never } : {}) },
    question: 'How long do I have to return an item?',
    passages: [returns, refunds],
    language: 'en',
    ...rest,
  });
  const pieces: string[] = [];
  const stream = answerStream(
    (async function* () {
      const outcome = yield* gen;
      return { ...outcome, sources: [], answerer: 'builtin' as const, language: 'en' as const, _sources: outcome.sources };
    })(),
  );
  for await (const p of stream) pieces.push(p);
  return { pieces, result: await stream.result };
}

async function collectGen(gen: AsyncGenerator<string, AnswerOutcome, void>) {
  let text = '';
  for (;;) {
    const step = await gen.next();
    if (step.done) return { text, outcome: step.value };
    text += step.value;
  }
}

describe('built-in answerer', () => {
  it('answers with the sentence that answers, not the start of the passage', async () => {
    const { result } = await answer({ outputLength: 'concise' });
    expect(result.text).toBe('You can return any item within thirty days of delivery.');
    expect(result.grounded).toBe(true);
    expect(result.confidence).toBeGreaterThan(0.6);
  });

  it('normal length adds the next sentence only when it continues on the question', async () => {
    const { result } = await answer({ outputLength: 'normal-length', question: 'Can custom-made items be returned?' });
    expect(result.text).toBe('Custom-made items cannot be returned.');
  });

  it('keeps list items as a list under their heading, and picks the one item asked about', async () => {
    const all = await answer({ question: 'What are the prices of the plans?', passages: [prices] });
    expect(all.result.text).toBe('Prices:\n• Hourly plan: 12 yuan per hour.\n• Day pass: 68 yuan for 24 hours.\n• Monthly plan: 399 yuan per month.');
    const one = await answer({ question: 'How much is the day pass?', passages: [prices] });
    expect(one.result.text).toBe('Day pass: 68 yuan for 24 hours.');
  });

  it('a Chinese list keeps its heading with a Chinese colon', async () => {
    const zh: Passage = { ...prices, heading: '租赁套餐 › 价格', content: '• 小时套餐：每小时 12 元。\n• 日租套餐：每天 68 元。' };
    const { result } = await answer({ question: '有哪些套餐？', passages: [zh], language: 'zh' });
    expect(result.text).toBe('价格：\n• 小时套餐：每小时 12 元。\n• 日租套餐：每天 68 元。');
  });

  it('never answers with a plain-text title, and never glues it to a sentence', async () => {
    const { result } = await answer({ question: 'How long does charging the battery take?', passages: [textDoc] });
    expect(result.text).toBe('Charging from empty to full takes about 5 hours.');
  });

  it('answers a Q&A entry from its answer', async () => {
    const { result } = await answer({ question: '能开发票吗', passages: [faq], outputLength: 'concise', language: 'zh' });
    expect(result.text).toBe('可以。下单时填写发票抬头。电子发票三天内发到邮箱。');
  });

  it("answers a Q&A entry with its lines and list items, none of them taken for a title", async () => {
    const steps: Passage = {
      ...faq,
      fileName: 'FAQ How do I return an item.txt',
      heading: 'How do I return an item?',
      content: 'Open the app\n• Go to Orders. Pick the order.\n• Tap Return\nRefunds take five days.',
    };
    const { result } = await answer({ question: 'How do I return an item?', passages: [steps] });
    expect(result.text).toBe('Open the app\n• Go to Orders. Pick the order.\n• Tap Return\nRefunds take five days.');
  });

  it('keeps the numbered items of a plain-text document as a list with their numbers, never as titles', async () => {
    const numbered: Passage = { ...prices, fileName: 'rental.txt', content: '1. Hourly plan: 12 yuan per hour\n2) Day pass: 68 yuan for 24 hours\n3、Monthly plan: 399 yuan per month' };
    const all = await answer({ question: 'What are the prices of the plans?', passages: [numbered] });
    expect(all.result.text).toBe('Prices:\n1. Hourly plan: 12 yuan per hour\n2) Day pass: 68 yuan for 24 hours\n3、Monthly plan: 399 yuan per month');
    const one = await answer({ question: 'How much is the day pass?', passages: [numbered] });
    expect(one.result.text).toBe('Day pass: 68 yuan for 24 hours');
  });

  it('an order number or the contact’s name in the question does not sink the match', async () => {
    const plain = await answer({ question: 'How much is the day pass?', passages: [prices] });
    const noisy = await answer({ question: "Hi, I'm Zhang Wei, order #VT-20931: how much is the day pass?", passages: [prices] });
    expect(noisy.result.text).toBe(plain.result.text);
    expect(noisy.result.confidence).toBeCloseTo(plain.result.confidence, 5);
  });

  it('refuses a question that only repeats the passage’s words: the sentence must hold what is asked', async () => {
    const { result } = await answer({ question: 'How much is the yearly plan?', passages: [prices] });
    expect(result.grounded).toBe(false);
    expect(result.text).toMatch(/couldn't find the answer.*connect you with a person/);
  });

  const bridge: Passage = {
    chunkId: 6,
    documentId: 5,
    fileName: 'bridge.md',
    kind: 'text',
    heading: 'Marlow Bridge › History',
    content:
      'Heavy lorries use the Eastwick tunnel instead.\nThe council chose the design in 1879 over eleven other entries. Work began in 1881 and cost 212,000 pounds. Twenty-three workers died during the construction.\nMarlow Bridge crosses the river Tessel. It was designed by the engineer Harriet Quill.',
    score: 0.6,
  };

  it('answers with the sentence holding what the question word asks for: a name, a price in pounds, a number in words', async () => {
    const who = await answer({ question: 'Who designed Marlow Bridge?', passages: [bridge], outputLength: 'concise' });
    expect(who.result.text).toBe('Marlow Bridge crosses the river Tessel. It was designed by the engineer Harriet Quill.');
    const cost = await answer({ question: 'How much did the bridge cost?', passages: [bridge], outputLength: 'concise' });
    expect(cost.result.text).toBe('Work began in 1881 and cost 212,000 pounds.');
    const died = await answer({ question: 'How many workers died?', passages: [bridge], outputLength: 'concise' });
    expect(died.result.text).toBe('Twenty-three workers died during the construction.');
  });

  it('answers a which-question whose noun the text does not repeat ("which cities" → the city names)', async () => {
    const delivery: Passage = { ...refunds, chunkId: 7, heading: 'Delivery', content: 'We deliver scooters to your door in Shanghai, Hangzhou and Suzhou.' };
    const { result } = await answer({ question: 'Which cities do you deliver to?', passages: [delivery] });
    expect(result).toMatchObject({ grounded: true, text: 'We deliver scooters to your door in Shanghai, Hangzhou and Suzhou.' });
  });

  it('refuses when the sentence lacks the thing asked about, however many words it shares', async () => {
    const deposit = { ...returns, chunkId: 8, heading: 'Deposit', content: 'A refundable deposit of 500 yuan is held on your card when you pick up a scooter.' };
    const car = await answer({ question: 'How much is the deposit for a car rental?', passages: [deposit] });
    expect(car.result.grounded).toBe(false);
    const scooter = await answer({ question: 'How much is the deposit for a scooter?', passages: [deposit] });
    expect(scooter.result.grounded).toBe(true);
  });

  const battery: Passage = {
    ...textDoc,
    chunkId: 9,
    heading: '电池与充电',
    content: 'Voltra S2 的电池为 48 伏、15 安时。\n充满电后在平路上可行驶约 45 公里；使用标准充电器从空电充满大约需要 5 小时。',
  };

  it('meets a Chinese question cut differently from the text (充满电能跑 against 充满电后)', async () => {
    const { result } = await answer({ question: '充满电能跑多远？', passages: [battery], outputLength: 'concise', language: 'zh' });
    expect(result).toMatchObject({ grounded: true, text: '充满电后在平路上可行驶约 45 公里；' });
  });

  it('gives the rest of a sentence cut at its semicolon when it goes on from it, not a clause of its own', async () => {
    const village: Passage = { ...textDoc, chunkId: 10, heading: 'Keldby Dam › Building', content: 'The village of Low Keldby was flooded when the reservoir filled; its people were moved to a new village on the hill.' };
    const { result } = await answer({ question: 'What happened to the village of Low Keldby?', passages: [village], outputLength: 'concise', language: 'en' });
    expect(result.text).toBe('The village of Low Keldby was flooded when the reservoir filled; its people were moved to a new village on the hill.');
  });

  it('takes a number in the unit of the quantity asked about as naming it (电压 → 48 伏)', async () => {
    const { result } = await answer({ question: '电池电压是多少？', passages: [battery], outputLength: 'concise', language: 'zh' });
    expect(result).toMatchObject({ grounded: true, text: 'Voltra S2 的电池为 48 伏、15 安时。' });
  });

  it('refuses a question naming a place none of the passages mentions, and a key noun they lack', async () => {
    const stores: Passage = { ...textDoc, chunkId: 10, heading: '门店信息 › 杭州', content: '杭州门店位于文三路 12 号，紧邻地铁站。' };
    expect((await answer({ question: '杭州门店在哪里？', passages: [stores], language: 'zh' })).result.grounded).toBe(true);
    expect((await answer({ question: '北京门店在哪里？', passages: [stores], language: 'zh' })).result.grounded).toBe(false);
    expect((await answer({ question: '你们提供车险吗？', passages: [battery], language: 'zh' })).result.grounded).toBe(false);
  });

  it('says it does not know in the reply language and the persona tone', async () => {
    const zh = await answer({ question: '你们卖宠物食品吗', passages: [], language: 'zh' });
    expect(zh.result).toMatchObject({ grounded: false, confidence: 0 });
    expect(zh.result.text).toContain('转接人工客服');
    const direct = await answer({ question: 'Do you sell pet food?', passages: [returns], tone: 'clear and direct' });
    expect(direct.result.text).toBe("My materials don't answer that. Shall I connect you with a person?");
  });

  it('answers from a passage the embeddings say answers, even with no word in common', async () => {
    const paraphrase = { ...refunds, score: 0.7, semantic: 0.7 };
    const input = { persona, question: 'When does the money come back?', passages: [paraphrase], language: 'en' as const };
    const lexicalOnly = await collectGen(new BuiltinAnswerer().answer(input));
    expect(lexicalOnly.outcome.grounded).toBe(false);
    const withVectors = await collectGen(new BuiltinAnswerer(0.45).answer(input));
    expect(withVectors).toMatchObject({ text: 'Refunds reach your card within five working days.', outcome: { grounded: true, confidence: 0.7 } });
  });

  it('collectAnswer reads a stream to its end', async () => {
    const stream = answerStream(
      (async function* () {
        yield 'a';
        yield 'b';
        return { grounded: true, confidence: 1, sources: [], answerer: 'builtin' as const, language: 'en' as const };
      })(),
    );
    expect(await collectAnswer(stream)).toEqual({ text: 'ab', grounded: true, confidence: 1, sources: [], answerer: 'builtin', language: 'en' });
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

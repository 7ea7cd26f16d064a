import { describe, expect, it } from 'vitest';
import { chunkBlocks, sentences } from '../../../src/services/knowledge/chunker.js';
import { queryTerms, stem, tokenize } from '../../../src/services/knowledge/text-segmenter.js';

describe('sentences', () => {
  it('splits at Chinese and Latin sentence ends, not inside numbers', () => {
    expect(sentences('收到商品后三十天内可以退款。运费谁承担？质量问题我们承担！Each costs 3.5 yuan. Really? Yes')).toEqual([
      '收到商品后三十天内可以退款。',
      '运费谁承担？',
      '质量问题我们承担！',
      'Each costs 3.5 yuan.',
      'Really?',
      'Yes',
    ]);
  });

  it('keeps a list number starting a line with its item', () => {
    expect(sentences('Steps:\n1. Open the app.\n2. Tap Return. It costs 3. Done.')).toEqual(['Steps:', '1. Open the app.', '2. Tap Return.', 'It costs 3.', 'Done.']);
  });
});

describe('chunkBlocks', () => {
  it('starts a chunk at each heading and names the section path', () => {
    const chunks = chunkBlocks([
      { kind: 'heading', level: 1, text: 'Returns' },
      { kind: 'paragraph', text: 'Return within 30 days.' },
      { kind: 'heading', level: 2, text: 'Exceptions' },
      { kind: 'paragraph', text: 'Gift cards are final.' },
      { kind: 'heading', level: 1, text: 'Shipping' },
      { kind: 'paragraph', text: 'We ship daily.' },
    ]);
    expect(chunks).toEqual([
      { kind: 'text', heading: 'Returns', content: 'Return within 30 days.' },
      { kind: 'text', heading: 'Returns › Exceptions', content: 'Gift cards are final.' },
      { kind: 'text', heading: 'Shipping', content: 'We ship daily.' },
    ]);
  });

  it('keeps each Q&A entry its own chunk, with the question as heading', () => {
    const chunks = chunkBlocks([
      { kind: 'paragraph', text: 'Intro.' },
      { kind: 'qa', question: '可以开发票吗？', answer: '可以。' },
      { kind: 'qa', question: 'Refunds?', answer: 'Within 5 days.', section: 'Billing' },
    ]);
    expect(chunks).toEqual([
      { kind: 'text', heading: '', content: 'Intro.' },
      { kind: 'qa', heading: '可以开发票吗？', content: '可以。' },
      { kind: 'qa', heading: 'Billing › Refunds?', content: 'Within 5 days.' },
    ]);
  });

  it("keeps a Q&A answer's lines and list items, splitting a long answer only at sentence ends", () => {
    const answer = 'Steps:\n• open the app. Then wait.\n• tap Return\n1. Pack it.\n可以。请填写抬头。';
    expect(chunkBlocks([{ kind: 'qa', question: 'How?', answer }])).toEqual([{ kind: 'qa', heading: 'How?', content: answer }]);
    const long = Array.from({ length: 6 }, (_, i) => `• Item ${i + 1} is described in one sentence here. It has a second one too.`).join('\n');
    const chunks = chunkBlocks([{ kind: 'qa', question: 'Items?', answer: long }], { target: 120, max: 200, overlap: 0 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.content.length).toBeLessThanOrEqual(200);
      expect(c.content).toMatch(/\.$/);
      expect(c.heading).toBe('Items?');
    }
    expect(chunks.map((c) => c.content).join('\n').replace(/\n(?!•)/g, ' ')).toBe(long);
  });

  it('packs long text into bounded chunks cut at sentence ends, with overlap', () => {
    const zh = Array.from({ length: 40 }, (_, i) => `这是第${i + 1}句关于退货流程的说明。`).join('');
    const chunks = chunkBlocks([{ kind: 'paragraph', text: zh }], { target: 120, max: 200, overlap: 40 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.content.length).toBeLessThanOrEqual(200);
      expect(c.content.endsWith('。')).toBe(true);
    }
    // Each chunk after the first repeats the end of the one before.
    for (let i = 1; i < chunks.length; i++) {
      const prev = sentences(chunks[i - 1]!.content);
      const next = sentences(chunks[i]!.content);
      expect(prev.slice(-2)).toEqual(next.slice(0, 2));
    }
    // Together they cover every sentence.
    const all = new Set(chunks.flatMap((c) => sentences(c.content)));
    expect(all.size).toBe(40);
  });

  it('cuts a sentence longer than the maximum', () => {
    const chunks = chunkBlocks([{ kind: 'paragraph', text: 'word '.repeat(400).trim() }], { target: 300, max: 500, overlap: 0 });
    expect(chunks.every((c) => c.content.length <= 500)).toBe(true);
    expect(chunks.map((c) => c.content).join(' ').split(' ').length).toBe(400);
  });
});

describe('segmentation', () => {
  it('stems English inflections to one form', () => {
    expect(['return', 'returns', 'returned', 'returning'].map(stem)).toEqual(['return', 'return', 'return', 'return']);
    expect(stem('policies')).toBe(stem('policy'));
    expect(stem('shipping')).toBe(stem('ship'));
    expect(stem('charged')).toBe(stem('charge'));
  });

  it('keeps a past form that is a verb of its own with its own forms', () => {
    expect([stem('lay'), stem('rent'), stem('found')]).toEqual([stem('lays'), stem('rented'), stem('founded')]);
  });

  it('stems the plural of a three-letter word as the word', () => {
    expect([stem('days'), stem('keys'), stem('cars')]).toEqual([stem('day'), stem('key'), stem('car')]);
    expect(stem('less')).toBe('less');
    expect(stem('began')).toBe(stem('begin'));
  });

  it('stems the short -ie verbs to one form with their base', () => {
    expect(['die', 'died', 'dies', 'dying'].map(stem)).toEqual(['die', 'die', 'die', 'die']);
    expect([stem('tied'), stem('lying')]).toEqual([stem('tie'), stem('lie')]);
  });

  it('takes irregular forms to their base before stemming', () => {
    expect([stem('began'), stem('paid'), stem('built'), stem('children')]).toEqual([stem('begin'), stem('pay'), stem('build'), stem('child')]);
  });

  it('segments Chinese with jieba and drops question words', () => {
    expect(tokenize('退货政策是什么？')).toEqual(['退货', '政策']);
    expect(queryTerms('How do I return my shipped items?')).toEqual(['return', 'ship', 'item']);
    expect(queryTerms('请问怎么申请退款')).toEqual(['申请', '退款']);
  });
});

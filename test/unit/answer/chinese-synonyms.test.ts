import { describe, expect, it } from 'vitest';
import { bestSentences } from '../../../src/services/answer/answer-selection.js';
import type { Passage } from '../../../src/services/answer/answer.types.js';
import { chineseSynonyms, synonymsOfWord } from '../../../src/services/answer/chinese-synonyms.js';
import { SortedTable } from '../../../src/services/knowledge/sorted-table.js';

const passageOf = (content: string): Passage => ({ chunkId: 1, documentId: 1, fileName: 'fair.md', kind: 'text', heading: '庙会', content, score: 0.5 });

describe('sorted table', () => {
  it('finds a key by halving, first and last lines included, and answers null for a missing one', () => {
    const table = new SortedTable(() => 'apple\t1\ta\nbanana\t2\nzebra\t3\tz');
    expect(table.row('apple')).toEqual(['1', 'a']);
    expect(table.row('banana')).toEqual(['2']);
    expect(table.row('zebra')).toEqual(['3', 'z']);
    expect(table.row('cherry')).toBeNull();
  });
});

describe('Chinese synonyms from CC-CEDICT', () => {
  it('pairs common words of one gloss that share a character, and not words a gloss joins by another sense', () => {
    expect(synonymsOfWord('村子')).toContain('村庄');
    expect(synonymsOfWord('礼物')).toContain('礼品');
    expect(synonymsOfWord('礼物')).not.toContain('天赋');
    expect(synonymsOfWord('兴趣')).not.toContain('利息');
    expect(synonymsOfWord('不存在的词')).toEqual([]);
    expect(chineseSynonyms('村子')).toContainEqual(['村庄']);
  });

  it('meets a question word the passage says by its synonym', () => {
    const text = '神轿绕山下的 9 个村庄巡游一周。庙会的核心活动是迎神仪式。';
    const score = (question: string) => bestSentences(question, [passageOf(text)])[0]!.score;
    expect(score('巡游要绕几个村子？')).toBeGreaterThan(score('巡游要绕几个码头？') + 0.15);
  });
});

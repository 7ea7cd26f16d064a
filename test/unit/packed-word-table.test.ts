import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PackedWordTable } from '../../src/services/knowledge/packed-word-table.js';

describe('PackedWordTable', () => {
  it('answers each word its value and unknown words undefined', () => {
    const t = PackedWordTable.fromLines('劳动防护 13.9\nhello 2.5\n多 词 组 7\n\nnospace\n 4\n退货 11.25');
    expect(t.get('劳动防护')).toBe(13.9);
    expect(t.get('hello')).toBe(2.5);
    expect(t.get('多 词 组')).toBe(7); // the value follows the last space
    expect(t.get('退货')).toBe(11.25);
    expect(t.get('劳动')).toBeUndefined();
    expect(t.get('nospace')).toBeUndefined();
    expect(t.get('')).toBeUndefined();
    expect(t.size).toBe(4);
  });

  it('keeps the last value of a word given twice, like Map.set', () => {
    const t = PackedWordTable.fromLines('a 1\nb 2\na 3');
    expect(t.get('a')).toBe(3);
    expect(t.size).toBe(2);
  });

  it('agrees with a Map over all of jieba’s IDF table', () => {
    const require = createRequire(import.meta.url);
    const { idf } = require('@node-rs/jieba/dict') as { idf: Uint8Array };
    const text = Buffer.from(idf).toString('utf8');
    const map = new Map<string, number>();
    for (const line of text.split('\n')) {
      const sp = line.lastIndexOf(' ');
      if (sp > 0) map.set(line.slice(0, sp), Number(line.slice(sp + 1)));
    }
    const table = PackedWordTable.fromLines(text);
    expect(table.size).toBe(map.size);
    for (const [word, value] of map) if (table.get(word) !== value) expect.fail(`${word}: ${table.get(word)} ≠ ${value}`);
    expect(table.get('不在表里的词语')).toBeUndefined();
  });
});

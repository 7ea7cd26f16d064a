import { describe, expect, it } from 'vitest';
import { bestSentences, topicOf } from '../../../src/services/answer/answer-selection.js';
import type { Passage } from '../../../src/services/answer/answer.types.js';
import { generalSynonyms } from '../../../src/services/answer/general-synonyms.js';
import { tokenize } from '../../../src/services/knowledge/text-segmenter.js';

const passageOf = (content: string): Passage => ({ chunkId: 1, documentId: 1, fileName: 'life.md', kind: 'text', heading: 'Ada Marsh › Later years', content, score: 0.5 });
const best = (question: string, content: string) => {
  const top = bestSentences(question, [passageOf(content)])[0]!;
  return top.units[top.index]!.text;
};

describe('general synonyms', () => {
  it('parses its groups into index tokens, multi-word ones as token lists', () => {
    const groups = generalSynonyms();
    expect(groups.some((g) => g.some((w) => w.join(' ') === tokenize('pass away').join(' ')))).toBe(true);
    expect(groups.every((g) => g.length >= 2)).toBe(true);
  });

  it('meets a paraphrased verb in the answer sentence, English and Chinese', () => {
    expect(best('When did Ada Marsh pass away?', 'She retired in 1932 and moved to the coast. She died in 1944 at the age of seventy.')).toBe(
      'She died in 1944 at the age of seventy.',
    );
    expect(best('大桥是哪一年竣工的？', '大桥于 1950 年开工。大桥在 1957 年完成，全长一千米。')).toBe('大桥在 1957 年完成，全长一千米。');
  });
});

describe('WordNet synonyms in answer selection', () => {
  const orchard = 'The trees flower late, in mid-May. They give a heavy crop only every second year.';
  const scoreOf = (question: string, content: string) => bestSentences(question, [passageOf(content)])[0]!.score;

  it('meets a word the passages say otherwise, for part of its weight', () => {
    expect(best('How often do the trees give a big harvest?', orchard)).toBe('They give a heavy crop only every second year.');
    const reworded = scoreOf('How often do the trees give a big harvest?', orchard);
    const same = scoreOf('How often do the trees give a big crop?', orchard);
    const unrelated = scoreOf('How often do the trees give a big pension?', orchard);
    expect(reworded).toBeLessThan(same);
    expect(reworded).toBeGreaterThan(unrelated);
  });

  it('is not used for a word the passages have', () => {
    const text = 'The harvest is in October. They give a heavy crop only every second year.';
    expect(best('When is the harvest?', text)).toBe('The harvest is in October.');
  });
});

describe('predicates in answer selection', () => {
  it('prefers the sentence that says what the question asks about the thing', () => {
    expect(best('Who owns the Penmore quarry?', 'The towers are built of granite from the Penmore quarry. The Penmore quarry is owned by the Rowe family.')).toBe(
      'The Penmore quarry is owned by the Rowe family.',
    );
  });

  it('does not take the Chinese question word 谁 for a topic word', () => {
    expect(topicOf('退货运费谁出？')).not.toContain('谁');
    expect(topicOf('茶文化节是何时创办的？')).not.toContain('何时');
  });
});

describe('past events in answer selection', () => {
  it('answers when something happened with the sentence that gives its year', () => {
    expect(best('When did the bridge open?', 'The bridge is lit with blue lamps every year on 14 May to mark its opening. The bridge opened to traffic on 14 May 1887.')).toBe(
      'The bridge opened to traffic on 14 May 1887.',
    );
  });
});

describe('misspellings in answer selection', () => {
  it('meets the family of the word a misspelling is corrected to', () => {
    expect(best('how much is the delivry fee', 'We deliver to Shanghai and Hangzhou. Smaller orders pay a delivery fee of 50 yuan.')).toBe(
      'Smaller orders pay a delivery fee of 50 yuan.',
    );
  });
});

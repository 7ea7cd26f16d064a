import { describe, expect, it } from 'vitest';
import { derivesFrom, relatedForms } from '../../../src/services/answer/word-forms.js';
import { tokenize } from '../../../src/services/knowledge/text-segmenter.js';

const vocabularyOf = (text: string) => new Set(tokenize(text));
const formsIn = (word: string, text: string) => {
  const vocabulary = vocabularyOf(text);
  return relatedForms(tokenize(word)[0]!, vocabulary, (t) => vocabulary.has(t));
};

describe('word forms', () => {
  it('takes a stemmed word with a derivational suffix for a form of its base', () => {
    expect(derivesFrom('renter', 'rent')).toBe(true);
    expect(derivesFrom('deliveri', 'deliv')).toBe(true);
    expect(derivesFrom('inventor', 'invent')).toBe(true);
    expect(derivesFrom('swimmer', 'swim')).toBe(true);
    expect(derivesFrom('owner', 'own')).toBe(true);
  });

  it('does not take any longer word for a derived form', () => {
    expect(derivesFrom('planet', 'plan')).toBe(false);
    expect(derivesFrom('banal', 'ban')).toBe(false);
    expect(derivesFrom('rent', 'rent')).toBe(false);
  });

  it('finds the word family of a question word among the passages’ words, both ways', () => {
    expect(formsIn('founders', 'The town was founded in 1204.')).toEqual([['found']]);
    expect(formsIn('delivery', 'We deliver to your door.')).toEqual([tokenize('deliver')]);
    expect(formsIn('invented', 'The inventor was a chemist.')).toEqual([tokenize('inventor')]);
  });

  it('splits a closed compound the passages write as two words', () => {
    expect(formsIn('motorboats', 'Motor boats are not allowed on the lake.')).toEqual([tokenize('motor boat')]);
    expect(formsIn('motorboats', 'Boats are not allowed.')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { lemmasOf, pertainymsOfLemma, relatedOfLemma, synonymsOfLemma, wordnetRelated, wordnetSynonyms } from '../../../src/services/answer/wordnet-synonyms.js';

describe('WordNet synonyms', () => {
  it('finds a word and the words of its most frequent sense, both ways', () => {
    expect(synonymsOfLemma('harvest')).toContain('crop');
    expect(synonymsOfLemma('aeroplane')).toEqual(expect.arrayContaining(['airplane', 'plane']));
    expect(synonymsOfLemma('plane')).toContain('aeroplane');
  });

  it('leaves out the words of rare senses and of words used in many senses', () => {
    // "bank" as a slope or a row of oars; "time" shares a rare sense with "clip".
    expect(synonymsOfLemma('bank')).not.toContain('slope');
    expect(synonymsOfLemma('time')).not.toContain('clip');
    expect(synonymsOfLemma('take')).toEqual([]);
  });

  it('keeps antonyms filed in one synset apart', () => {
    expect(synonymsOfLemma('designed')).not.toContain('unintentional');
  });

  it('has nothing for words it does not know, nor for the first and last lines', () => {
    expect(synonymsOfLemma('zzzq')).toEqual([]);
    expect(synonymsOfLemma('')).toEqual([]);
    expect(synonymsOfLemma('~')).toEqual([]);
  });

  it('lemmatizes by irregular forms and morphy suffix rules', () => {
    expect(lemmasOf('harvests')).toEqual(['harvest']);
    expect(lemmasOf('aeroplanes')).toEqual(['aeroplane']);
    expect(lemmasOf('bought')).toContain('buy');
    expect(lemmasOf('helped')).toContain('help');
    expect(lemmasOf('shopping')).toContain('shop');
    expect(lemmasOf('qwrtz')).toEqual([]);
    // Not an adjective's comparative: the table has no parts of speech.
    expect(lemmasOf('driver')).not.toContain('drive');
  });

  it('gives the synonyms as index tokens, without the word itself', () => {
    const tokens = wordnetSynonyms('Harvests');
    expect(tokens).toContainEqual(['crop']);
    expect(tokens.every((w) => w.length > 0)).toBe(true);
    expect(wordnetSynonyms('licence')).toContainEqual(['licens']);
    expect(wordnetSynonyms('licence').flat()).not.toContain('licenc');
  });
});

describe('WordNet related words', () => {
  it("lists the broader, narrower and derived words of a word's usual sense, apart from its synonyms", () => {
    expect(relatedOfLemma('forbid')).toContain('ban');
    expect(relatedOfLemma('resident')).toContain('inhabitant');
    expect(relatedOfLemma('teach')).toContain('teacher');
    expect(relatedOfLemma('resident')).not.toContain('occupant');
    expect(synonymsOfLemma('resident')).toContain('occupant');
  });

  it('links an adjective and the noun it pertains to, both ways (French and France, coastal and coast)', () => {
    expect(relatedOfLemma('french')).toContain('france');
    expect(relatedOfLemma('france')).toContain('french');
    expect(relatedOfLemma('coast')).toContain('coastal');
    expect(pertainymsOfLemma('french')).toContain('france');
    expect(pertainymsOfLemma('aachen')).toEqual([]);
  });

  it('gives them as index tokens for an inflected word', () => {
    expect(wordnetRelated('forbidden')).toContainEqual(['ban']);
    expect(wordnetRelated('zzzq')).toEqual([]);
  });
});

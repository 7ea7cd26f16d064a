/**
 * English word families that the Porter stemmer leaves apart: a derived form
 * and its base ("renter" and "rent", "delivery" and "deliver", "inventor" and
 * "invent") and a closed compound and its parts ("motorboats" and "motor
 * boats"). Works on index tokens (Porter stems), so the suffixes are stemmed
 * ones ("deliveri" is "deliv" + "eri").
 */

// Derivational suffixes as they stand after Porter stemming: agent and relation nouns (-er, -or, -ist, -ship), nouns
// of action or state (-al, -ment, -ion, -ance, -ity), adjectives (-ive, -ic, -ful, -less, -able).
const SUFFIXES = new Set(
  'er or ar al ment ement ship ership eri ori ari ist ism at it iti ion ant ent ess ful less ic ive iv abl ibl anc enc ee'.split(' '),
);
// "own" and "owner", "sail" and "sailor": a three-letter base only with an agent suffix.
const AGENT = new Set(['er', 'or', 'ership', 'ship']);

const LATIN = /^[a-z]+$/;

/** True when `long` is `short` with a derivational suffix (a doubled final consonant allowed: swim → swimmer). */
export function derivesFrom(long: string, short: string): boolean {
  if (!long.startsWith(short) || long.length === short.length) return false;
  let suffix = long.slice(short.length);
  if (suffix.length > 2 && suffix[0] === short.at(-1) && /^[bdgmnpt]/.test(suffix)) suffix = suffix.slice(1);
  if (!SUFFIXES.has(suffix)) return false;
  return short.length >= 4 || (short.length === 3 && AGENT.has(suffix));
}

/**
 * The other members of a question token's word family among the passages' tokens, each as a token list: the
 * derived forms and the base ("renter" → [rent]), or, for a token the passages do not have, the two words of a
 * closed compound ("motorboat" → [motor, boat]).
 */
export function relatedForms(term: string, vocabulary: Iterable<string>, known: (t: string) => boolean): string[][] {
  if (!LATIN.test(term) || term.length < 3) return [];
  const out: string[][] = [];
  for (const word of vocabulary) {
    if (word !== term && LATIN.test(word) && (derivesFrom(word, term) || derivesFrom(term, word))) out.push([word]);
  }
  if (!out.length && !known(term) && term.length >= 7) {
    for (let i = 3; i <= term.length - 3; i++) {
      const [head, rest] = [term.slice(0, i), term.slice(i)];
      if (known(head) && known(rest)) return [[head, rest]];
    }
  }
  return out;
}

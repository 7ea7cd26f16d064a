import { normalizeText, tokenize } from '../knowledge/text-segmenter.js';

/** A staff's synonym groups, each word as its index tokens ("test ride" → [test, ride]). */
export type SynonymGroups = string[][][];

const SEPARATOR = /[,，、;；/|]/;

/** Parses the merchant's lines ("deliver, ship, 送货") into groups of token lists; words with no token are dropped. */
export function parseSynonyms(lines: readonly string[] = []): SynonymGroups {
  const groups: SynonymGroups = [];
  for (const line of lines) {
    const words = line
      .split(SEPARATOR)
      .map((w) => tokenize(w))
      .filter((t) => t.length > 0);
    if (words.length >= 2) groups.push(words);
  }
  return groups;
}

/** For each question token that starts a synonym, the other words of its groups (as token lists). */
export function alternativesOf(questionTokens: Set<string>, groups: SynonymGroups): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const group of groups) {
    for (const word of group) {
      if (!word.every((t) => questionTokens.has(t))) continue;
      for (const t of word) out.set(t, [...(out.get(t) ?? []), ...group.filter((w) => w !== word)]);
    }
  }
  return out;
}

/** The question with the synonyms of its words added, for retrieval (which then finds passages that use them). */
export function withSynonyms(question: string, groups: SynonymGroups): string {
  if (!groups.length) return question;
  const tokens = new Set(tokenize(question));
  const extra = new Set<string>();
  for (const alts of alternativesOf(tokens, groups).values()) for (const w of alts) for (const t of w) if (!tokens.has(t)) extra.add(t);
  return extra.size ? `${normalizeText(question)} ${[...extra].join(' ')}` : question;
}

import { joinSentences, sentences } from '../knowledge/chunker.js';
import { queryTerms, tokenize } from '../knowledge/text-segmenter.js';
import type { AnswerInput, AnswerOutcome, Answerer, Passage } from './answer.types.js';
import { refusalText, replyLanguage } from './refusal.js';

/** Characters each output length allows, roughly. */
const BUDGET = { concise: 220, 'normal-length': 700, detailed: 1600 } as const;

/** Sentences of a passage with how many of the question's terms each holds. */
function scoredSentences(p: Passage, terms: Set<string>): { text: string; score: number }[] {
  return sentences(p.content).map((text) => {
    const tokens = new Set(tokenize(text));
    let score = 0;
    for (const t of terms) if (tokens.has(t)) score++;
    return { text, score };
  });
}

/** A window of whole sentences around the passage's best sentence, within the budget. */
function excerpt(p: Passage, terms: Set<string>, budget: number, maxSentences = Infinity): string[] {
  const list = scoredSentences(p, terms);
  if (!list.length) return [];
  // In a Q&A entry the answer is the whole content: start at its beginning.
  let best = 0;
  if (p.kind !== 'qa') list.forEach((s, i) => (s.score > list[best]!.score ? (best = i) : undefined));
  const picked = [best];
  let size = list[best]!.text.length;
  let lo = best - 1;
  let hi = best + 1;
  while (picked.length < maxSentences && (lo >= 0 || hi < list.length)) {
    // Prefer what follows (it usually completes the thought); take a preceding sentence only when it is relevant.
    const next = hi < list.length ? hi : lo >= 0 && list[lo]!.score > 0 ? lo : -1;
    if (next < 0) break;
    const len = list[next]!.text.length;
    if (size + len > budget) break;
    picked.push(next);
    size += len;
    if (next === hi) hi++;
    else lo--;
  }
  return picked.sort((a, b) => a - b).map((i) => list[i]!.text);
}

/**
 * The answerer without an LLM: the best passage, cut at sentence boundaries
 * and sized by the persona's output length (concise: the best sentence or
 * two; normal: the best passage; detailed: the top passages). Below the score
 * threshold it says it does not know and offers a person.
 */
export class BuiltinAnswerer implements Answerer {
  readonly kind = 'builtin' as const;

  constructor(private readonly minScore: number) {}

  async *answer(input: AnswerInput): AsyncGenerator<string, AnswerOutcome, void> {
    const { passages, persona, question } = input;
    const best = passages[0];
    if (!best || best.score < this.minScore) {
      yield refusalText(replyLanguage(question, persona));
      return { grounded: false, confidence: best?.score ?? 0, sources: [] };
    }
    const terms = new Set(queryTerms(question));
    const length = persona.outputLength in BUDGET ? (persona.outputLength as keyof typeof BUDGET) : 'normal-length';
    const budget = BUDGET[length];
    let used: Passage[];
    let parts: string[][];
    if (length === 'concise') {
      used = [best];
      parts = [excerpt(best, terms, budget, 2)];
    } else if (length === 'normal-length') {
      used = [best];
      parts = [excerpt(best, terms, budget)];
    } else {
      used = passages.filter((p) => p.score >= this.minScore && p.score >= best.score * 0.6).slice(0, 3);
      const each = Math.floor(budget / used.length);
      parts = used.map((p) => excerpt(p, terms, each));
    }
    // Streamed a sentence at a time, with the separators joinSentences would put between them.
    let firstPart = true;
    for (const part of parts) {
      if (!part.length) continue;
      let sofar = '';
      for (let i = 0; i < part.length; i++) {
        const next = joinSentences(part.slice(0, i + 1));
        const piece = next.slice(sofar.length);
        sofar = next;
        yield i === 0 && !firstPart ? `\n\n${piece}` : piece;
      }
      firstPart = false;
    }
    return { grounded: true, confidence: best.score, sources: used };
  }
}

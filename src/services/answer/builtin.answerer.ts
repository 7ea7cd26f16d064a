import { BUDGET, asksForList, bestSentences, expand, render } from './answer-selection.js';
import type { AnswerInput, AnswerOutcome, Answerer, Passage } from './answer.types.js';
import { refusalText } from './reply-phrases.js';
import { parseSynonyms } from './synonyms.js';
import { isChinese } from '../knowledge/text-segmenter.js';

/**
 * How well the chosen sentence must answer (answer-selection's 0–1 score),
 * for an English and for a Chinese question. Calibrated on the dev, test and
 * fresh splits of `npm run bench:answers -- --scores`: below it the passages
 * share words with the question without answering it. Chinese scores run
 * higher (a word cut differently still earns part of its characters), so an
 * adversarial Chinese question reaches further up; 0.55 would refuse one more
 * of them for three answerable ones.
 */
export const SENTENCE_MIN_SCORE = { en: 0.5, zh: 0.52 } as const;

/** Text cut after sentence ends, line breaks and commas into pieces of at least a few words. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const part of text.split(/(?<=[.!?;,。！？；，：\n])/)) {
    current += part;
    if (current.length >= 24) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * The answerer without an LLM: inside the retrieved passages it picks the
 * sentence that answers the question (answer-selection), adds what that
 * sentence needs to make sense, and keeps the structure (paragraphs, list
 * items under their heading), sized by the persona's output length (concise:
 * the sentence; normal: with its continuation; detailed: also the best
 * sentence of another document). When no sentence answers well enough it says
 * it does not know and offers a person.
 */
export class BuiltinAnswerer implements Answerer {
  readonly kind = 'builtin' as const;

  /**
   * `semanticMinScore` (ANSWER_MIN_SCORE): a passage whose vector score reaches it answers by meaning even when it
   * shares no word with the question; its best sentence is the answer.
   */
  constructor(
    private readonly semanticMinScore = 1,
    private readonly minScore: { en: number; zh: number } = SENTENCE_MIN_SCORE,
  ) {}

  async *answer(input: AnswerInput): AsyncGenerator<string, AnswerOutcome, void> {
    const { passages, persona, question, language } = input;
    const ranked = bestSentences(question, passages, parseSynonyms(persona.synonyms));
    let best = ranked[0];
    let confidence = best?.score ?? 0;
    const minScore = this.minScore[isChinese(question) ? 'zh' : 'en'];
    if (!best || best.score < minScore) {
      const meant = passages.find((p) => (p.semantic ?? 0) >= this.semanticMinScore);
      best = meant && ranked.find((c) => c.passage === meant);
      confidence = meant?.score ?? confidence;
    }
    if (!best) {
      yield refusalText(language, persona.tone);
      return { grounded: false, confidence, sources: [] };
    }
    const length = persona.outputLength in BUDGET ? (persona.outputLength as keyof typeof BUDGET) : 'normal-length';
    const budget = BUDGET[length];
    const list = asksForList(question);
    const more = length === 'concise' ? 'no' : length === 'detailed' ? 'all' : 'related';
    const blocks = [render(best.passage, best.units, expand(best, ranked, budget, more, list))];
    const used: Passage[] = [best.passage];
    if (length === 'detailed') {
      // A second passage that answers too (another section or document), in what the budget leaves.
      const other = ranked.find((c) => c.passage.chunkId !== best.passage.chunkId && c.score >= Math.max(minScore, best.score * 0.75));
      if (other) {
        blocks.push(render(other.passage, other.units, expand(other, ranked, Math.max(budget - blocks[0]!.length, 0), 'all', list)));
        used.push(other.passage);
      }
    }
    // Streamed in phrase-sized pieces; the paragraph breaks are part of the text.
    for (const piece of pieces(blocks.join('\n\n'))) yield piece;
    return { grounded: true, confidence: Math.min(1, confidence), sources: used };
  }
}

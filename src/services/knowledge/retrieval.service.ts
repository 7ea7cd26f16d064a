import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../core/logger.js';
import { embeddingFallbacks } from '../../core/metrics/metrics.js';
import { searchChunks, similarTerms, vectorSearch, type ChunkHit } from './chunk.repository.js';
import type { Embedding, EmbeddingsService } from './embeddings.service.js';
import { morphemesOf, queryTerms, termWeight } from './text-segmenter.js';

/** A retrieved passage with its score (0–1, comparable across questions: the answerers' threshold applies to it). */
export interface Passage {
  chunkId: number;
  documentId: number;
  fileName: string;
  kind: 'text' | 'qa';
  heading: string;
  content: string;
  score: number;
  /** With vector ranking: the passage's calibrated vector score (the threshold means "answers", as for `score`). */
  semantic?: number;
}

export interface RetrievalOptions {
  /** Passages to return. */
  k?: number;
}

/** How alike (pg_trgm similarity) a misspelled word and its correction must be. */
const CORRECTION_SIMILARITY = 0.4;
/** A corrected question is a little less certain than one whose words were all found. */
const CORRECTION_PENALTY = 0.95;

/** The share of the question found (coverage), nudged up to 15% by ts_rank, which favours matches in headings and FAQ questions. */
export function scoreHit(h: ChunkHit): number {
  return Math.min(1, h.coverage * (0.85 + 0.15 * Math.min(1, h.rank * 2)));
}

/**
 * The vector score: cosine similarity mapped onto the same 0–1 scale as the
 * lexical score, so that one threshold (ANSWER_MIN_SCORE) judges both. The
 * similarity at which a passage answers (EMBEDDINGS_MIN_SIMILARITY, a property
 * of the model) lands exactly on the threshold; 1 stays 1 and 0 or less is 0,
 * linear in between on each side.
 */
export function vectorScore(similarity: number, minSimilarity: number, threshold: number): number {
  if (!(similarity > 0)) return 0;
  if (similarity >= 1) return 1;
  if (similarity < minSimilarity) return (threshold * similarity) / minSimilarity;
  return threshold + ((1 - threshold) * (similarity - minSimilarity)) / (1 - minSimilarity);
}

/** Optional semantic ranking: with it, the question is embedded and chunks are also ranked by vector similarity. */
export interface VectorRanking {
  embeddings: EmbeddingsService;
  /** ANSWER_MIN_SCORE. */
  threshold: number;
  log: Logger;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Top-k passages of one staff's knowledge base for a question, best first.
 * Chinese is segmented with jieba; Latin question words found in no chunk
 * are corrected to the most similar word of the staff's vocabulary (pg_trgm),
 * which catches misspellings in short queries that full-text search misses.
 *
 * With an embeddings service, the candidates are the lexical pool and the
 * staff's chunks nearest the question's embedding, and a passage's score is
 * the larger of its lexical and its (calibrated) vector score. The maximum
 * rather than a blend: each signal on its own already means "this passage
 * answers" at the threshold, a blend would pull a paraphrase (lexical 0) below
 * it and re-tune every lexical score, while the maximum only adds passages
 * that meaning finds and leaves the lexical ones where they were. Ties go to
 * the passage the other signal ranks higher. If the question cannot be
 * embedded (service down or slow), retrieval is lexical for that question.
 */
export class RetrievalService {
  constructor(private readonly vector?: VectorRanking) {}

  async retrieve(em: EntityManager, staffId: number, question: string, opts: RetrievalOptions = {}): Promise<Passage[]> {
    const k = Math.min(Math.max(opts.k ?? 5, 1), 50);
    const pool = Math.max(k * 4, 20);
    // Requested first, so the service works while PostgreSQL does the lexical search.
    const embedded = this.vector ? this.embedQuestion(staffId, question) : null;
    const lexical = await this.lexical(em, staffId, question, pool);
    const asked = embedded ? await embedded : null;
    if (!this.vector || !asked) return lexical.slice(0, k);

    const { embeddings, threshold } = this.vector;
    // Sign bits preselect 10 per passage wanted (at least 40) for the exact similarity, about 0.15 ms each at 1,536
    // dimensions. The best lexical candidates are scored exactly too; lexical ones further down keep a vector score of 0.
    const lexicalIds = lexical.slice(0, Math.max(k * 2, 10)).map((p) => p.chunkId);
    const hits = await vectorSearch(em, staffId, embeddings.model, asked, Math.max(k * 10, 40), lexicalIds);
    const byId = new Map<number, { passage: Passage; lex: number; vec: number }>();
    for (const p of lexical) byId.set(p.chunkId, { passage: p, lex: p.score, vec: 0 });
    for (const h of hits) {
      const vec = round(vectorScore(h.similarity, embeddings.settings.minSimilarity, threshold));
      const seen = byId.get(h.chunkId);
      if (seen) seen.vec = vec;
      else
        byId.set(h.chunkId, {
          passage: { chunkId: h.chunkId, documentId: h.documentId, fileName: h.fileName, kind: h.kind, heading: h.heading, content: h.content, score: 0 },
          lex: 0,
          vec,
        });
    }
    return [...byId.values()]
      .map((c) => ({ ...c, score: Math.max(c.lex, c.vec), other: Math.min(c.lex, c.vec) }))
      .sort((a, b) => b.score - a.score || b.other - a.other || a.passage.chunkId - b.passage.chunkId)
      .slice(0, k)
      .map((c) => ({ ...c.passage, score: c.score, semantic: c.vec }));
  }

  private async embedQuestion(staffId: number, question: string): Promise<Embedding | null> {
    try {
      return await this.vector!.embeddings.embedQuestion(question);
    } catch (err) {
      this.vector!.log.warn({ err: (err as Error).message, staffId }, 'could not embed the question; retrieval is lexical for it');
      embeddingFallbacks.inc();
      return null;
    }
  }

  /** The lexical pool, best first, scored 0–1. */
  private async lexical(em: EntityManager, staffId: number, question: string, pool: number): Promise<Passage[]> {
    let weighted = queryTerms(question).map((term) => ({ term, weight: termWeight(term) }));
    if (!weighted.length) return [];
    const first = await searchChunks(em, staffId, weighted, pool);
    const df = first.df;
    let hits = first.hits;
    let penalty = 1;
    // Latin words found in no chunk are corrected to the most similar word of the vocabulary; Chinese ones stand half
    // for their characters (a word cut differently, or another word of the same morpheme; answer selection decides). A
    // Chinese word jieba cut differently shares too few trigrams to correct, and the trigram search over a large
    // Chinese vocabulary costs more than the rest of the retrieval together.
    const unknown = weighted.filter((w, i) => df[i] === 0 && /^[a-z][a-z0-9]{2,}$/.test(w.term)).map((w) => w.term);
    const fixes = unknown.length ? await similarTerms(em, staffId, unknown, CORRECTION_SIMILARITY) : new Map<string, { term: string }>();
    const split = new Map(weighted.filter((w, i) => df[i] === 0).map((w) => [w.term, morphemesOf(w.term)] as const).filter(([, parts]) => parts.length));
    if (fixes.size || split.size) {
      const seen = new Set<string>();
      weighted = weighted
        .flatMap((w) => {
          const parts = split.get(w.term);
          if (parts) return [{ term: w.term, weight: w.weight / 2 }, ...parts.map((term) => ({ term, weight: w.weight / 2 / parts.length }))];
          return [{ term: fixes.get(w.term)?.term ?? w.term, weight: w.weight }];
        })
        .filter((w) => !seen.has(w.term) && seen.add(w.term));
      ({ hits } = await searchChunks(em, staffId, weighted, pool));
      if (fixes.size) penalty = CORRECTION_PENALTY;
    }
    return hits
      .map((h) => ({
        chunkId: h.chunkId,
        documentId: h.documentId,
        fileName: h.fileName,
        kind: h.kind,
        heading: h.heading,
        content: h.content,
        score: round(scoreHit(h) * penalty),
      }))
      .sort((a, b) => b.score - a.score || a.chunkId - b.chunkId);
  }
}

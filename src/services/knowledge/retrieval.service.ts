import type { EntityManager } from '@mikro-orm/postgresql';
import { searchChunks, similarTerms, type ChunkHit } from './chunk.repository.js';
import { queryTerms, termWeight } from './text-segmenter.js';

/** A retrieved passage with its score (0–1, comparable across questions: the answerers' threshold applies to it). */
export interface Passage {
  chunkId: number;
  documentId: number;
  fileName: string;
  kind: 'text' | 'qa';
  heading: string;
  content: string;
  score: number;
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
 * Top-k passages of one staff's knowledge base for a question, best first.
 * Chinese is segmented with jieba; question words found in no chunk are
 * corrected to the most similar word of the staff's vocabulary (pg_trgm),
 * which catches misspellings in short queries that full-text search misses.
 */
export class RetrievalService {
  async retrieve(em: EntityManager, staffId: number, question: string, opts: RetrievalOptions = {}): Promise<Passage[]> {
    const k = Math.min(Math.max(opts.k ?? 5, 1), 50);
    const pool = Math.max(k * 4, 20);
    let weighted = queryTerms(question).map((term) => ({ term, weight: termWeight(term) }));
    if (!weighted.length) return [];
    const first = await searchChunks(em, staffId, weighted, pool);
    const df = first.df;
    let hits = first.hits;
    let penalty = 1;
    const unknown = weighted.filter((_, i) => df[i] === 0).map((w) => w.term);
    if (unknown.length) {
      const fixes = await similarTerms(em, staffId, unknown, CORRECTION_SIMILARITY);
      if (fixes.size) {
        const seen = new Set<string>();
        weighted = weighted
          .map((w) => ({ term: fixes.get(w.term)?.term ?? w.term, weight: w.weight }))
          .filter((w) => !seen.has(w.term) && seen.add(w.term));
        ({ hits } = await searchChunks(em, staffId, weighted, pool));
        penalty = CORRECTION_PENALTY;
      }
    }
    return hits
      .map((h) => ({
        chunkId: h.chunkId,
        documentId: h.documentId,
        fileName: h.fileName,
        kind: h.kind,
        heading: h.heading,
        content: h.content,
        score: Math.round(scoreHit(h) * penalty * 1e4) / 1e4,
      }))
      .sort((a, b) => b.score - a.score || a.chunkId - b.chunkId)
      .slice(0, k);
  }
}

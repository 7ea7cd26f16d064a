import type { EntityManager } from '@mikro-orm/postgresql';
import { searchChunks, type ChunkHit } from './chunk.repository.js';
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

const TRIGRAM_THRESHOLD = 0.5;
/** Weight of a pure trigram match: a misspelled query is worth less than the exact words. */
const TRIGRAM_WEIGHT = 0.85;

/** Combines the lexical coverage, a small ts_rank tie-breaker and trigram similarity into one score. */
export function scoreHit(h: ChunkHit): number {
  const lexical = h.coverage * (0.9 + 0.1 * Math.min(1, h.rank * 10));
  const fuzzy = h.trigram >= TRIGRAM_THRESHOLD ? h.trigram * TRIGRAM_WEIGHT : 0;
  return Math.min(1, Math.max(lexical, fuzzy));
}

/** Top-k passages of one staff's knowledge base for a question, best first. Chinese is segmented with jieba. */
export class RetrievalService {
  async retrieve(em: EntityManager, staffId: number, question: string, opts: RetrievalOptions = {}): Promise<Passage[]> {
    const k = Math.min(Math.max(opts.k ?? 5, 1), 50);
    const terms = queryTerms(question);
    if (!terms.length) return [];
    const weighted = terms.map((term) => ({ term, weight: termWeight(term) }));
    const hits = await searchChunks(em, staffId, weighted, terms.join(' '), { pool: Math.max(k * 4, 20), trigramThreshold: TRIGRAM_THRESHOLD });
    return hits
      .map((h) => ({
        chunkId: h.chunkId,
        documentId: h.documentId,
        fileName: h.fileName,
        kind: h.kind,
        heading: h.heading,
        content: h.content,
        score: Math.round(scoreHit(h) * 1e4) / 1e4,
      }))
      .sort((a, b) => b.score - a.score || a.chunkId - b.chunkId)
      .slice(0, k);
  }
}

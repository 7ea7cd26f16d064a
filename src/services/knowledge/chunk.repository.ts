import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { ChunkDraft } from './chunker.js';

export interface ChunkRow extends ChunkDraft {
  searchText: string;
}

export interface ChunkHit {
  chunkId: number;
  documentId: number;
  fileName: string;
  ordinal: number;
  kind: 'text' | 'qa';
  heading: string;
  content: string;
  /** Share of the question's weight (IDF) found in the chunk, 0–1. */
  coverage: number;
  /** ts_rank of the OR query, length-normalized. */
  rank: number;
  /** pg_trgm word similarity of the question to the chunk, 0–1 (0 when below the threshold). */
  trigram: number;
}

const INSERT_BATCH = 400;

/** Replaces a document's chunks (the caller holds the document's row lock in `trx`). */
export async function replaceChunks(trx: Knex.Transaction, documentId: number, staffId: number, rows: ChunkRow[]): Promise<void> {
  await trx.raw('delete from knowledge_chunk where document_id = ?', [documentId]);
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH);
    const values = batch.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
    const params = batch.flatMap((r, j) => [documentId, staffId, i + j, r.kind, r.heading, r.content, r.searchText]);
    await trx.raw(
      `insert into knowledge_chunk (document_id, staff_id, ordinal, kind, heading, content, search_text) values ${values}`,
      params,
    );
  }
}

/**
 * Lexical retrieval inside PostgreSQL for one staff, in one round trip:
 * candidates from the (staff_id, tsv) GIN index with an OR of the terms, each
 * scored by the IDF-weighted share of terms it contains (document
 * frequencies counted over the staff's chunks in the same query); plus
 * candidates from the pg_trgm index whose words resemble the question, which
 * catches misspellings and short queries full-text search misses.
 */
export async function searchChunks(
  em: EntityManager,
  staffId: number,
  weighted: { term: string; weight: number }[],
  trigramText: string,
  opts: { pool: number; trigramThreshold: number },
): Promise<ChunkHit[]> {
  if (!weighted.length) return [];
  const terms = weighted.map((t) => t.term);
  // Terms are runs of letters and digits (see text-segmenter), so they are safe as tsquery lexemes.
  const orQuery = terms.join(' | ');
  const matches = terms.map((_, i) => `(c.tsv @@ to_tsquery('simple', ?))::int as m${i}`).join(', ');
  const dfs = terms.map((_, i) => `coalesce(sum(m${i}), 0)::float8 as d${i}`).join(', ');
  // Each term weighs its importance in the language (given) times BM25's IDF in this staff's chunks: a term in
  // nearly every chunk weighs almost nothing. A term in no chunk counts as if in one, so a missing word is judged
  // by the language weight, not made heavier than the rarest word present.
  const idfs = terms
    .map((_, i) => `? * ln(1 + (s.n - greatest(df.d${i}, 1) + 0.5) / (greatest(df.d${i}, 1) + 0.5)) as w${i}`)
    .join(', ');
  const matchedWeight = terms.map((_, i) => `idf.w${i} * cand.m${i}`).join(' + ');
  const total = terms.map((_, i) => `idf.w${i}`).join(' + ');
  const sql = `
    with cand as (
      select c.id, ts_rank(c.tsv, to_tsquery('simple', ?), 1) as rank, ${matches}
      from knowledge_chunk c
      where c.staff_id = ? and c.tsv @@ to_tsquery('simple', ?)
    ),
    s as (select count(*)::float8 as n from knowledge_chunk where staff_id = ?),
    df as (select ${dfs} from cand),
    idf as (select ${idfs} from s, df),
    lex as (
      select cand.id, (${matchedWeight}) / nullif(${total}, 0) as coverage, cand.rank
      from cand, idf
      order by coverage desc, cand.rank desc
      limit ?
    ),
    tri as (
      select c.id, word_similarity(?, c.search_text) as ws
      from knowledge_chunk c
      where c.staff_id = ? and ? <% c.search_text
      order by ws desc
      limit ?
    ),
    ids as (select id from lex union select id from tri)
    select c.id, c.document_id, c.ordinal, c.kind, c.heading, c.content, d.file_name,
           coalesce(lex.coverage, 0) as coverage, coalesce(lex.rank, 0) as rank, coalesce(tri.ws, 0) as ws
    from ids
    join knowledge_chunk c on c.id = ids.id
    join knowledge_document d on d.id = c.document_id
    left join lex on lex.id = c.id
    left join tri on tri.id = c.id`;
  const params = [orQuery, ...terms, staffId, orQuery, staffId, ...weighted.map((t) => t.weight), opts.pool, trigramText, staffId, trigramText, opts.pool];
  const knex = em.getKnex();
  const rows = await knex.transaction(async (trx) => {
    // Local to this transaction: how alike words must be for the trigram candidates.
    await trx.raw(`select set_config('pg_trgm.word_similarity_threshold', ?, true)`, [String(opts.trigramThreshold)]);
    const result = await trx.raw(sql, params);
    return result.rows as Record<string, unknown>[];
  });
  return rows.map((r) => ({
    chunkId: Number(r.id),
    documentId: Number(r.document_id),
    fileName: String(r.file_name),
    ordinal: Number(r.ordinal),
    kind: r.kind === 'qa' ? 'qa' : 'text',
    heading: String(r.heading),
    content: String(r.content),
    coverage: Number(r.coverage),
    rank: Number(r.rank),
    trigram: Number(r.ws),
  }));
}

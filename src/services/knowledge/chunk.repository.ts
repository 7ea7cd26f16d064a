import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { ChunkDraft } from './chunker.js';
import type { Embedding } from './embeddings.service.js';
import { ANALYZER_VERSION } from './text-segmenter.js';

export interface ChunkRow extends ChunkDraft {
  /** Normalized tokens of the heading (ranked above the body) and of the content. */
  searchHeading: string;
  searchText: string;
  /** With an embeddings service: the chunk's L2-normalised embedding. */
  embedding?: Embedding | null;
}

export interface ChunkHit {
  chunkId: number;
  documentId: number;
  fileName: string;
  ordinal: number;
  kind: 'text' | 'qa';
  heading: string;
  content: string;
  /** Share of the question's weight found in the chunk, 0–1. */
  coverage: number;
  /** ts_rank of the OR query (heading words weigh most), length-normalized. */
  rank: number;
}

const INSERT_BATCH = 400;
/** Rows with embeddings carry a few kilobytes of parameters each. */
const INSERT_BATCH_EMBEDDED = 50;
/** Words worth correcting: Latin words of three letters or more, Chinese words of two characters or more. */
const VOCABULARY_WORD = /^(?:[a-z][a-z0-9]{2,63}|\p{Script=Han}{2,16})$/u;

/** Replaces a document's chunks (the caller holds the document's row lock in `trx`) and adds their words to the staff's vocabulary. */
export async function replaceChunks(trx: Knex.Transaction, documentId: number, staffId: number, rows: ChunkRow[]): Promise<void> {
  await trx.raw('delete from knowledge_chunk where document_id = ?', [documentId]);
  const size = rows.some((r) => r.embedding) ? INSERT_BATCH_EMBEDDED : INSERT_BATCH;
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    const values = batch.map(() => `(?, ?, ?, ?, ?, ?, ?, ?, ?::real[], ?::bit varying, ${ANALYZER_VERSION})`).join(', ');
    const params = batch.flatMap((r, j) => [
      documentId,
      staffId,
      i + j,
      r.kind,
      r.heading,
      r.content,
      r.searchHeading,
      r.searchText,
      r.embedding ? realArray(r.embedding.vector) : null,
      r.embedding ? r.embedding.bits : null,
    ]);
    await trx.raw(
      `insert into knowledge_chunk (document_id, staff_id, ordinal, kind, heading, content, search_heading, search_text, embedding, embedding_bits, analyzer_version) values ${values}`,
      params,
    );
  }
  await addVocabulary(trx, staffId, rows.map((r) => `${r.searchHeading} ${r.searchText}`));
}

/** Adds the words of these token texts to the staff's vocabulary (what misspellings are corrected to). */
async function addVocabulary(trx: Knex.Transaction, staffId: number, tokenTexts: string[]): Promise<void> {
  const words = new Set<string>();
  for (const text of tokenTexts) for (const w of text.split(' ')) if (VOCABULARY_WORD.test(w)) words.add(w);
  const list = [...words];
  for (let i = 0; i < list.length; i += 1000) {
    const batch = list.slice(i, i + 1000);
    await trx.raw(
      `insert into knowledge_term (staff_id, term) values ${batch.map(() => '(?, ?)').join(', ')} on conflict do nothing`,
      batch.flatMap((w) => [staffId, w]),
    );
  }
}

/**
 * Re-tokenizes up to `limit` chunks stored by an analyzer older than `version` (rows another transaction holds
 * are skipped), with `tokens` from their stored heading and content; their new words join the vocabulary.
 * Answers how many it rewrote.
 */
export async function retokenizeStale(
  trx: Knex.Transaction,
  version: number,
  limit: number,
  tokens: (heading: string, content: string) => Promise<{ searchHeading: string; searchText: string }>,
): Promise<number> {
  const { rows } = (await trx.raw('select id, staff_id, heading, content from knowledge_chunk where analyzer_version < ? order by id limit ? for update skip locked', [version, limit])) as {
    rows: { id: number; staff_id: number; heading: string; content: string }[];
  };
  if (!rows.length) return 0;
  const made = [];
  for (const r of rows) made.push({ ...r, ...(await tokens(r.heading, r.content)) });
  await trx.raw(
    `update knowledge_chunk k set search_heading = u.h, search_text = u.t, analyzer_version = ?
      from unnest(?::int[], ?::text[], ?::text[]) as u(id, h, t) where k.id = u.id`,
    [version, made.map((r) => r.id), made.map((r) => r.searchHeading), made.map((r) => r.searchText)],
  );
  const byStaff = new Map<number, string[]>();
  for (const r of made) byStaff.set(r.staff_id, [...(byStaff.get(r.staff_id) ?? []), `${r.searchHeading} ${r.searchText}`]);
  for (const [staffId, texts] of byStaff) await addVocabulary(trx, staffId, texts);
  return rows.length;
}

/**
 * Lexical retrieval inside PostgreSQL for one staff, in one statement:
 * candidates from the (staff_id, tsv) GIN index with an OR of the terms, each
 * scored by the weighted share of terms it contains. A term's weight is its
 * importance in the language (given) times its BM25 IDF among this staff's
 * chunks (document frequencies counted in the same statement). Also answers
 * each term's document frequency, so the caller can correct unknown words.
 */
export async function searchChunks(
  em: EntityManager,
  staffId: number,
  weighted: { term: string; weight: number }[],
  pool: number,
): Promise<{ hits: ChunkHit[]; df: number[] }> {
  if (!weighted.length) return { hits: [], df: [] };
  const terms = weighted.map((t) => t.term);
  // Terms are runs of letters and digits (see text-segmenter), so they are safe as tsquery lexemes.
  const orQuery = terms.join(' | ');
  const matches = terms.map((_, i) => `(c.tsv @@ to_tsquery('simple', ?))::int as m${i}`).join(', ');
  const dfs = terms.map((_, i) => `coalesce(sum(m${i}), 0)::float8 as d${i}`).join(', ');
  // A term in nearly every chunk weighs almost nothing. A term in no chunk counts as if in one, so a missing word
  // is judged by its language weight rather than made heavier than the rarest word present.
  const idfs = terms.map((_, i) => `? * ln(1 + (s.n - greatest(df.d${i}, 1) + 0.5) / (greatest(df.d${i}, 1) + 0.5)) as w${i}`).join(', ');
  const matchedWeight = terms.map((_, i) => `idf.w${i} * cand.m${i}`).join(' + ');
  const total = terms.map((_, i) => `idf.w${i}`).join(' + ');
  const dfList = terms.map((_, i) => `df.d${i}`).join(', ');
  const sql = `
    with cand as (
      select c.id, ts_rank(c.tsv, to_tsquery('simple', ?), 1) as rank, ${matches}
      from knowledge_chunk c
      where c.staff_id = ? and c.tsv @@ to_tsquery('simple', ?)
    ),
    s as (select greatest(coalesce(sum(chunk_count), 0), 1)::float8 as n from knowledge_document where staff_id = ?),
    df as (select ${dfs} from cand),
    idf as (select ${idfs} from s, df),
    lex as (
      select cand.id, (${matchedWeight}) / nullif(${total}, 0) as coverage, cand.rank
      from cand, idf
      order by coverage desc, cand.rank desc
      limit ?
    )
    select c.id, c.document_id, c.ordinal, c.kind, c.heading, c.content, d.file_name, lex.coverage, lex.rank,
           array[${dfList}] as df
    from lex
    join knowledge_chunk c on c.id = lex.id
    join knowledge_document d on d.id = c.document_id
    right join df on true`;
  const params = [orQuery, ...terms, staffId, orQuery, staffId, ...weighted.map((t) => t.weight), pool];
  const rows = (await em.getKnex().raw(sql, params)).rows as Record<string, unknown>[];
  const df = ((rows[0]?.df as number[] | undefined) ?? terms.map(() => 0)).map(Number);
  const hits = rows
    .filter((r) => r.id !== null)
    .map((r) => ({
      chunkId: Number(r.id),
      documentId: Number(r.document_id),
      fileName: String(r.file_name),
      ordinal: Number(r.ordinal),
      kind: r.kind === 'qa' ? ('qa' as const) : ('text' as const),
      heading: String(r.heading),
      content: String(r.content),
      coverage: Number(r.coverage),
      rank: Number(r.rank),
    }));
  return { hits, df };
}

/** For each word, the most similar word of the staff's vocabulary (pg_trgm similarity at least `min`). */
export async function similarTerms(em: EntityManager, staffId: number, words: string[], min: number): Promise<Map<string, { term: string; similarity: number }>> {
  const found = new Map<string, { term: string; similarity: number }>();
  if (!words.length) return found;
  const sql = `
    select q.word, best.term, best.sim
    from (values ${words.map(() => '(?::text)').join(', ')}) as q(word)
    cross join lateral (
      select t.term, similarity(t.term, q.word) as sim
      from knowledge_term t
      where t.staff_id = ? and t.term % q.word
      order by sim desc, t.term
      limit 1
    ) best
    where best.sim >= ?`;
  const rows = (await em.getKnex().raw(sql, [...words, staffId, min])).rows as { word: string; term: string; sim: number }[];
  for (const r of rows) found.set(r.word, { term: r.term, similarity: Number(r.sim) });
  return found;
}

/** A PostgreSQL array literal of a vector (float4 keeps about 7 significant digits; more would only be rounded away). */
export const realArray = (v: readonly number[]) => `{${v.map((x) => Number(x.toPrecision(8))).join(',')}}`;

export interface VectorHit extends Omit<ChunkHit, 'coverage' | 'rank'> {
  /** Cosine similarity of the chunk's and the question's embeddings, -1–1. */
  similarity: number;
}

/**
 * Vector similarity inside PostgreSQL for one staff, without pgvector: the
 * `prefilter` chunks whose sign bits are nearest the question's (Hamming
 * distance, `bit_count` of the XOR, computed in C — milliseconds over 10,000
 * chunks), plus the chunks in `include` (the lexical candidates), are scored
 * exactly with `knowledge_dot`. Only chunks of documents embedded by `model`
 * with the question's dimensions take part.
 */
export async function vectorSearch(
  em: EntityManager,
  staffId: number,
  model: string,
  question: Embedding,
  prefilter: number,
  include: number[],
): Promise<VectorHit[]> {
  const dims = question.vector.length;
  // Parameters rather than a joined row: the planner then filters and sorts the staff's chunks in one pass.
  const sql = `
    with near as (
      select c.id
      from knowledge_chunk c
      where c.staff_id = ? and length(c.embedding_bits) = ?
        and c.document_id in (select id from knowledge_document where staff_id = ? and embedding_model = ?)
      order by bit_count(c.embedding_bits # ?::varbit), c.id
      limit ?
    ),
    cand as (select id from near union select unnest(?::int[]))
    select c.id, c.document_id, c.ordinal, c.kind, c.heading, c.content, d.file_name, knowledge_dot(c.embedding, ?::real[]) as similarity
    from cand
    join knowledge_chunk c on c.id = cand.id
    join knowledge_document d on d.id = c.document_id
    where c.staff_id = ? and d.staff_id = ? and d.embedding_model = ? and array_length(c.embedding, 1) = ?`;
  const params = [staffId, dims, staffId, model, question.bits, prefilter, `{${include.join(',')}}`, realArray(question.vector), staffId, staffId, model, dims];
  const rows = (await em.getKnex().raw(sql, params)).rows as Record<string, unknown>[];
  return rows.map((r) => ({
    chunkId: Number(r.id),
    documentId: Number(r.document_id),
    fileName: String(r.file_name),
    ordinal: Number(r.ordinal),
    kind: r.kind === 'qa' ? ('qa' as const) : ('text' as const),
    heading: String(r.heading),
    content: String(r.content),
    similarity: Number(r.similarity),
  }));
}

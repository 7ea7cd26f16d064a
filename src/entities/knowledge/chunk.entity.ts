import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { KnowledgeDocument } from './document.entity.js';

/**
 * A passage of a document, the unit retrieval ranks. Chunks are written and
 * searched with SQL (src/services/knowledge/chunk.repository.ts); the entity
 * describes the table so the schema stays in one place.
 */
@Entity({ tableName: 'knowledge_chunk' })
@Index({ properties: ['document', 'ordinal'] })
@Index({ properties: ['staff'] })
@Index({ name: 'knowledge_chunk_staff_tsv_index', expression: 'create index "knowledge_chunk_staff_tsv_index" on "knowledge_chunk" using gin ("staff_id", "tsv")' })
export class KnowledgeChunk extends BaseEntity {
  @ManyToOne(() => KnowledgeDocument, { deleteRule: 'cascade' })
  document!: Rel<KnowledgeDocument>;

  /** Copied from the document so retrieval filters one staff without a join. */
  @ManyToOne(() => Staff, { deleteRule: 'cascade' })
  staff!: Rel<Staff>;

  @Property({ type: 'integer' })
  ordinal!: number;

  /** `text` for a passage, `qa` for a question-and-answer entry. */
  @Property({ type: 'string', length: 8 })
  kind!: string;

  /** The section path, e.g. "Returns › Exceptions"; for a Q&A entry, its question. */
  @Property({ type: 'text', default: '' })
  heading!: string;

  @Property({ type: 'text' })
  content!: string;

  /** The heading's segmented, normalized tokens; weighted above the body in ranking. */
  @Property({ type: 'text', default: '' })
  searchHeading!: string;

  /** Segmented, normalized tokens (jieba for Chinese, light stemming for English), space separated. */
  @Property({ type: 'text' })
  searchText!: string;

  /** The analyzer version that made `searchHeading` and `searchText` (text-segmenter.ts ANALYZER_VERSION). */
  @Property({ type: 'integer', default: 1 })
  @Index()
  analyzerVersion!: number;

  @Property({
    type: 'tsvector',
    columnType: 'tsvector',
    generated: `(setweight(to_tsvector('simple'::regconfig, search_heading), 'A') || to_tsvector('simple'::regconfig, search_text)) stored`,
    lazy: true,
    ignoreSchemaChanges: ['type', 'extra'],
  })
  tsv?: unknown;

  /** The L2-normalised embedding of heading and content, when an embeddings service is configured (see knowledge_dot). */
  @Property({ type: 'unknown', columnType: 'real[]', nullable: true, lazy: true })
  embedding?: number[] | null;

  /** The embedding's sign bits, compared by Hamming distance to preselect candidates for the exact similarity. */
  @Property({ type: 'unknown', columnType: 'varbit', nullable: true, lazy: true })
  embeddingBits?: string | null;
}

import { Entity, Index, ManyToOne, PrimaryKey, type Rel } from '@mikro-orm/core';
import { Staff } from '../staff/staff.entity.js';

/**
 * The words of a staff's indexed documents, for spelling correction: a
 * question word found in no chunk is replaced by its most similar word here
 * (pg_trgm). Grows as documents are indexed; a word left over from a deleted
 * document only ever corrects to a word that matches nothing.
 */
@Entity({ tableName: 'knowledge_term' })
@Index({ name: 'knowledge_term_trgm_index', expression: 'create index "knowledge_term_trgm_index" on "knowledge_term" using gin ("staff_id", "term" gin_trgm_ops)' })
export class KnowledgeTerm {
  @ManyToOne(() => Staff, { primary: true, deleteRule: 'cascade' })
  staff!: Rel<Staff>;

  @PrimaryKey({ type: 'string', length: 64 })
  term!: string;
}

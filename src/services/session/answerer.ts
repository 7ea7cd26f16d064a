import type { EntityManager } from '@mikro-orm/postgresql';
import type { Staff } from '../../entities/staff/staff.entity.js';
import type { AnswerStream } from '../answer/answer.types.js';

/** What conversations need from the knowledge base (the AnswerService): one staff's streamed answer. */
export interface Answerer {
  answer(em: EntityManager, staff: Staff, question: string): AnswerStream;
}

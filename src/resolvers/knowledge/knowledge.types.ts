import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DocumentSyncState } from '../../entities/knowledge/document.entity.js';

registerEnumType(DocumentSyncState, { name: 'DocumentSyncState', description: 'Where a training document is in its sync' });

export enum AnswererKind {
  LLM = 'llm',
  BUILTIN = 'builtin',
}
registerEnumType(AnswererKind, { name: 'AnswererKind', description: 'What produced an answer: the configured LLM, or the built-in retrieval answerer' });

@ObjectType('UploadedFile', { description: "A file uploaded by the caller's merchant (POST /api/v1/customer/upload/file)" })
export class UploadedFileType {
  @Field(() => Int) id!: number;
  @Field() fileName!: string;
  @Field({ description: 'Unique storage name; what documents refer to' }) filePath!: string;
  @Field(() => Int, { description: 'Bytes' }) fileSize!: number;
  @Field() contentType!: string;
  @Field() createdAt!: Date;
  // Resolved by a field resolver:
  fileUrl?: string;
}

@ObjectType()
export class UploadedFilePage {
  @Field(() => [UploadedFileType]) items!: UploadedFileType[];
  @Field(() => Int) total!: number;
  @Field(() => Int) pageNo!: number;
  @Field(() => Int) pageSize!: number;
}

@ObjectType('Document', { description: 'Training material of a staff, and how far its sync has got' })
export class DocumentType {
  @Field(() => Int) id!: number;
  @Field() fileName!: string;
  @Field() filePath!: string;
  @Field(() => DocumentSyncState) syncState!: DocumentSyncState;
  @Field(() => String, { nullable: true, description: 'Why the last sync of this document failed; on a ready document, a warning (embeddings could not be added)' }) syncError!: string | null;
  @Field(() => Int, { description: 'Passages indexed from it' }) chunkCount!: number;
  @Field(() => Date, { nullable: true }) syncedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  // Resolved by field resolvers:
  staffId?: number;
  fileSize?: number;
  fileUrl?: string;
}

@ObjectType()
export class DocumentPage {
  @Field(() => [DocumentType]) items!: DocumentType[];
  @Field(() => Int) total!: number;
  @Field(() => Int) pageNo!: number;
  @Field(() => Int) pageSize!: number;
}

@ObjectType('FaqEntry', { description: 'An FAQ entry of a staff as saved (saveFaqEntry): its question and answer' })
export class FaqEntryType {
  @Field(() => Int, { description: 'The Q&A document that holds it' }) documentId!: number;
  @Field() question!: string;
  @Field() answer!: string;
}

@InputType({ description: 'An uploaded file to add to a staff; a file already listed keeps its document and takes the new name' })
export class DocumentFileInput {
  @Field() filePath!: string;
  @Field({ nullable: true }) fileName?: string;
}

@ObjectType({ description: 'A document changed sync state' })
export class DocumentSyncEvent {
  @Field(() => Int) documentId!: number;
  @Field(() => Int) staffId!: number;
  @Field(() => DocumentSyncState) state!: DocumentSyncState;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Int) chunkCount!: number;
  @Field(() => DocumentType, { nullable: true, description: 'The document now; null once deleted' }) document!: DocumentType | null;
}

@ObjectType('AnswerSource', { description: 'A passage an answer drew on' })
export class AnswerSourceType {
  @Field(() => Int) documentId!: number;
  @Field(() => Int) chunkId!: number;
  @Field() fileName!: string;
  @Field() heading!: string;
  @Field() excerpt!: string;
  @Field(() => Float) score!: number;
}

@ObjectType('Answer', { description: "A staff's answer to a question, from its training documents" })
export class AnswerType {
  @Field() text!: string;
  @Field({ description: 'False when the documents did not answer: the text says so and offers a person' }) grounded!: boolean;
  @Field(() => Float, { description: 'Retrieval score of the best passage, 0–1' }) confidence!: number;
  @Field(() => [AnswerSourceType]) sources!: AnswerSourceType[];
  @Field(() => AnswererKind) answerer!: AnswererKind;
  @Field(() => String, { nullable: true, description: 'Why the LLM was not used, when it failed and the built-in answerer answered' })
  fallbackReason?: string | null;
}

@ObjectType({ description: 'A piece of a streamed answer; the last event has done = true and the whole answer (or an error)' })
export class AnswerStreamEvent {
  @Field(() => String, { nullable: true }) delta!: string | null;
  @Field() done!: boolean;
  @Field(() => AnswerType, { nullable: true }) answer!: AnswerType | null;
  @Field(() => String, { nullable: true }) error!: string | null;
}

import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { isAppError } from '../../core/errors.js';
import type { DomainEvents } from '../../core/events/event-bus.js';
import type { KnowledgeDocument } from '../../entities/knowledge/document.entity.js';
import { DocumentSyncState } from '../../entities/knowledge/document.entity.js';
import type { StoredFile } from '../../entities/knowledge/stored-file.entity.js';
import { Cost, Weight } from '../../graphql/cost.js';
import type { GqlContext } from '../../graphql/context.js';
import { untilAccessChanges } from '../../graphql/subscription-guard.js';
import { UploadScalar, type FileUpload } from '../../graphql/upload.scalar.js';
import { collectAnswer, type AnswerResult } from '../../services/answer/index.js';
import type { Services } from '../../services/index.js';
import { Role } from '../shared/enums.js';
import { PageInput } from '../shared/page.types.js';
import {
  AnswererKind,
  AnswerStreamEvent,
  AnswerType,
  DocumentFileInput,
  DocumentPage,
  DocumentSyncEvent,
  DocumentType,
  FaqEntryType,
  UploadedFilePage,
  UploadedFileType,
} from './knowledge.types.js';

type SyncEvent = DomainEvents['DOCUMENT_SYNC'][0];

const toAnswer = (r: AnswerResult): AnswerType => ({ ...r, answerer: r.answerer as AnswererKind, fallbackReason: r.fallbackReason ?? null });

@Resolver(() => DocumentType)
export class KnowledgeResolver {
  constructor(private readonly s: Services) {}

  @Authorized(Role.MERCHANT)
  @Query(() => DocumentPage, { description: "A staff's training documents with their sync state, oldest first" })
  async documents(
    @Arg('staffId', () => Int) staffId: number,
    @Ctx() { ctx }: GqlContext,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ): Promise<DocumentPage> {
    return this.s.documents.list(ctx, staffId, page ?? {});
  }

  @Authorized(Role.MERCHANT)
  @Query(() => UploadedFilePage, { description: "The merchant's uploaded files, newest first" })
  async files(@Ctx() { ctx }: GqlContext, @Arg('page', () => PageInput, { nullable: true }) page?: PageInput): Promise<UploadedFilePage> {
    return this.s.files.list(ctx, page ?? {});
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => [DocumentType], { description: 'Adds uploaded files to a staff as pending documents (update/doc)' })
  async addDocuments(
    @Arg('staffId', () => Int) staffId: number,
    @Arg('files', () => [DocumentFileInput]) files: DocumentFileInput[],
    @Ctx() { ctx }: GqlContext,
  ): Promise<KnowledgeDocument[]> {
    return this.s.documents.update(ctx, staffId, files);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => DocumentType, {
    description:
      'Uploads one file (a GraphQL multipart request, at most UPLOAD_MAX_MB; send the header Apollo-Require-Preflight) as a document of the staff and queues its sync; follow it with documentSync. An unsupported type or a larger file answers BAD_USER_INPUT',
  })
  async uploadDocument(
    @Arg('staffId', () => Int) staffId: number,
    @Arg('file', () => UploadScalar) file: Promise<FileUpload>,
    @Ctx() { ctx }: GqlContext,
  ): Promise<KnowledgeDocument> {
    const { filename, createReadStream } = await file;
    return this.s.documents.upload(ctx, staffId, { fileName: filename, data: createReadStream() });
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  // Indexed before it answers (and embedded, with an embeddings service).
  @Weight(Cost.heavyMutation)
  @Mutation(() => DocumentType, {
    description:
      "Saves a question and the reply a person gave as an FAQ entry of the staff (a Q&A document, indexed before this answers): the AI answers the next contact who asks. With replacesDocumentId, edits an entry: the new one replaces that document",
  })
  async saveFaqEntry(
    @Arg('staffId', () => Int) staffId: number,
    @Arg('question') question: string,
    @Arg('answer') answer: string,
    @Ctx() { ctx }: GqlContext,
    @Arg('replacesDocumentId', () => Int, { nullable: true }) replacesDocumentId?: number,
  ): Promise<KnowledgeDocument> {
    return this.s.faq.save(ctx, staffId, { question, answer, replaces: replacesDocumentId ?? null });
  }

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Query(() => FaqEntryType, {
    description:
      "An FAQ entry's question and answer as saved, to edit it (saveFaqEntry with replacesDocumentId). A document of the staff that is not an FAQ entry answers BAD_USER_INPUT",
  })
  async faqEntry(@Arg('staffId', () => Int) staffId: number, @Arg('documentId', () => Int) documentId: number, @Ctx() { ctx }: GqlContext): Promise<FaqEntryType> {
    return this.s.faq.get(ctx, staffId, documentId);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => Int, { description: 'Removes documents and their passages; answers how many were removed' })
  async deleteDocuments(
    @Arg('staffId', () => Int) staffId: number,
    @Arg('ids', () => [Int]) ids: number[],
    @Ctx() { ctx }: GqlContext,
  ): Promise<number> {
    return this.s.documents.delete(ctx, staffId, ids);
  }

  @Authorized(Role.MERCHANT)
  @Mutation(() => [DocumentType], { description: 'Queues indexing of every document not yet ready with its current content; follow it with documentSync' })
  async syncDocuments(@Arg('staffId', () => Int) staffId: number, @Ctx() { ctx }: GqlContext): Promise<KnowledgeDocument[]> {
    return this.s.documents.sync(ctx, staffId);
  }

  @Subscription(() => DocumentSyncEvent, {
    description: "Sync progress of the caller's documents (of one staff when staffId is given)",
    subscribe: ({ args, context }) => {
      const { ctx, bus } = context as GqlContext;
      const actor = ctx.requireMerchant();
      const staffId = (args as { staffId?: number | null }).staffId ?? null;
      return untilAccessChanges(
        ctx,
        bus,
        bus.where('DOCUMENT_SYNC', (e) => e.merchantId === actor.merchantId && (staffId === null || e.staffId === staffId)),
      );
    },
  })
  async documentSync(
    @Root() e: SyncEvent,
    @Ctx() { ctx }: GqlContext,
    @Arg('staffId', () => Int, { nullable: true }) _staffId?: number,
  ): Promise<DocumentSyncEvent> {
    const document = await this.s.documents.loadForEvent(ctx.refreshForEvent(), e.documentId);
    return { documentId: e.documentId, staffId: e.staffId, state: e.state as DocumentSyncState, error: e.error, chunkCount: e.chunkCount, document };
  }

  @Authorized(Role.MERCHANT)
  @Weight(Cost.answer)
  @Query(() => AnswerType, { description: 'Puts a question to a staff and waits for the whole answer (askStaffStream streams it)' })
  async askStaff(
    @Arg('staffId', () => Int) staffId: number,
    @Arg('question') question: string,
    @Ctx() { ctx }: GqlContext,
  ): Promise<AnswerType> {
    return toAnswer(await collectAnswer(await this.s.answers.ask(ctx, staffId, question)));
  }

  @Weight(Cost.answer)
  @Subscription(() => AnswerStreamEvent, {
    description: "Puts a question to one of the caller's staff and streams the answer: text deltas, then a final event with the sources",
    subscribe: async ({ args, context }) => {
      const { ctx, services } = context as GqlContext;
      const { staffId, question } = args as { staffId: number; question: string };
      const stream = await services.answers.ask(ctx, staffId, question);
      return (async function* () {
        try {
          for await (const delta of stream) yield { delta, done: false, answer: null, error: null };
          yield { delta: null, done: true, answer: toAnswer(await stream.result), error: null };
        } catch (err) {
          const message = isAppError(err) ? err.message : 'Internal server error';
          if (!isAppError(err)) ctx.log.error({ err }, 'answer stream failed');
          yield { delta: null, done: true, answer: null, error: message };
        }
      })();
    },
  })
  askStaffStream(
    @Root() e: AnswerStreamEvent,
    @Arg('staffId', () => Int) _staffId: number,
    @Arg('question') _question: string,
  ): AnswerStreamEvent {
    return e;
  }

  @FieldResolver(() => Int)
  staffId(@Root() doc: KnowledgeDocument): number {
    return doc.staff.id;
  }

  @FieldResolver(() => Int, { description: 'Bytes' })
  fileSize(@Root() doc: KnowledgeDocument): number {
    return doc.file.fileSize;
  }

  @FieldResolver(() => String)
  fileUrl(@Root() doc: KnowledgeDocument): string {
    return this.s.files.fileUrl(doc.filePath);
  }
}

@Resolver(() => UploadedFileType)
export class UploadedFileResolver {
  constructor(private readonly s: Services) {}

  @FieldResolver(() => String)
  fileUrl(@Root() file: StoredFile): string {
    return this.s.files.fileUrl(file.filePath);
  }
}

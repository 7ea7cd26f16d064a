import { webcrypto } from 'node:crypto';
import type { Readable } from 'node:stream';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { RequestContext } from '../../core/context.js';
import { badInput, conflict, notFound } from '../../core/errors.js';
import type { DomainEvents, EventBus } from '../../core/events/event-bus.js';
import type { JobQueue } from '../../core/jobs/job-queue.js';
import type { KnowledgeConfig } from '../../core/knowledge/knowledge-config.js';
import type { Logger } from '../../core/logger.js';
import { pageSchema, type PageInput, type PageResult } from '../../core/paging.js';
import { parseInput } from '../../core/validation.js';
import { DocumentSyncState, KnowledgeDocument } from '../../entities/knowledge/document.entity.js';
import { Merchant } from '../../entities/merchant/merchant.entity.js';
import type { StaffService } from '../staff/staff.service.js';
import { replaceChunks, type ChunkRow } from './chunk.repository.js';
import { EmbeddingsError, type EmbeddingsService } from './embeddings.service.js';
import { ExtractionError, isSupportedFile, unsupportedTypeMessage } from './extract/index.js';
import { tooLarge, type FileService } from './file.service.js';
import type { TextIndexerPool } from './text-indexer.pool.js';
import { documentData } from '../webhook/webhook-events.js';
import type { WebhookOutbox } from '../webhook/webhook-outbox.js';

export const INDEX_JOB = 'knowledge.index-document';

type SyncEvent = DomainEvents['DOCUMENT_SYNC'][0];

/** The row an indexing job claimed. */
interface ClaimedDocument {
  id: number;
  merchant_id: number;
  staff_id: number;
  file_path: string;
  file_name: string;
  indexed_hash: string | null;
  chunk_count: number;
  embedding_model: string | null;
}

const docsSchema = z
  .array(
    z.object({
      filePath: z.string({ message: 'file_path is required' }).trim().min(1, 'file_path is required').max(255),
      fileName: z.string().trim().max(255).optional(),
    }),
    { message: 'docs must be a list' },
  )
  .max(100, 'at most 100 docs at a time');
const idsSchema = z
  .array(z.number().int().positive(), { message: 'ids must be a list of document ids' })
  .min(1, 'ids must name at least one document')
  .max(100, 'at most 100 ids at a time');

export type DocumentFileInput = { filePath: string; fileName?: string };

/**
 * Training documents per staff: the seed's list/update/delete/sync, and the
 * durable indexing job behind sync. Indexing is idempotent: a job claims its
 * document (a lease), skips content it already indexed (SHA-256), extracts and
 * chunks on a worker thread outside any transaction, then replaces the chunks under the
 * document's row lock — so duplicate jobs, two syncs at once and restarts all
 * end in one consistent set of chunks.
 */
export class DocumentService {
  constructor(
    private readonly deps: {
      orm: MikroORM;
      bus: EventBus;
      jobs: JobQueue;
      files: FileService;
      staff: StaffService;
      config: KnowledgeConfig;
      log: Logger;
      /** Reads and chunks files off the main thread. */
      indexer: TextIndexerPool;
      /** With it, chunks are embedded while indexing. */
      embeddings?: EmbeddingsService | null;
      /** Synced and failed documents are reported to the merchant's webhooks in the transaction that records them. */
      webhooks: WebhookOutbox;
    },
  ) {
    // Registered even with no workers (concurrency 0): the queue must exist for this instance to send jobs to it.
    deps.jobs.register<{ documentId: number }>(INDEX_JOB, (data) => this.indexDocument(data.documentId), deps.config.syncConcurrency);
  }

  async list(ctx: RequestContext, staffId: number, page: PageInput = {}): Promise<PageResult<KnowledgeDocument>> {
    const staff = await this.deps.staff.get(ctx, staffId);
    const p = parseInput(pageSchema, page);
    const [items, total] = await ctx.em.findAndCount(
      KnowledgeDocument,
      { staff: staff.id },
      { orderBy: { id: 'asc' }, limit: p.pageSize, offset: p.pageNo * p.pageSize, populate: ['file'] },
    );
    return { items, total, ...p };
  }

  /** Adds uploaded files to a staff; a file already listed (same file_path) keeps its document and takes the new name. */
  async update(ctx: RequestContext, staffId: number, docs: DocumentFileInput[]): Promise<KnowledgeDocument[]> {
    const input = parseInput(docsSchema, docs);
    const staff = await this.deps.staff.get(ctx, staffId);
    const byPath = new Map(input.map((d) => [d.filePath, d]));
    const result: KnowledgeDocument[] = [];
    for (const d of byPath.values()) {
      const file = await this.deps.files.getOwned(ctx, d.filePath);
      let doc = await ctx.em.findOne(KnowledgeDocument, { staff: staff.id, filePath: file.filePath }, { populate: ['file'] });
      if (doc) {
        if (d.fileName) doc.fileName = d.fileName;
      } else {
        doc = new KnowledgeDocument({ merchant: ctx.em.getReference(Merchant, staff.merchant.id), staff, file, fileName: d.fileName || file.fileName });
        ctx.em.persist(doc);
      }
      result.push(doc);
    }
    try {
      await ctx.em.flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw conflict('Another request is adding the same file to this staff; try again');
      throw err;
    }
    for (const doc of result) if (doc.syncState === DocumentSyncState.PENDING) this.publish(doc);
    return result;
  }

  /**
   * One file streamed in (a GraphQL multipart upload): stored, added to the staff and queued for indexing.
   * A type that cannot be indexed is refused before a byte is kept; one over UPLOAD_MAX_MB while it streams.
   */
  async upload(ctx: RequestContext, staffId: number, input: { fileName: string; data: Readable }): Promise<KnowledgeDocument> {
    try {
      await this.deps.staff.get(ctx, staffId);
      if (!isSupportedFile(input.fileName)) throw badInput(unsupportedTypeMessage(input.fileName));
    } catch (err) {
      // Unread, the part would hold up the rest of the request.
      input.data.resume();
      throw err;
    }
    const file = await this.deps.files.upload(ctx, input).catch((err: unknown) => {
      // The multipart parser ends a part over its limit with its own 413 error (http-errors).
      throw (err as { status?: unknown }).status === 413 ? tooLarge(this.deps.files.maxBytes) : err;
    });
    const [doc] = await this.update(ctx, staffId, [{ filePath: file.filePath }]);
    await this.enqueue(doc!.id);
    return doc!;
  }

  /** One of the staff's documents, or NOT_FOUND (another merchant's included). */
  async requireOwned(ctx: RequestContext, staffId: number, id: number): Promise<KnowledgeDocument> {
    const staff = await this.deps.staff.get(ctx, staffId);
    const doc = await ctx.em.findOne(KnowledgeDocument, { id, staff: staff.id });
    if (!doc) throw notFound(`Document ${id}`);
    return doc;
  }

  /** Removes documents (and, by cascade, their chunks); every id must be a document of this staff, or nothing is removed. */
  async delete(ctx: RequestContext, staffId: number, ids: number[]): Promise<number> {
    const wanted = [...new Set(parseInput(idsSchema, ids))];
    const staff = await this.deps.staff.get(ctx, staffId);
    const found = await ctx.em.find(KnowledgeDocument, { id: { $in: wanted }, staff: staff.id });
    const missing = wanted.filter((id) => !found.some((d) => d.id === id));
    if (missing.length) throw notFound(`Document ${missing.join(', ')}`);
    return ctx.em.nativeDelete(KnowledgeDocument, { id: { $in: wanted }, staff: staff.id });
  }

  /**
   * Queues indexing for every document of the staff that is not ready with
   * its file's current content (and, with an embeddings service, embedded by
   * its model); ready, unchanged ones are left alone.
   */
  async sync(ctx: RequestContext, staffId: number): Promise<KnowledgeDocument[]> {
    const staff = await this.deps.staff.get(ctx, staffId);
    const docs = await ctx.em.find(KnowledgeDocument, { staff: staff.id }, { populate: ['file'], orderBy: { id: 'asc' } });
    const now = Date.now();
    const queued: KnowledgeDocument[] = [];
    for (const doc of docs) {
      const busy = doc.syncState === DocumentSyncState.INDEXING && doc.leaseUntil !== null && doc.leaseUntil.getTime() > now;
      if (busy || (doc.isCurrent(doc.file.sha256) && this.embeddedAsConfigured(doc.embeddingModel))) continue;
      doc.syncState = DocumentSyncState.PENDING;
      doc.syncError = null;
      doc.leaseUntil = null;
      queued.push(doc);
    }
    await ctx.em.flush();
    for (const doc of queued) {
      await this.enqueue(doc.id);
      this.publish(doc);
    }
    return docs;
  }

  /** Re-queues documents a stopped or crashed process left pending or indexing (lease expired); run at start. */
  async resumeInterrupted(): Promise<number> {
    const knex = this.deps.orm.em.getKnex();
    const rows = (
      await knex.raw(
        `select id from knowledge_document where sync_state = 'pending' or (sync_state = 'indexing' and (lease_until is null or lease_until < now())) order by id`,
      )
    ).rows as { id: number }[];
    for (const r of rows) await this.enqueue(r.id);
    if (rows.length) this.deps.log.info({ documents: rows.length }, 'resumed interrupted document indexing');
    return rows.length;
  }

  /** The latest state of a document of the caller's merchant, for subscription events. */
  async loadForEvent(ctx: RequestContext, id: number): Promise<KnowledgeDocument | null> {
    ctx.requireMerchant();
    return ctx.em.fork().findOne(KnowledgeDocument, { id }, { populate: ['file'] });
  }

  /** The job: index one document. Exported for the job queue; safe to run twice at once. */
  async indexDocument(documentId: number): Promise<void> {
    const { orm, config, log } = this.deps;
    const knex = orm.em.getKnex();
    const claimed = (
      await knex.raw(
        `update knowledge_document
            set sync_state = 'indexing', sync_error = null, lease_until = now() + (? * interval '1 second'), updated_at = now()
          where id = ? and (sync_state = 'pending' or (sync_state = 'indexing' and (lease_until is null or lease_until < now())))
          returning id, merchant_id, staff_id, file_path, file_name, indexed_hash, chunk_count, embedding_model`,
        [config.syncLeaseSeconds, documentId],
      )
    ).rows as ClaimedDocument[];
    const doc = claimed[0];
    if (!doc) return; // deleted, already indexed, or another worker holds a live lease
    const event = (state: SyncEvent['state'], error: string | null, chunkCount: number) =>
      this.deps.bus.publish('DOCUMENT_SYNC', { merchantId: doc.merchant_id, staffId: doc.staff_id, documentId: doc.id, state, error, chunkCount });
    event('indexing', null, doc.chunk_count);

    // The lease is renewed while this worker lives; if it dies, the lease runs out and the document is taken up again.
    const renew = setInterval(
      () =>
        void knex
          .raw(`update knowledge_document set lease_until = now() + (? * interval '1 second') where id = ? and sync_state = 'indexing'`, [
            config.syncLeaseSeconds,
            doc.id,
          ])
          .catch((err: unknown) => log.warn({ err, documentId: doc.id }, 'could not renew indexing lease')),
      Math.max(1000, (config.syncLeaseSeconds * 1000) / 3),
    );
    try {
      let bytes: Buffer;
      try {
        bytes = await this.deps.files.storage.read(doc.file_path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return await this.fail(doc, 'The uploaded file is missing from storage', event);
        throw err;
      }
      // WebCrypto hashes on libuv's thread pool: a 50 MB file does not hold up the event loop.
      const hash = Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
      if (hash === doc.indexed_hash && doc.chunk_count > 0 && this.embeddedAsConfigured(doc.embedding_model)) {
        await this.finish(doc, hash, null, event);
        return;
      }
      let rows: ChunkRow[];
      try {
        rows = await this.deps.indexer.index(doc.file_name, bytes);
      } catch (err) {
        // A file that cannot be read (or is over the limits) fails this document only; the message is what the merchant sees.
        if (err instanceof ExtractionError) return await this.fail(doc, err.message, event);
        throw err;
      }
      const embedded = await this.embed(doc.id, rows);
      await this.finish(doc, hash, embedded.rows, event, embedded);
    } catch (err) {
      // Database or storage trouble: hand the document back and let the queue retry the job.
      await knex
        .raw(`update knowledge_document set sync_state = 'pending', lease_until = null where id = ? and sync_state = 'indexing'`, [doc.id])
        .catch(() => undefined);
      throw err;
    } finally {
      clearInterval(renew);
    }
  }

  /** Stops the extraction threads; at shutdown, after the job queue. */
  async close(): Promise<void> {
    await this.deps.indexer.close();
  }

  /** With no embeddings service, or embedded by its model. */
  private embeddedAsConfigured(model: string | null): boolean {
    return !this.deps.embeddings || model === this.deps.embeddings.model;
  }

  /**
   * Adds embeddings to the chunks when a service is configured. If the service
   * fails (after its retries), the document is still indexed, for keyword
   * search only, with a warning in `sync_error`; the next sync tries again.
   */
  private async embed(documentId: number, rows: ChunkRow[]): Promise<{ rows: ChunkRow[]; embeddingModel: string | null; warning: string | null }> {
    const service = this.deps.embeddings;
    if (!service) return { rows, embeddingModel: null, warning: null };
    try {
      const vectors = await service.embed(rows.map((r) => (r.heading ? `${r.heading}\n${r.content}` : r.content)));
      return { rows: rows.map((r, i) => ({ ...r, embedding: vectors[i] })), embeddingModel: service.model, warning: null };
    } catch (err) {
      if (!(err instanceof EmbeddingsError)) throw err;
      this.deps.log.warn({ documentId, err: err.message }, 'could not embed a document; indexed for keyword search only');
      return { rows, embeddingModel: null, warning: `Indexed for keyword search only: ${err.message}. Sync again to add semantic search.` };
    }
  }

  private async finish(
    doc: ClaimedDocument,
    hash: string,
    rows: ChunkRow[] | null,
    event: (state: SyncEvent['state'], error: string | null, chunkCount: number) => void,
    /** With new rows: the model that embedded them (null: none) and a warning for sync_error. */
    embedded: { embeddingModel: string | null; warning: string | null } = { embeddingModel: null, warning: null },
  ): Promise<void> {
    const documentId = doc.id;
    const knex = this.deps.orm.em.getKnex();
    const count = await knex.transaction(async (trx) => {
      const locked = await trx.raw(`select chunk_count from knowledge_document where id = ? and sync_state = 'indexing' for update`, [documentId]);
      const row = locked.rows[0] as { chunk_count: number } | undefined;
      if (!row) return null; // deleted meanwhile
      if (rows) await replaceChunks(trx, documentId, doc.staff_id, rows);
      const chunkCount = rows ? rows.length : row.chunk_count;
      // Unchanged chunks keep their embeddings and their model.
      await trx.raw(
        `update knowledge_document
            set sync_state = 'ready', sync_error = ?, indexed_hash = ?, chunk_count = ?, synced_at = now(), lease_until = null, updated_at = now(),
                embedding_model = ${rows ? '?' : 'embedding_model'}
          where id = ?`,
        [embedded.warning?.slice(0, 2000) ?? null, hash, chunkCount, ...(rows ? [embedded.embeddingModel] : []), documentId],
      );
      await this.deps.webhooks.enqueue(trx, doc.merchant_id, 'document.synced', documentData({ ...this.named(doc), chunkCount, error: embedded.warning }));
      return chunkCount;
    });
    if (count !== null) event('ready', embedded.warning, count);
  }

  private async fail(doc: ClaimedDocument, message: string, event: (state: SyncEvent['state'], error: string | null, chunkCount: number) => void): Promise<void> {
    const documentId = doc.id;
    const knex = this.deps.orm.em.getKnex();
    // A failed document answers nothing: chunks of an earlier version go too.
    const failed = await knex.transaction(async (trx) => {
      const res = await trx.raw(
        `update knowledge_document set sync_state = 'failed', sync_error = ?, chunk_count = 0, indexed_hash = null, embedding_model = null, lease_until = null, updated_at = now()
          where id = ? and sync_state = 'indexing' returning id`,
        [message.slice(0, 2000), documentId],
      );
      if (res.rows.length) {
        await trx.raw('delete from knowledge_chunk where document_id = ?', [documentId]);
        await this.deps.webhooks.enqueue(trx, doc.merchant_id, 'document.failed', documentData({ ...this.named(doc), chunkCount: 0, error: message }));
      }
      return res.rows.length > 0;
    });
    if (failed) event('failed', message, 0);
    this.deps.log.info({ documentId, error: message }, 'document indexing failed');
  }

  private named(doc: ClaimedDocument) {
    return { id: doc.id, staffId: doc.staff_id, fileName: doc.file_name, filePath: doc.file_path };
  }

  private async enqueue(documentId: number): Promise<void> {
    await this.deps.jobs.send(INDEX_JOB, { documentId }, { retryLimit: 5, retryDelaySeconds: 2 });
  }

  private publish(doc: KnowledgeDocument): void {
    this.deps.bus.publish('DOCUMENT_SYNC', {
      merchantId: doc.merchant.id,
      staffId: doc.staff.id,
      documentId: doc.id,
      state: doc.syncState,
      error: doc.syncError,
      chunkCount: doc.chunkCount,
    });
  }
}

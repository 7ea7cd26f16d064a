import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../core/config.js';
import type { EventBus } from '../../core/events/event-bus.js';
import type { JobQueue } from '../../core/jobs/job-queue.js';
import type { Logger } from '../../core/logger.js';
import type { RateLimiter } from '../../core/rate-limit.js';
import { AnswerService } from '../answer/answer.service.js';
import type { StaffService } from '../staff/staff.service.js';
import { ChunkReanalysis } from './chunk-reanalysis.js';
import { DocumentService } from './document.service.js';
import { EmbeddingsService } from './embeddings.service.js';
import { FaqService } from './faq.service.js';
import { FileService } from './file.service.js';
import type { StorageAreas } from '../storage/storage-areas.js';
import type { WebhookOutbox } from '../webhook/webhook-outbox.js';
import { isSafeFilePath } from './file-name.js';
import { RetrievalService } from './retrieval.service.js';
import { TextIndexerPool } from './text-indexer.pool.js';
import { loadSegmenter } from './text-segmenter.js';

export interface KnowledgeServices {
  files: FileService;
  documents: DocumentService;
  faq: FaqService;
  retrieval: RetrievalService;
  answers: AnswerService;
  reanalysis: ChunkReanalysis;
}

/** Files, training documents, retrieval and answering, wired together (spread into Services). */
export function createKnowledgeServices(
  config: AppConfig,
  log: Logger,
  deps: { orm: MikroORM; bus: EventBus; jobs: JobQueue; staff: StaffService; limiter: RateLimiter; storage: StorageAreas; webhooks: WebhookOutbox },
): KnowledgeServices {
  const k = config.knowledge;
  loadSegmenter();
  const files = new FileService(deps.storage('files', isSafeFilePath), {
    publicUrl: config.publicUrl,
    uploadMaxBytes: k.uploadMaxBytes,
  });
  const indexer = new TextIndexerPool(k.extract, k.syncConcurrency, log.child({ component: 'text-indexer' }));
  const embeddings = k.embeddings ? new EmbeddingsService(k.embeddings) : null;
  const retrieval = new RetrievalService(embeddings ? { embeddings, threshold: k.answerMinScore, log: log.child({ component: 'retrieval' }) } : undefined);
  const documents = new DocumentService({ ...deps, files, indexer, embeddings, config: k, log: log.child({ component: 'documents' }) });
  return {
    files,
    retrieval,
    documents,
    faq: new FaqService({ files, documents }),
    answers: new AnswerService({ retrieval, staff: deps.staff, limiter: deps.limiter, config: k, log: log.child({ component: 'answers' }) }),
    reanalysis: new ChunkReanalysis(deps.orm, deps.jobs, log.child({ component: 'reanalysis' })),
  };
}

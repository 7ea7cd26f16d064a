import type { MikroORM } from '@mikro-orm/postgresql';
import { crossTenantEm } from '../../core/db/tenancy.js';
import type { JobQueue } from '../../core/jobs/job-queue.js';
import type { Logger } from '../../core/logger.js';
import { retokenizeStale } from './chunk.repository.js';
import { ANALYZER_VERSION, searchText } from './text-segmenter.js';

export const REANALYZE_JOB = 'knowledge-reanalyze';
const BATCH = 100;

/**
 * Search tokens follow the analyzer (text-segmenter.ts, ANALYZER_VERSION): chunks stored by an older one are
 * re-tokenized from their stored heading and content, a batch per job, each job queueing the next. Rows are
 * claimed with skip locked, so instances share the work; a restart resumes it. Until a chunk is rewritten it
 * is found by the words both analyzers make alike.
 */
export class ChunkReanalysis {
  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobQueue,
    private readonly log: Logger,
  ) {
    jobs.register(REANALYZE_JOB, async () => void (await this.batch()));
  }

  /** Queues the work when a chunk is behind the analyzer (run at start, after the job queue). */
  async queueIfStale(): Promise<void> {
    const [row] = await crossTenantEm(this.orm)
      .getConnection()
      .execute<{ stale: boolean }[]>('select exists(select 1 from knowledge_chunk where analyzer_version < ?) as stale', [ANALYZER_VERSION]);
    if (!row?.stale) return;
    this.log.info({ version: ANALYZER_VERSION }, 'search tokens of older chunks are being rewritten');
    await this.jobs.send(REANALYZE_JOB, {});
  }

  /** One batch; a full one queues the next. Answers how many chunks it rewrote. */
  async batch(): Promise<number> {
    const done = await this.orm.em.getKnex().transaction((trx) => retokenizeStale(trx, ANALYZER_VERSION, BATCH, tokensOf));
    if (done === BATCH) await this.jobs.send(REANALYZE_JOB, {});
    else this.log.info({ version: ANALYZER_VERSION }, 'search tokens rewritten');
    return done;
  }
}

/** Segmenting is CPU work on the event loop: each chunk waits its turn behind the requests. */
async function tokensOf(heading: string, content: string): Promise<{ searchHeading: string; searchText: string }> {
  await new Promise(setImmediate);
  return { searchHeading: searchText(heading), searchText: searchText(content) };
}

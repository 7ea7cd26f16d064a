import { Tinypool } from 'tinypool';
import type { ExtractLimits } from '../../core/knowledge/knowledge-config.js';
import type { Logger } from '../../core/logger.js';
import type { ChunkRow } from './chunk.repository.js';
import { ExtractionError } from './extract/index.js';
import type { IndexOutcome, IndexTask } from './text-indexer.js';

// Next to this module: the compiled .js in dist/, the .ts source under vitest (whose setup gives worker threads a TypeScript loader).
const WORKER = new URL(`./text-indexer.worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Reads and chunks documents in worker processes, so a hostile or huge file
 * never blocks the event loop that serves requests. Each document gets a
 * time limit and a heap limit; a worker that overruns either is ended (and
 * replaced on the next document), and the document fails with a readable
 * error. Processes, not threads: a thread's heap limit is no guarantee (one
 * large allocation past it aborts the whole server), a process's is.
 */
export class TextIndexerPool {
  private pool: Tinypool | null = null;
  private closed = false;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limits: ExtractLimits,
    /** Documents indexed at once in this process (the indexing workers): one worker process each. */
    private readonly threads: number,
    private readonly log: Logger,
  ) {}

  /** The chunk rows of a file; throws ExtractionError (the document's `sync_error`) when it cannot be indexed. */
  async index(fileName: string, bytes: Uint8Array): Promise<ChunkRow[]> {
    const { maxChars, maxChunks } = this.limits;
    // The time limit counts from when a worker is free, not from the queue.
    await this.slot();
    try {
      const outcome = await this.run({ fileName, bytes, maxChars, maxChunks });
      if (!outcome.ok) throw new ExtractionError(outcome.error);
      return outcome.rows;
    } finally {
      this.release();
    }
  }

  /** Ends the worker processes; documents still being read are handed back to the queue by their jobs. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.destroy();
    this.pool = null;
  }

  private async run(task: IndexTask): Promise<IndexOutcome> {
    if (this.closed) throw new Error('the text indexer is closed');
    const { timeoutMs, maxMemoryMb } = this.limits;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return (await this.workers().run(task, { signal })) as IndexOutcome;
    } catch (err) {
      // Shutting down: not the document's fault, so the job hands it back and it is indexed again later.
      if (this.closed) throw err;
      if (signal.aborted) throw new ExtractionError(`Reading the file took longer than ${seconds(timeoutMs)}: it may be malformed or too large to index`);
      this.log.warn({ err, fileName: task.fileName }, 'a text indexing worker died');
      // Mostly its heap: V8 ends the process when it runs out.
      throw new ExtractionError(`Reading the file stopped its worker, most likely over the ${maxMemoryMb} MB memory limit: it may be malformed or too large to index`);
    }
  }

  /** Resolves once fewer than `threads` documents are being read. */
  private async slot(): Promise<void> {
    if (this.running >= Math.max(1, this.threads)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
  }

  /** Hands the slot to the next waiting document, if any. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  /** Started on the first document: an instance that never indexes runs no workers. */
  private workers(): Tinypool {
    if (!this.pool) {
      this.pool = new Tinypool({
        filename: WORKER.href,
        runtime: 'child_process',
        // The parent's options (a TypeScript loader under vitest) but its debugger port, and the heap limit.
        execArgv: [...process.execArgv.filter((a) => !a.startsWith('--inspect')), `--max-old-space-size=${this.limits.maxMemoryMb}`],
        // Structured clone over IPC: the file's bytes travel as bytes, not as JSON.
        serialization: 'advanced',
        minThreads: 0,
        maxThreads: Math.max(1, this.threads),
        idleTimeout: 60_000,
      });
      // A worker that fails outside a task (at start, say) must not become an uncaught 'error' event.
      this.pool.on('error', (err: unknown) => this.log.error({ err }, 'text indexing worker error'));
    }
    return this.pool;
  }
}

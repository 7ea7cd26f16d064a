import type { EntityManager } from '@mikro-orm/postgresql';
import PgBoss from 'pg-boss';
import type { Logger } from '../logger.js';

export interface JobOptions {
  /** Run no earlier than this. */
  startAfter?: Date;
  /** At most one queued job per key and queue. */
  singletonKey?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Queue inside this transaction: the job exists exactly when the transaction commits. */
  within?: EntityManager;
}

export type JobHandler<T> = (data: T) => Promise<void>;

/**
 * Durable background jobs in PostgreSQL (pg-boss, schema `pgboss`): a job
 * survives a restart and is retried on failure. Handlers are registered by the
 * services at construction; workers start with the app.
 *
 * The workers are our own loops over pg-boss's fetch/complete/fail rather than
 * `boss.work()`, whose loop records a job's outcome without awaiting it: with
 * the database unreachable that is an unhandled rejection, which ends the
 * process. Here every database error is logged and retried: fetching again
 * after a pause, and a job whose outcome could not be recorded is run again
 * once pg-boss expires it (handlers are idempotent).
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, { handler: JobHandler<unknown>; concurrency: number }>();
  private readonly loops: Promise<void>[] = [];
  /** Wakes the idle workers of a queue (a job was just sent from this process). */
  private readonly wakers = new Map<string, Set<() => void>>();
  private started = false;
  private stopping = false;

  constructor(
    connectionString: string,
    private readonly log: Logger,
    private readonly pollingIntervalSeconds = 1,
    /** Pause after a database error before a worker fetches again. */
    private readonly errorDelayMs = 2000,
  ) {
    this.boss = new PgBoss({ connectionString, schema: 'pgboss', max: 4, application_name: 'cs-platform-jobs' });
    this.boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
  }

  register<T>(name: string, handler: JobHandler<T>, concurrency = 1): void {
    if (this.started) throw new Error(`job handler "${name}" registered after start`);
    this.handlers.set(name, { handler: handler as JobHandler<unknown>, concurrency });
  }

  async send<T extends object>(name: string, data: T, opts: JobOptions = {}): Promise<string | null> {
    const id = await this.boss.send(name, data, {
      startAfter: opts.startAfter,
      singletonKey: opts.singletonKey,
      retryLimit: opts.retryLimit ?? 5,
      retryDelay: opts.retryDelaySeconds ?? 5,
      retryBackoff: true,
      ...(opts.within ? { db: transactionDb(opts.within) } : {}),
    });
    if (!opts.startAfter) for (const wake of this.wakers.get(name) ?? []) wake();
    return id;
  }

  /** Jobs not yet finished (queued, retrying or running) per registered queue, for /metrics. */
  async depths(): Promise<Map<string, number>> {
    const names = [...this.handlers.keys()];
    const sizes = await Promise.all(names.map((name) => this.boss.getQueueSize(name, { before: 'completed' })));
    return new Map(names.map((name, i) => [name, sizes[i]!]));
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const [name, { handler, concurrency }] of this.handlers) {
      await this.createQueue(name);
      for (let i = 0; i < concurrency; i++) this.loops.push(this.work(name, handler));
    }
    this.started = true;
  }

  /**
   * pg-boss creates a queue's partition in one statement that two instances starting together on a fresh
   * database can deadlock on; the loser is rolled back and tries again (creating an existing queue does nothing).
   */
  private async createQueue(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.boss.createQueue(name);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '23505' && code !== '42P07')) throw err;
        this.log.info({ queue: name, code, attempt }, 'job queue creation raced another instance; trying again');
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
      }
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const wakers of this.wakers.values()) for (const wake of wakers) wake();
    // Running jobs get 10 s to finish; one still running then is run again after it expires.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(this.loops), new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
    await this.boss.stop({ graceful: false, wait: true });
  }

  private async work(name: string, handler: JobHandler<unknown>): Promise<void> {
    while (!this.stopping) {
      let job: PgBoss.Job<unknown> | undefined;
      try {
        [job] = await this.boss.fetch<unknown>(name, { batchSize: 1 });
      } catch (err) {
        this.log.error({ err, job: name }, 'could not fetch jobs; retrying');
        await this.pause(name, this.errorDelayMs);
        continue;
      }
      if (!job) {
        await this.pause(name, this.pollingIntervalSeconds * 1000);
        continue;
      }
      let failure: unknown = null;
      try {
        await handler(job.data);
      } catch (err) {
        failure = err;
        this.log.warn({ err, job: name, id: job.id }, 'job failed, will retry');
      }
      try {
        if (failure) await this.boss.fail(name, job.id, { message: failure instanceof Error ? failure.message : String(failure) });
        else await this.boss.complete(name, job.id);
      } catch (err) {
        this.log.error({ err, job: name, id: job.id }, 'could not record a job outcome; it runs again when it expires');
        await this.pause(name, this.errorDelayMs);
      }
    }
  }

  /** Waits `ms`, or less when a job is sent to this queue or the queue stops. */
  private pause(name: string, ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const wakers = this.wakers.get(name) ?? new Set();
      this.wakers.set(name, wakers);
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });
  }
}

/**
 * pg-boss's `db` over a MikroORM transaction. pg-boss numbers its parameters (`$1`, a number may repeat);
 * the connection binds them by position (`?`), so each occurrence takes its value in order.
 */
function transactionDb(tx: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const params: unknown[] = [];
      const sql = text.replace(/\$(\d+)/g, (_m, n: string) => {
        params.push(values[Number(n) - 1] ?? null);
        return '?';
      });
      return { rows: await tx.execute(sql, params) };
    },
  };
}

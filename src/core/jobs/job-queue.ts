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
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, { handler: JobHandler<unknown>; concurrency: number }>();
  private started = false;

  constructor(
    connectionString: string,
    private readonly log: Logger,
    private readonly pollingIntervalSeconds = 1,
  ) {
    this.boss = new PgBoss({ connectionString, schema: 'pgboss', max: 4, application_name: 'cs-platform-jobs' });
    this.boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
  }

  register<T>(name: string, handler: JobHandler<T>, concurrency = 1): void {
    if (this.started) throw new Error(`job handler "${name}" registered after start`);
    this.handlers.set(name, { handler: handler as JobHandler<unknown>, concurrency });
  }

  async send<T extends object>(name: string, data: T, opts: JobOptions = {}): Promise<string | null> {
    return this.boss.send(name, data, {
      startAfter: opts.startAfter,
      singletonKey: opts.singletonKey,
      retryLimit: opts.retryLimit ?? 5,
      retryDelay: opts.retryDelaySeconds ?? 5,
      retryBackoff: true,
      ...(opts.within ? { db: transactionDb(opts.within) } : {}),
    });
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const [name, { handler, concurrency }] of this.handlers) {
      await this.boss.createQueue(name);
      for (let i = 0; i < concurrency; i++) {
        await this.boss.work<unknown>(name, { pollingIntervalSeconds: this.pollingIntervalSeconds }, async (jobs) => {
          for (const job of jobs) {
            try {
              await handler(job.data);
            } catch (err) {
              this.log.warn({ err, job: name, id: job.id }, 'job failed, will retry');
              throw err;
            }
          }
        });
      }
    }
    this.started = true;
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000, wait: true });
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

import client from 'prom-client';

/**
 * The process's Prometheus metrics (served at /metrics, see README "Metrics and traces"). Counters and
 * histograms are incremented where things happen; the gauges that describe stored state (queues, pending
 * deliveries, job depth, the pool) are read from the registered sources at scrape time.
 *
 * Labels stay bounded: routes are Express's route templates, GraphQL operations are named by their first root
 * field, events by their topic. The queue families are labelled per staff, as operators asked: one series per
 * staff with waiting sessions (or accepted ones since start), which is fine for hundreds of staff, not millions.
 */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const longSeconds = [0.1, 0.5, 1, 2, 5, 10, 20, 30, 60, 120];
const waitSeconds = [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200];

export const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route template and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: seconds,
  registers: [registry],
});

export const graphqlDuration = new client.Histogram({
  name: 'graphql_operation_duration_seconds',
  help: 'GraphQL operations over HTTP by type and first root field; outcome ok or error',
  labelNames: ['type', 'field', 'outcome'] as const,
  buckets: seconds,
  registers: [registry],
});

export const openSockets = new client.Gauge({
  name: 'websocket_connections_open',
  help: 'Open WebSocket connections by surface (upgrade path template)',
  labelNames: ['surface'] as const,
  registers: [registry],
});

export const eventsPublished = new client.Counter({
  name: 'events_published_total',
  help: 'Domain events published by this instance, by topic',
  labelNames: ['event'] as const,
  registers: [registry],
});

export const eventsDelivered = new client.Counter({
  name: 'events_delivered_total',
  help: 'Domain events handed to a subscriber of this instance (one per subscriber), by topic',
  labelNames: ['event'] as const,
  registers: [registry],
});

export const queueWait = new client.Histogram({
  name: 'conversation_queue_wait_seconds',
  help: 'Time from handoff (entering the queue) to an agent accepting, per staff',
  labelNames: ['staff_id'] as const,
  buckets: waitSeconds,
  registers: [registry],
});

export const aiAnswers = new client.Counter({
  name: 'ai_answers_total',
  help: 'AI answers by answerer (llm, builtin) and outcome (grounded, refused)',
  labelNames: ['answerer', 'outcome'] as const,
  registers: [registry],
});

export const llmDuration = new client.Histogram({
  name: 'llm_request_duration_seconds',
  help: 'One LLM completion attempt, stream included; outcome ok, refused or the error kind',
  labelNames: ['outcome'] as const,
  buckets: longSeconds,
  registers: [registry],
});

export const llmFallbacks = new client.Counter({
  name: 'llm_fallbacks_total',
  help: 'Answers given by the built-in answerer because the LLM failed, by failure kind',
  labelNames: ['reason'] as const,
  registers: [registry],
});

export const embeddingDuration = new client.Histogram({
  name: 'embedding_request_duration_seconds',
  help: 'Embeddings requests by purpose (index, question) and outcome (ok, error)',
  labelNames: ['purpose', 'outcome'] as const,
  buckets: seconds,
  registers: [registry],
});

export const embeddingFallbacks = new client.Counter({
  name: 'embedding_fallbacks_total',
  help: 'Questions retrieved lexically only because their embedding failed',
  registers: [registry],
});

/** What the scrape-time gauges read; each running app registers one. */
export interface MetricSources {
  /** Sessions waiting for an agent, per staff id. */
  queueLengths(): Promise<Map<number, number>>;
  /** Outbound channel deliveries not yet delivered: pending (retrying) and failed for good. */
  deliveries(): Promise<{ pending: number; failed: number }>;
  /** Jobs queued or active per job queue. */
  jobDepths(): Promise<Map<string, number>>;
  /** The request pool's connections. */
  pool(): { used: number; free: number; pending: number; max: number };
}

const sources = new Set<MetricSources>();

/** Registers an app's sources; the returned function removes them (at shutdown). */
export function addMetricSources(s: MetricSources): () => void {
  sources.add(s);
  return () => void sources.delete(s);
}

/**
 * What every registered source reports (one per app; tests may run several in one process). A source that
 * cannot answer (the database is down) is left out of this scrape rather than failing the whole of it.
 */
async function each<T>(read: (s: MetricSources) => Promise<T> | T): Promise<T[]> {
  const got = await Promise.all(
    [...sources].map(async (s) => {
      try {
        return { v: await read(s) };
      } catch {
        return null;
      }
    }),
  );
  return got.filter((g) => g !== null).map((g) => g.v);
}

new client.Gauge({
  name: 'conversation_queue_length',
  help: 'Sessions waiting for an agent, per staff',
  labelNames: ['staff_id'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const m of await each((s) => s.queueLengths())) for (const [staff, n] of m) this.inc({ staff_id: String(staff) }, n);
  },
});

new client.Gauge({
  name: 'channel_deliveries',
  help: 'Outbound channel deliveries not delivered, by state (pending, failed)',
  labelNames: ['state'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    this.set({ state: 'pending' }, 0);
    this.set({ state: 'failed' }, 0);
    for (const d of await each((s) => s.deliveries())) {
      this.inc({ state: 'pending' }, d.pending);
      this.inc({ state: 'failed' }, d.failed);
    }
  },
});

new client.Gauge({
  name: 'job_queue_depth',
  help: 'Background jobs queued or running, per queue',
  labelNames: ['queue'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const m of await each((s) => s.jobDepths())) for (const [queue, n] of m) this.inc({ queue }, n);
  },
});

new client.Gauge({
  name: 'db_pool_connections',
  help: 'Connections of the request pool by state (used, free, pending acquires, max)',
  labelNames: ['state'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const p of await each((s) => s.pool())) {
      for (const state of ['used', 'free', 'pending', 'max'] as const) this.inc({ state }, p[state]);
    }
  },
});

/** Seconds since a `process.hrtime.bigint()` start. */
export const secondsSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

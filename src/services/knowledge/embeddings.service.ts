import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { AppError, ErrorCode } from '../../core/errors.js';
import type { EmbeddingsSettings } from '../../core/knowledge/knowledge-config.js';
import { embeddingDuration, secondsSince } from '../../core/metrics/metrics.js';

export type EmbeddingsErrorKind = 'timeout' | 'http' | 'unreachable' | 'protocol';

/** A failure of the embeddings service, with a message fit to show a merchant (it never carries the API key). */
export class EmbeddingsError extends AppError {
  constructor(
    readonly kind: EmbeddingsErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(ErrorCode.Internal, message);
    this.name = 'EmbeddingsError';
  }
}

/** An L2-normalised embedding (so cosine similarity is a dot product) and its sign bits, '0'/'1' per dimension. */
export interface Embedding {
  vector: number[];
  bits: string;
}

/** Scales to unit length; a zero or non-finite vector is refused (it has no direction to compare). */
export function normalise(raw: readonly number[]): number[] | null {
  let sum = 0;
  for (const x of raw) {
    if (typeof x !== 'number' || !Number.isFinite(x)) return null;
    sum += x * x;
  }
  if (!(sum > 0)) return null;
  const norm = Math.sqrt(sum);
  return raw.map((x) => x / norm);
}

export const signBits = (v: readonly number[]) => v.map((x) => (x > 0 ? '1' : '0')).join('');

/**
 * Embeddings from any OpenAI-compatible `POST {base}/embeddings` service
 * (OpenAI, DashScope, Ollama, vLLM, TEI…), through the official SDK: inputs
 * are sent in batches, each request has the timeout, and failed requests (5xx,
 * 429, timeouts, refused connections) are retried with backoff up to
 * `maxRetries` times while indexing. Vectors come back L2-normalised.
 */
export class EmbeddingsService {
  private readonly client: OpenAI;
  private readonly questionClient: OpenAI;

  constructor(readonly settings: EmbeddingsSettings) {
    const base = { baseURL: settings.baseUrl, apiKey: settings.apiKey, timeout: settings.timeoutMs };
    this.client = new OpenAI({ ...base, maxRetries: settings.maxRetries });
    // A question waits for its embedding; retrying would double the wait where lexical retrieval can answer at once.
    this.questionClient = new OpenAI({ ...base, maxRetries: 0 });
  }

  get model(): string {
    return this.settings.model;
  }

  /** Embeddings of texts, in order, requested `batchSize` at a time. */
  async embed(texts: string[]): Promise<Embedding[]> {
    const out: Embedding[] = [];
    for (let i = 0; i < texts.length; i += this.settings.batchSize) {
      out.push(...(await this.request(this.client, texts.slice(i, i + this.settings.batchSize), this.settings.maxRetries)));
    }
    return out;
  }

  /** The embedding of one question: a single attempt, within the timeout. */
  async embedQuestion(text: string, signal?: AbortSignal): Promise<Embedding> {
    return (await this.request(this.questionClient, [text], 0, signal))[0]!;
  }

  private async request(client: OpenAI, input: string[], retries: number, signal?: AbortSignal): Promise<Embedding[]> {
    let res: OpenAI.Embeddings.CreateEmbeddingResponse;
    const purpose = client === this.questionClient ? 'question' : 'index';
    const started = process.hrtime.bigint();
    try {
      // Plain floats: several compatible servers do not implement the SDK's default base64 encoding.
      res = await client.embeddings.create({ model: this.settings.model, input, encoding_format: 'float' }, { signal });
      embeddingDuration.observe({ purpose, outcome: 'ok' }, secondsSince(started));
    } catch (err) {
      embeddingDuration.observe({ purpose, outcome: 'error' }, secondsSince(started));
      throw this.toError(err, retries);
    }
    const data = Array.isArray(res?.data) ? res.data : null;
    if (!data || data.length !== input.length) {
      throw new EmbeddingsError('protocol', `The embeddings service returned ${data ? data.length : 'no'} embeddings for ${input.length} texts`);
    }
    const ordered = [...data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    let dims = 0;
    return ordered.map((d) => {
      const vector = Array.isArray(d.embedding) ? normalise(d.embedding) : null;
      if (!vector) throw new EmbeddingsError('protocol', 'The embeddings service returned an empty or invalid vector');
      if (dims && vector.length !== dims) throw new EmbeddingsError('protocol', `The embeddings service returned vectors of ${dims} and ${vector.length} dimensions`);
      dims = vector.length;
      return { vector, bits: signBits(vector) };
    });
  }

  private toError(err: unknown, retries: number): EmbeddingsError {
    const s = this.settings;
    const attempts = `${retries + 1} attempt${retries === 0 ? '' : 's'}`;
    if (err instanceof EmbeddingsError) return err;
    if (err instanceof APIConnectionTimeoutError) {
      return new EmbeddingsError('timeout', `The embeddings service did not answer within ${s.timeoutMs} ms (${attempts})`);
    }
    if (err instanceof APIConnectionError) {
      return new EmbeddingsError('unreachable', `Could not reach the embeddings service (${attempts}): ${err.message}`);
    }
    if (err instanceof APIError && typeof err.status === 'number') {
      const retried = err.status >= 500 || err.status === 429 || err.status === 408 ? ` after ${attempts}` : '';
      const detail = err.status === 401 ? 'the API key was refused' : err.message.replace(/^\d{3}\s*/, '').slice(0, 300);
      return new EmbeddingsError('http', `The embeddings service answered HTTP ${err.status}${retried}: ${detail}`, err.status);
    }
    return new EmbeddingsError('protocol', `Unexpected reply from the embeddings service: ${(err as Error)?.message ?? String(err)}`);
  }
}

import { z } from 'zod';
import { intVar as int, optionalString as optional, urlVar } from '../env-vars.js';

/** Knowledge base and answering settings (files, sync workers, retrieval, the optional LLM). */
export interface KnowledgeConfig {
  /** Larger uploads are refused with HTTP 413 and code 1003. */
  uploadMaxBytes: number;
  /** Indexing workers in this process; 0 leaves indexing to other instances. */
  syncConcurrency: number;
  /** An indexing worker's lease; a document whose lease ran out is indexed again (its worker died). */
  syncLeaseSeconds: number;
  /** Reading and chunking a document runs on worker threads (one per indexing worker) within these limits. */
  extract: ExtractLimits;
  /** Below this retrieval confidence the built-in answerer says it does not know and offers a person. */
  answerMinScore: number;
  /** Questions one merchant may put to its staff (askStaff, askStaffStream) per minute, over all its staff. */
  askPerCallerPerMinute: number;
  /** Questions any one staff may be asked that way per minute. */
  askPerStaffPerMinute: number;
  /** Any OpenAI-compatible chat-completions service; unset: the built-in answerer. */
  llm?: {
    baseUrl: string;
    apiKey: string;
    model: string;
    /** Until the response starts. */
    timeoutMs: number;
    /** Longest silence inside a streamed response. */
    stallTimeoutMs: number;
    /** The whole answer, retries included: a model that keeps streaming is cut here. */
    totalTimeoutMs: number;
    /** `max_tokens` of each request. */
    maxTokens: number;
    /** Retries of a failed request (5xx, 429, timeouts, refused connections) before any text arrived. */
    maxRetries: number;
  };
  /** Any OpenAI-compatible embeddings service; unset: retrieval is lexical only. */
  embeddings?: EmbeddingsSettings;
}

export interface ExtractLimits {
  /** Longest a document may take to read and chunk. */
  timeoutMs: number;
  /** A worker thread's heap. */
  maxMemoryMb: number;
  /** Characters of text a document may hold. */
  maxChars: number;
  /** Chunks a document may make. */
  maxChunks: number;
}

export interface EmbeddingsSettings {
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Per request. */
  timeoutMs: number;
  /** Retries of a failed request while indexing (5xx, 429, timeouts, refused connections); a question's embedding is not retried. */
  maxRetries: number;
  /** Texts per request. */
  batchSize: number;
  /** The cosine similarity at which a passage counts as answering the question: it maps to ANSWER_MIN_SCORE. */
  minSimilarity: number;
}

/** Spread into the environment schema of src/core/config.ts. */
export const knowledgeEnvShape = {
  UPLOAD_MAX_MB: int(50, 1, 2000),
  KNOWLEDGE_SYNC_CONCURRENCY: int(2, 0, 32),
  KNOWLEDGE_SYNC_LEASE_SECONDS: int(120, 5, 86_400),
  ASK_STAFF_PER_MINUTE: int(30, 1, 100_000),
  ASK_STAFF_PER_STAFF_PER_MINUTE: int(20, 1, 100_000),
  KNOWLEDGE_EXTRACT_TIMEOUT_MS: int(20_000, 1000, 600_000),
  KNOWLEDGE_EXTRACT_MAX_MB: int(512, 64, 16_384),
  KNOWLEDGE_EXTRACT_MAX_CHARS: int(3_000_000, 1000, 100_000_000),
  KNOWLEDGE_MAX_CHUNKS: int(10_000, 1, 1_000_000),
  ANSWER_MIN_SCORE: z.coerce.number({ message: 'must be a number between 0 and 1' }).min(0).max(1).default(0.45),
  LLM_BASE_URL: urlVar(['http:', 'https:']),
  LLM_API_KEY: optional,
  LLM_MODEL: optional,
  LLM_TIMEOUT_MS: int(60_000, 100, 600_000),
  LLM_STALL_TIMEOUT_MS: int(20_000, 100, 600_000),
  LLM_TOTAL_TIMEOUT_MS: int(120_000, 100, 3_600_000),
  LLM_MAX_TOKENS: int(1024, 16, 1_000_000),
  LLM_MAX_RETRIES: int(2, 0, 10),
  EMBEDDINGS_BASE_URL: urlVar(['http:', 'https:']),
  EMBEDDINGS_API_KEY: optional,
  EMBEDDINGS_MODEL: optional,
  EMBEDDINGS_TIMEOUT_MS: int(15_000, 100, 600_000),
  EMBEDDINGS_MAX_RETRIES: int(2, 0, 10),
  EMBEDDINGS_BATCH_SIZE: int(32, 1, 2048),
  EMBEDDINGS_MIN_SIMILARITY: z.coerce.number({ message: 'must be a number between 0 and 1' }).gt(0, 'must be above 0').lt(1, 'must be below 1').default(0.5),
};

type KnowledgeEnv = z.output<z.ZodObject<typeof knowledgeEnvShape>>;

/** Problems no single variable shows: the LLM and the embeddings service each need their base URL and model together. */
export function checkKnowledgeEnv(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (Boolean(env.LLM_BASE_URL) !== Boolean(env.LLM_MODEL)) problems.push('LLM_MODEL: LLM_BASE_URL and LLM_MODEL must be set together');
  if (Boolean(env.EMBEDDINGS_BASE_URL?.trim()) !== Boolean(env.EMBEDDINGS_MODEL?.trim())) {
    problems.push('EMBEDDINGS_MODEL: EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL must be set together');
  }
  return problems;
}

export function knowledgeConfigFrom(e: KnowledgeEnv): KnowledgeConfig {
  return {
    uploadMaxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
    syncConcurrency: e.KNOWLEDGE_SYNC_CONCURRENCY,
    syncLeaseSeconds: e.KNOWLEDGE_SYNC_LEASE_SECONDS,
    extract: {
      timeoutMs: e.KNOWLEDGE_EXTRACT_TIMEOUT_MS,
      maxMemoryMb: e.KNOWLEDGE_EXTRACT_MAX_MB,
      maxChars: e.KNOWLEDGE_EXTRACT_MAX_CHARS,
      maxChunks: e.KNOWLEDGE_MAX_CHUNKS,
    },
    answerMinScore: e.ANSWER_MIN_SCORE,
    askPerCallerPerMinute: e.ASK_STAFF_PER_MINUTE,
    askPerStaffPerMinute: e.ASK_STAFF_PER_STAFF_PER_MINUTE,
    llm:
      e.LLM_BASE_URL && e.LLM_MODEL
        ? {
            baseUrl: e.LLM_BASE_URL.replace(/\/+$/, ''),
            // Local servers (Ollama, vLLM) take any key; the SDK insists on one.
            apiKey: e.LLM_API_KEY ?? 'none',
            model: e.LLM_MODEL,
            timeoutMs: e.LLM_TIMEOUT_MS,
            stallTimeoutMs: e.LLM_STALL_TIMEOUT_MS,
            totalTimeoutMs: e.LLM_TOTAL_TIMEOUT_MS,
            maxTokens: e.LLM_MAX_TOKENS,
            maxRetries: e.LLM_MAX_RETRIES,
          }
        : undefined,
    embeddings:
      e.EMBEDDINGS_BASE_URL && e.EMBEDDINGS_MODEL
        ? {
            baseUrl: e.EMBEDDINGS_BASE_URL.replace(/\/+$/, ''),
            apiKey: e.EMBEDDINGS_API_KEY ?? 'none',
            model: e.EMBEDDINGS_MODEL,
            timeoutMs: e.EMBEDDINGS_TIMEOUT_MS,
            maxRetries: e.EMBEDDINGS_MAX_RETRIES,
            batchSize: e.EMBEDDINGS_BATCH_SIZE,
            minSimilarity: e.EMBEDDINGS_MIN_SIMILARITY,
          }
        : undefined,
  };
}

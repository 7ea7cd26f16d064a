import path from 'node:path';
import { z } from 'zod';
import { boolVar, intVar as int, optionalString, urlVar as url } from './env-vars.js';
import { parseTrustProxy, type TrustProxy } from './http/client-address.js';
import { checkPaymentEnv, paymentConfigFrom, paymentEnvShape, type PaymentConfig } from './payment/payment-config.js';
import { checkKnowledgeEnv, knowledgeConfigFrom, knowledgeEnvShape, type KnowledgeConfig } from './knowledge/knowledge-config.js';
import { conversationConfigFrom, conversationEnvShape, type ConversationConfig } from './conversation/conversation-config.js';
import { channelConfigFrom, channelEnvShape, type ChannelConfig } from './channel/channel-config.js';
import { checkSpeechEnv, speechConfigFrom, speechEnvShape, type SpeechConfig } from './speech/speech-config.js';
import { checkStorageEnv, storageConfigFrom, storageEnvShape, type S3StorageConfig } from './storage/storage-config.js';

/** Everything the process reads from the environment, validated once at start. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Longest statement of the request pool, in ms; 0: unbounded. */
  dbStatementTimeoutMs: number;
  dbPoolMax: number;
  /** Port for the embedded PostgreSQL; 0 picks a free one. */
  embeddedPgPort: number;
  publicUrl: string;
  smtpUrl?: string;
  mailFrom: string;
  /** Connecting to SMTP, its greeting, and any silence during a send. */
  smtpTimeoutMs: number;
  adminUser?: string;
  adminPassword?: string;
  timezone: string;
  tokenTtlHours: number;
  staffTrialDays: number;
  staffExpiryWarningDays: number;
  codeSendsPerIpPerMinute: number;
  /** Failed (or in-flight) logins one client address may make per minute, on any account. */
  loginFailuresPerIpPerMinute: number;
  /** Which forwarding hops tell the client address (TRUST_PROXY); by default none, the socket's address counts. */
  trustProxy: TrustProxy;
  /** Registrations and password resets one client address may try per minute, counted before the password is hashed. */
  codeChecksPerIpPerMinute: number;
  /** Also serve the agent-console protocol at `/` of this port. */
  agentWsPort?: number;
  agentWsBeatMs: number;
  /** Redis for events, presence and rate limits shared by several instances; unset: all in-process. */
  redisUrl?: string;
  /** Starts every Redis key and channel of this deployment. */
  redisPrefix: string;
  /** Longest wait for one Redis command. */
  redisCommandTimeoutMs: number;
  /** How often this instance beats and (one instance at a time) the maintenance sweep runs. */
  sweepIntervalMs: number;
  /** An instance silent this long is dead: its consoles' agents go offline. */
  instanceTimeoutMs: number;
  /** How often the event log's heads are checked for events pub/sub did not bring (ordered-delivery.ts). */
  eventCatchupIntervalMs: number;
  /** How long conversation events are kept for streams that resume; older cursors get a resync. */
  eventRetentionMs: number;
  /** A WebSocket whose unsent backlog would pass this is closed with 1013. */
  wsMaxBufferedBytes: number;
  graphqlMaxDepth: number;
  graphqlMaxCost: number;
  graphqlMaxAliases: number;
  graphqlMaxDirectives: number;
  graphqlMaxTokens: number;
  graphqlMaxDocumentBytes: number;
  logLevel: string;
  /** Bearer token /metrics asks for (METRICS_TOKEN); unset: /metrics is served only on METRICS_PORT. */
  metricsToken?: string;
  /** Serve /metrics on this port instead of the main one; 0 picks a free port. */
  metricsPort?: number;
  /** Trades and payment providers (src/core/payment/payment-config.ts). */
  payment: PaymentConfig;
  /** Files, training documents, retrieval and the LLM (src/core/knowledge/knowledge-config.ts). */
  knowledge: KnowledgeConfig;
  /** Limits of the chat surfaces (src/core/conversation/conversation-config.ts). */
  conversation: ConversationConfig;
  /** Voice replies; undefined when no speech service is configured (src/core/speech/speech-config.ts). */
  speech?: SpeechConfig;
  /** Channel callbacks and outbound delivery (src/core/channel/channel-config.ts). */
  channels: ChannelConfig;
  /** Whether webhook endpoints and gateway outbound URLs may point at loopback, private or link-local addresses. */
  outboundAllowPrivate: boolean;
  /** The S3-compatible bucket for files and voice replies; undefined: local disk under DATA_DIR (src/core/storage/storage-config.ts). */
  storage?: S3StorageConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const envSchema = z
  .object({
    PORT: int(8080, 0, 65535),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: url(['postgres:', 'postgresql:']),
    EMBEDDED_PG_PORT: int(0, 0, 65535),
    DB_STATEMENT_TIMEOUT_MS: int(15_000, 0, 3_600_000),
    DB_POOL_MAX: int(10, 3, 1000),
    PUBLIC_URL: url(['http:', 'https:']),
    SMTP_URL: url(['smtp:', 'smtps:']),
    MAIL_FROM: z.string().default('no-reply@localhost'),
    SMTP_TIMEOUT_MS: int(15_000, 100, 600_000),
    ADMIN_USER: optionalString,
    ADMIN_PASSWORD: optionalString,
    TIMEZONE: z
      .string()
      .default('Asia/Shanghai')
      .refine((tz) => isTimeZone(tz), { message: 'must be an IANA time zone such as Asia/Shanghai' }),
    TOKEN_TTL_HOURS: int(168, 1, 24 * 365),
    STAFF_TRIAL_DAYS: int(7, 0, 3650),
    STAFF_EXPIRY_WARNING_DAYS: int(3, 0, 365),
    CODE_SENDS_PER_IP_PER_MINUTE: int(20, 1, 100_000),
    LOGIN_FAILURES_PER_IP_PER_MINUTE: int(10, 1, 100_000),
    TRUST_PROXY: optionalString.refine(
      (v) => {
        try {
          parseTrustProxy(v);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be true, false, a hop count, or a comma-separated list of addresses, CIDRs, loopback, linklocal, uniquelocal' },
    ),
    CODE_CHECKS_PER_IP_PER_MINUTE: int(20, 1, 100_000),
    AGENT_WS_PORT: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(0).max(65535).optional(),
    AGENT_WS_BEAT_MS: int(10_000, 200, 600_000),
    REDIS_URL: url(['redis:', 'rediss:']),
    REDIS_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/, 'must be 1 to 64 letters, digits or _ : . -').default('cs:'),
    REDIS_COMMAND_TIMEOUT_MS: int(1_000, 50, 60_000),
    SWEEP_INTERVAL_MS: int(15_000, 100, 3_600_000),
    INSTANCE_TIMEOUT_MS: int(60_000, 300, 86_400_000),
    EVENT_CATCHUP_INTERVAL_MS: int(1_000, 50, 600_000),
    EVENT_RETENTION_HOURS: int(72, 1, 24 * 365),
    WS_MAX_BUFFERED_BYTES: int(4 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    GRAPHQL_MAX_DEPTH: int(15, 2, 100),
    GRAPHQL_MAX_COST: int(5000, 10, 1_000_000),
    GRAPHQL_MAX_ALIASES: int(50, 1, 10_000),
    GRAPHQL_MAX_DIRECTIVES: int(50, 1, 10_000),
    GRAPHQL_MAX_TOKENS: int(2000, 100, 1_000_000),
    GRAPHQL_MAX_DOCUMENT_BYTES: int(65_536, 1024, 1024 * 1024),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    METRICS_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, { message: 'must be at least 16 characters' }),
    METRICS_PORT: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(0).max(65535).optional(),
    ...paymentEnvShape,
    ...knowledgeEnvShape,
    ...speechEnvShape,
    ...conversationEnvShape,
    ...channelEnvShape,
    ...storageEnvShape,
    OUTBOUND_ALLOW_PRIVATE: boolVar(false),
  });

/** Every variable the configuration reads (`.env.example` and README's table list exactly these). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as unset, as they do in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
  if (Boolean(cleaned.ADMIN_USER) !== Boolean(cleaned.ADMIN_PASSWORD)) {
    problems.push('ADMIN_PASSWORD: ADMIN_USER and ADMIN_PASSWORD must be set together');
  }
  if (parsed.success && parsed.data.INSTANCE_TIMEOUT_MS < 2 * parsed.data.SWEEP_INTERVAL_MS) {
    problems.push('INSTANCE_TIMEOUT_MS: must be at least twice SWEEP_INTERVAL_MS, or a slow beat would count a live instance as dead');
  }
  problems.push(...checkKnowledgeEnv(cleaned));
  problems.push(...checkSpeechEnv(cleaned));
  problems.push(...checkPaymentEnv(cleaned));
  problems.push(...checkStorageEnv(cleaned));
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const knowledge = knowledgeConfigFrom(e);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    dbStatementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    dbPoolMax: e.DB_POOL_MAX,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smtpTimeoutMs: e.SMTP_TIMEOUT_MS,
    adminUser: e.ADMIN_USER,
    adminPassword: e.ADMIN_PASSWORD,
    timezone: e.TIMEZONE,
    tokenTtlHours: e.TOKEN_TTL_HOURS,
    staffTrialDays: e.STAFF_TRIAL_DAYS,
    staffExpiryWarningDays: e.STAFF_EXPIRY_WARNING_DAYS,
    codeSendsPerIpPerMinute: e.CODE_SENDS_PER_IP_PER_MINUTE,
    loginFailuresPerIpPerMinute: e.LOGIN_FAILURES_PER_IP_PER_MINUTE,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    codeChecksPerIpPerMinute: e.CODE_CHECKS_PER_IP_PER_MINUTE,
    agentWsPort: e.AGENT_WS_PORT,
    agentWsBeatMs: e.AGENT_WS_BEAT_MS,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    redisCommandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
    sweepIntervalMs: e.SWEEP_INTERVAL_MS,
    instanceTimeoutMs: e.INSTANCE_TIMEOUT_MS,
    eventCatchupIntervalMs: e.EVENT_CATCHUP_INTERVAL_MS,
    eventRetentionMs: e.EVENT_RETENTION_HOURS * 3_600_000,
    wsMaxBufferedBytes: e.WS_MAX_BUFFERED_BYTES,
    graphqlMaxDepth: e.GRAPHQL_MAX_DEPTH,
    graphqlMaxCost: e.GRAPHQL_MAX_COST,
    graphqlMaxAliases: e.GRAPHQL_MAX_ALIASES,
    graphqlMaxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
    graphqlMaxTokens: e.GRAPHQL_MAX_TOKENS,
    graphqlMaxDocumentBytes: e.GRAPHQL_MAX_DOCUMENT_BYTES,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    metricsPort: e.METRICS_PORT,
    payment: paymentConfigFrom(e),
    knowledge,
    speech: speechConfigFrom(e),
    conversation: conversationConfigFrom(e),
    channels: channelConfigFrom(e, knowledge.uploadMaxBytes),
    storage: storageConfigFrom(e),
    outboundAllowPrivate: e.OUTBOUND_ALLOW_PRIVATE,
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import type { DestinationStream } from 'pino';
import WebSocket from 'ws';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { createTestDatabase } from './database.js';
import { startMailbox, type Mailbox } from './mailbox.js';

export const ADMIN_USER = 'root-admin';
export const ADMIN_PASSWORD = 'admin-pass-123';
export const PUBLIC_URL = 'https://cs.example.test';

export interface LegacyResponse<T = any> {
  status: number;
  body: { header: { code: number; message: string; total: number; count: number }; data: T };
}

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

export interface TestApp {
  app: App;
  url: string;
  mailbox: Mailbox;
  /** POSTs a legacy REST call; `body` may be a raw string to send malformed JSON. */
  rest<T = any>(path: string, body?: unknown, token?: string): Promise<LegacyResponse<T>>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  wsClient(connectionParams?: Record<string, unknown>): Client;
  close(): Promise<void>;
}

/**
 * Starts the real app on a random port, against its own database (already migrated, see database.ts) and a real SMTP server.
 * `logTo` receives the log lines (set LOG_LEVEL in `env` too, the default is TEST_LOG_LEVEL or silent).
 */
export async function startTestApp(env: Record<string, string> = {}, options: { logTo?: DestinationStream } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const mailbox = await startMailbox();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-test-data-'));
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL,
    SMTP_URL: mailbox.url,
    ADMIN_USER,
    ADMIN_PASSWORD,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    CODE_SENDS_PER_IP_PER_MINUTE: '10000',
    // Every test client is 127.0.0.1; the login-limit tests set their own.
    LOGIN_FAILURES_PER_IP_PER_MINUTE: '10000',
    CODE_CHECKS_PER_IP_PER_MINUTE: '10000',
    // Webhook receivers and gateway fakes are servers the tests start on loopback; the SSRF tests set it false.
    OUTBOUND_ALLOW_PRIVATE: 'true',
    ...env,
  });
  const app = await startApp(config, createLogger(config.logLevel, options.logTo));
  const clients: Client[] = [];

  return {
    app,
    url: app.url,
    mailbox,
    async rest(p, body = {}, token) {
      const res = await fetch(`${app.url}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'auth-token': token } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as LegacyResponse['body'] };
    },
    async gql(query, variables, token) {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const json = (await res.json()) as Omit<GqlResponse, 'status'>;
      return { status: res.status, ...json };
    },
    wsClient(connectionParams) {
      const client = createClient({
        url: `${app.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams,
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.dispose()));
      await app.close();
      await mailbox.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

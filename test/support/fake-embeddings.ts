import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake embeddings endpoint does with one request. */
export type EmbeddingsBehaviour = { kind: 'ok' } | { kind: 'status'; status: number; message?: string } | { kind: 'hang' };

export interface FakeEmbeddings {
  url: string;
  requests: { path: string; headers: http.IncomingHttpHeaders; body: any }[];
  /** Behaviours for the next requests, in order; when they run out, `fallback` applies. */
  script(...behaviours: EmbeddingsBehaviour[]): void;
  fallback: EmbeddingsBehaviour;
  close(): Promise<void>;
}

/**
 * Deterministic "meaning": each concept is a set of words in either language
 * (a paraphrase shares the concept, not the words). A text's vector counts its
 * concept words in the first dimensions and spreads its character pairs, with
 * a small weight, over the others (after two dimensions for the script) — so texts of one concept are close and
 * texts of none are nearly orthogonal to everything.
 */
export const CONCEPTS: string[][] = [
  ['退款', '退回', '账户', '钱', '卡里', 'refund', 'money back', 'payment method'],
  ['退货', '三十天', 'return', 'thirty days'],
  ['发货', '快递', '送达', 'ship', 'delivery', 'deliver'],
  ['保修', '免费修', 'warranty', 'guarantee', 'repaired for free'],
  ['发票', 'invoice', 'receipt'],
];
export const DIMS = 64;

export function conceptEmbedding(text: string): number[] {
  const v = new Array<number>(DIMS).fill(0);
  const lower = text.toLowerCase();
  CONCEPTS.forEach((words, i) => {
    for (const w of words) if (lower.includes(w)) v[i]! += 1;
  });
  // The language, as real multilingual models also tell it: a passage in the question's language wins a tie.
  const lang = CONCEPTS.length;
  if (/\p{Script=Han}/u.test(text)) v[lang]! += 0.7;
  if (/[a-z]/.test(lower)) v[lang + 1]! += 0.7;
  const chars = [...lower.replace(/\s+/g, ' ')];
  for (let i = 0; i + 1 < chars.length; i++) {
    const h = createHash('md5').update(chars[i]! + chars[i + 1]!).digest();
    v[lang + 2 + (h.readUInt32LE(0) % (DIMS - lang - 2))]! += 0.08;
  }
  // Not normalised: the service under test must do that.
  return v.map((x) => x * 3);
}

/** A local HTTP server speaking the OpenAI embeddings protocol (POST /v1/embeddings). */
export async function startFakeEmbeddings(): Promise<FakeEmbeddings> {
  const queue: EmbeddingsBehaviour[] = [];
  const fake: FakeEmbeddings = {
    url: '',
    requests: [],
    fallback: { kind: 'ok' },
    script: (...b) => void queue.push(...b),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : null;
      fake.requests.push({ path: req.url ?? '', headers: req.headers, body });
      const b = queue.shift() ?? fake.fallback;
      if (b.kind === 'hang') return;
      if (b.kind === 'status' || req.url !== '/v1/embeddings') {
        const status = b.kind === 'status' ? b.status : 404;
        // retry-after-ms keeps the SDK's backoff short in tests.
        res.writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '10' });
        res.end(JSON.stringify({ error: { message: b.kind === 'status' ? (b.message ?? `status ${status}`) : 'not found', type: 'server_error' } }));
        return;
      }
      const input: string[] = typeof body.input === 'string' ? [body.input] : body.input;
      const data = input.map((text, index) => ({ object: 'embedding', index, embedding: conceptEmbedding(text) }));
      res.writeHead(200, { 'content-type': 'application/json' });
      // Returned in reverse: clients must order by `index`.
      res.end(JSON.stringify({ object: 'list', data: data.reverse(), model: body.model, usage: { prompt_tokens: 0, total_tokens: 0 } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

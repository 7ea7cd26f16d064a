import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake chat-completions endpoint does with one request. */
export type LlmBehaviour =
  | { kind: 'stream'; pieces: string[]; delayMs?: number }
  | { kind: 'status'; status: number; message?: string }
  /** Sends headers and these pieces, then goes silent with the connection open. */
  | { kind: 'stall'; pieces?: string[] }
  /** Never answers at all. */
  | { kind: 'hang' }
  /** Streams `piece` every `delayMs`, never ending, until the client goes away. */
  | { kind: 'endless'; piece: string; delayMs: number };

export interface FakeLlm {
  url: string;
  requests: { path: string; headers: http.IncomingHttpHeaders; body: any }[];
  /** Behaviours for the next requests, in order; when they run out, `fallback` applies. */
  script(...behaviours: LlmBehaviour[]): void;
  fallback: LlmBehaviour;
  close(): Promise<void>;
}

const chunk = (content: string) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

/** A local HTTP server speaking the OpenAI chat-completions streaming protocol (server-sent events). */
export async function startFakeLlm(): Promise<FakeLlm> {
  const queue: LlmBehaviour[] = [];
  const fake: FakeLlm = {
    url: '',
    requests: [],
    fallback: { kind: 'stream', pieces: ['Hello', ' there.'] },
    script: (...b) => void queue.push(...b),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', async () => {
      fake.requests.push({ path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : null });
      const b = queue.shift() ?? fake.fallback;
      if (b.kind === 'hang') return;
      if (b.kind === 'status') {
        // retry-after-ms keeps the SDK's backoff short in tests.
        res.writeHead(b.status, { 'content-type': 'application/json', 'retry-after-ms': '10' });
        res.end(JSON.stringify({ error: { message: b.message ?? `status ${b.status}`, type: 'server_error' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.flushHeaders();
      if (b.kind === 'endless') {
        while (!res.destroyed) {
          res.write(chunk(b.piece));
          await new Promise((r) => setTimeout(r, b.delayMs));
        }
        return;
      }
      for (const p of b.pieces ?? []) {
        res.write(chunk(p));
        if (b.kind === 'stream' && b.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
      }
      if (b.kind === 'stall') return;
      res.write(`data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

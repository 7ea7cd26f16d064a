import WebSocket from 'ws';

/** A legacy WebSocket client that keeps every frame it receives and can wait for the ones it needs. */
export class FrameClient {
  readonly frames: string[] = [];
  private cursor = 0;
  private waiters: (() => void)[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(data.toString());
      this.waiters.splice(0).forEach((w) => w());
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<FrameClient> {
    const ws = new WebSocket(url, { headers });
    // Listening before 'open': a frame the server sends at once can arrive in the same chunk as the
    // upgrade answer, and ws emits it right after 'open', before an awaiting caller could listen.
    const client = new FrameClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade answered ${res.statusCode}`)));
    });
    return client;
  }

  /** The status an upgrade is refused with, or 101 when it is accepted. */
  static async upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
    const ws = new WebSocket(url, { headers });
    return new Promise((resolve) => {
      ws.once('open', () => {
        ws.close();
        resolve(101);
      });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', () => resolve(0));
    });
  }

  /** Answers every `beat` as a live agent console does, so slow runs are not taken for dead consoles. */
  answerBeats(): this {
    this.ws.on('message', (data) => {
      if (data.toString() === 'beat' && this.ws.readyState === this.ws.OPEN) this.ws.send('beat');
    });
    return this;
  }

  send(value: unknown): void {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  /** The next frame not yet taken. */
  async next(timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (this.cursor >= this.frames.length) {
      if (Date.now() > deadline) throw new Error(`no frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.frames[this.cursor++]!;
  }

  /** Frames up to and including the next `|=EOF=|`, joined (without the EOF). */
  async untilEof(timeoutMs = 10_000): Promise<string> {
    let text = '';
    for (;;) {
      const f = await this.next(timeoutMs);
      if (f === '|=EOF=|') return text;
      text += f;
    }
  }

  /** The next JSON frame whose fields match `match` (other frames are skipped). */
  async nextJson(match: Record<string, unknown> = {}, timeoutMs = 10_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const f = await this.next(Math.max(1, deadline - Date.now()));
      let v: any;
      try {
        v = JSON.parse(f);
      } catch {
        continue;
      }
      if (Object.entries(match).every(([k, want]) => v?.[k] === want)) return v;
    }
  }

  close(): void {
    this.ws.close();
  }
}

export const basicAuth = (user: string, pass: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` });

import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/core/config.js';
import { createMerchant, createStaffWithKeys, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { PUBLIC_URL, startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const HOURS_DOC = `# 营业时间

我们的门店营业时间是每天上午9点到晚上9点，节假日照常营业。
`;
const QUESTION = '你们的营业时间是什么？';
const MP3 = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(2048, 0xfb)]);
const TIMEOUT_MS = 400;

type Mode = 'ok' | 'fail-503' | 'flaky' | 'unauthorized' | 'hang';

/** A stand-in for an OpenAI-compatible speech service: records each request and answers as `mode` says. */
async function startSpeechServer() {
  const calls: { path: string; authorization?: string; body: any }[] = [];
  let mode: Mode = 'ok';
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      calls.push({ path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(raw) });
      const attempt = calls.length;
      if (mode === 'hang') return; // never answers: the client must time out
      if (mode === 'fail-503' || (mode === 'flaky' && attempt === 1)) {
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'engine overloaded' } }));
      } else if (mode === 'unauthorized') {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Incorrect API key provided' } }));
      } else {
        res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': MP3.length }).end(MP3);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    calls,
    use(m: Mode) {
      mode = m;
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Sends one chat request and returns the JSON of the single `|=JSON=|` frame that answers it. */
async function ask(c: FrameClient, type: 'text' | 'audio', content = QUESTION, timeoutMs = 10_000): Promise<any> {
  c.send({ action: 'chat', type, content });
  const text = await c.untilEof(timeoutMs);
  expect(text.startsWith('|=JSON=|'), `expected one JSON frame, got ${JSON.stringify(text)}`).toBe(true);
  return JSON.parse(text.slice('|=JSON=|'.length));
}

describe('voice replies on the web chat (/ws, ai-staff seed §4.2)', () => {
  let speech: Awaited<ReturnType<typeof startSpeechServer>>;
  let t: TestApp;
  let plain: TestApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  const ws = (app: TestApp, p: string) => `${app.url.replace('http', 'ws')}${p}`;
  const contact = (id: string) => FrameClient.open(ws(t, `/ws?contact_id=${id}`), basicAuth(staff.apiKey, staff.secretKey));
  const history = async (sessionId: string) =>
    ((await (await fetch(`${t.url}/api/sessions/${sessionId}/history`, { headers: { 'auth-token': merchant.token } })).json()) as any).data;
  const sessionOf = async (customerId: string) =>
    ((await (await fetch(`${t.url}/api/sessions`, { headers: { 'auth-token': merchant.token } })).json()) as any).data.find((s: any) => s.customerId === customerId);

  beforeAll(async () => {
    speech = await startSpeechServer();
    [t, plain] = await Promise.all([
      startTestApp({ SPEECH_BASE_URL: speech.url, SPEECH_API_KEY: 'sk-speech-test', SPEECH_VOICE: 'nova', SPEECH_TIMEOUT_MS: String(TIMEOUT_MS) }),
      startTestApp(),
    ]);
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token);
    await addDocument(t, merchant.token, staff.id, 'hours.md', HOURS_DOC);
    await t.rest('/api/v1/customer/sync/doc', { staff_id: staff.id }, merchant.token);
    await waitForSync(t, merchant.token, staff.id);
  });
  afterAll(async () => {
    await Promise.all([t?.close(), plain?.close()]);
    await speech?.close();
  });

  it('reads the SPEECH_* settings with their defaults, and refuses a key without a service', () => {
    const base = { DATABASE_URL: 'postgres://x@127.0.0.1/x' };
    expect(loadConfig(base).speech).toBeUndefined();
    expect(loadConfig({ ...base, SPEECH_BASE_URL: 'https://tts.example/v1/' }).speech).toEqual({
      baseUrl: 'https://tts.example/v1',
      apiKey: undefined,
      model: 'tts-1',
      voice: 'alloy',
      timeoutMs: 30_000,
    });
    expect(() => loadConfig({ ...base, SPEECH_API_KEY: 'sk-x' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, SPEECH_BASE_URL: 'ftp://tts.example' })).toThrow(/SPEECH_BASE_URL/);
  });

  it('answers like text, speaks the answer, and serves the MP3 at the URL it gives', async () => {
    speech.use('ok');
    const c = await contact('voice-ok');
    const reply = await ask(c, 'audio');
    expect(reply).toMatchObject({ code: 0, message: 'OK', result: { messageId: expect.any(String), conversationId: expect.any(String), streamUrl: expect.any(String) } });
    expect(Object.keys(reply.result).sort()).toEqual(['conversationId', 'messageId', 'streamUrl']);

    // One request in OpenAI's shape, with the key and the configured voice.
    expect(speech.calls).toHaveLength(1);
    const call = speech.calls[0]!;
    expect(call.path).toBe('/v1/audio/speech');
    expect(call.authorization).toBe('Bearer sk-speech-test');
    expect(call.body).toEqual({ model: 'tts-1', input: expect.stringContaining('9点'), voice: 'nova', response_format: 'mp3' });

    // The AI's answer is stored as usual, and the ids point at it.
    const session = await sessionOf('voice-ok');
    expect(reply.result.conversationId).toBe(session.sessionId);
    const messages = await history(session.sessionId);
    expect(messages.map((m: any) => m.senderType)).toEqual(['customer', 'ai']);
    expect(messages[1].msgId).toBe(reply.result.messageId);
    expect(messages[1].content).toBe(call.body.input);

    // The file is under DATA_DIR/audio and served as audio/mpeg from PUBLIC_URL/assets/audio.
    const name = /^(.+)\/assets\/audio\/([0-9a-f-]{36}\.mp3)$/.exec(reply.result.streamUrl);
    expect(name?.[1]).toBe(PUBLIC_URL);
    expect(existsSync(path.join(t.app.services.config.dataDir, 'audio', name![2]!))).toBe(true);
    const res = await fetch(`${t.url}/assets/audio/${name![2]}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(MP3)).toBe(true);

    // Only names the service made are served.
    expect((await fetch(`${t.url}/assets/audio/00000000-0000-4000-8000-000000000000.mp3`)).status).toBe(404);
    expect((await fetch(`${t.url}/assets/audio/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${t.url}/assets/audio/${name![2]!.replace('.mp3', '.wav')}`)).status).toBe(404);

    // Text requests on the same connection still stream.
    c.send({ action: 'chat', type: 'text', content: QUESTION });
    expect(await c.untilEof()).toContain('9点');
    c.close();
  });

  it('retries a 5xx once, and answers 502 with the reason when the retry fails too', async () => {
    speech.use('flaky');
    const c = await contact('voice-flaky');
    expect(await ask(c, 'audio')).toMatchObject({ code: 0, result: { streamUrl: expect.stringMatching(/\.mp3$/) } });
    expect(speech.calls).toHaveLength(2);

    speech.use('fail-503');
    const failed = await ask(c, 'audio');
    expect(speech.calls).toHaveLength(2);
    expect(failed).toEqual({ code: 502, message: expect.stringMatching(/HTTP 503.*engine overloaded.*2 attempts/) });
    // The text answer was kept for the agents even though it could not be spoken.
    const messages = await history((await sessionOf('voice-flaky')).sessionId);
    expect(messages.map((m: any) => m.senderType)).toEqual(['customer', 'ai', 'customer', 'ai']);
    c.close();
  });

  it('does not retry a refusal (4xx)', async () => {
    speech.use('unauthorized');
    const c = await contact('voice-401');
    expect(await ask(c, 'audio')).toEqual({ code: 502, message: expect.stringMatching(/HTTP 401.*Incorrect API key provided/) });
    expect(speech.calls).toHaveLength(1);
    c.close();
  });

  it('times out a silent service, retries once, then answers 502', async () => {
    speech.use('hang');
    const c = await contact('voice-timeout');
    const started = Date.now();
    const reply = await ask(c, 'audio');
    const took = Date.now() - started;
    expect(reply).toEqual({ code: 502, message: expect.stringMatching(new RegExp(`did not answer within ${TIMEOUT_MS} ms.*2 attempts`)) });
    expect(speech.calls).toHaveLength(2);
    expect(took).toBeGreaterThanOrEqual(2 * TIMEOUT_MS);
    expect(took).toBeLessThan(5_000);

    // The connection is still usable afterwards.
    speech.use('ok');
    expect(await ask(c, 'audio')).toMatchObject({ code: 0 });
    c.close();
  });

  it('answers 502 with a clear message when no speech service is configured, storing nothing', async () => {
    const m = await createMerchant(plain);
    const s = await createStaffWithKeys(plain, m.token);
    const c = await FrameClient.open(ws(plain, '/ws?contact_id=voice-none'), basicAuth(s.apiKey, s.secretKey));
    expect(await ask(c, 'audio', '你好')).toEqual({ code: 502, message: 'Voice replies are not available: no speech synthesis service is configured' });
    const sessions = ((await (await fetch(`${plain.url}/api/sessions`, { headers: { 'auth-token': m.token } })).json()) as any).data;
    expect(sessions.filter((x: any) => x.customerId === 'voice-none')).toEqual([]);
    expect(await readdir(plain.app.services.config.dataDir)).not.toContain('audio');
    c.close();
  });
});

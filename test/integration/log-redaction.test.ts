import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient } from '../support/ws-clients.js';

const SECRET = 'tok-9f8e7d6c5b4a';

/** Sends a raw HTTP upgrade request and resolves the status line of the answer. */
async function rawUpgrade(port: number, target: string): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
  return new Promise((resolve, reject) => {
    socket.once('data', (d: Buffer) => {
      resolve(d.toString().split('\r\n')[0]!);
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('logs keep secrets out, except the development mail sink', () => {
  let t: TestApp;
  const lines: string[] = [];
  const logged = () => lines.join('');
  beforeAll(async () => {
    // No SMTP_URL: mail goes to the log, the development mail sink.
    t = await startTestApp({ LOG_LEVEL: 'info', SMTP_URL: '' }, { logTo: { write: (line: string) => void lines.push(line) } });
  });
  afterAll(() => t?.close());

  it('never logs the ?token= of a failed WebSocket upgrade or of a request', async () => {
    expect(await rawUpgrade(t.app.port, `//[bad/ws/cs/1?token=${SECRET}`)).toBe('HTTP/1.1 400 Bad Request');
    expect(await FrameClient.upgradeStatus(`${t.url.replace('http', 'ws')}/ws/cs/1?token=${SECRET}`)).toBe(401);
    expect((await fetch(`${t.url}/ws/cs/1?token=${SECRET}&secret_key=${SECRET}`)).status).toBe(404);
    await expect.poll(() => lines.filter((l) => l.includes('"msg":"request"')).length).toBeGreaterThan(0);

    const malformed = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'malformed WebSocket upgrade');
    expect(malformed).toMatchObject({ url: '//[bad/ws/cs/1?token=[REDACTED]', err: { code: 'ERR_INVALID_URL', input: '//[bad/ws/cs/1?token=[REDACTED]' } });
    expect(logged()).not.toContain(SECRET);
  });

  it('marks the mail it logs in clear as the development mail sink', async () => {
    const sent = await t.rest('/api/v1/customer/send/code', { user_name: 'sinky', email: 'sinky@shop.example', action_type: 0, language: 'en' });
    expect(sent.body.header.code).toBe(0);
    await expect.poll(() => lines.some((l) => l.includes('"devMailSink":true'))).toBe(true);
    const mail = lines.map((l) => JSON.parse(l)).find((l) => l.devMailSink === true);
    expect(mail).toMatchObject({ level: 30, msg: 'development mail sink (SMTP_URL not set): mail logged, not delivered', mail: { to: 'sinky@shop.example' } });
    expect(mail.mail.text).toMatch(/\b\d{6}\b/);
  });
});

import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freePort } from '../../src/core/db/embedded-postgres.js';
import { createAgent, createMerchant, createStaffWithKeys } from '../support/factories.js';
import { ensureBuild } from '../support/spawned-app.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const root = path.resolve(import.meta.dirname, '../..');

/** A graphql-ws connection that has been acknowledged, and its close code to come. */
async function openGraphqlWs(url: string): Promise<{ closeCode: Promise<number> }> {
  const ws = new WebSocket(url, 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => ws.send(JSON.stringify({ type: 'connection_init' })));
    ws.on('message', (data) => JSON.parse(data.toString()).type === 'connection_ack' && resolve());
    ws.once('error', reject);
  });
  return { closeCode: closed };
}

/** A client that completes the WebSocket handshake and then never answers a frame; resolves the close code it is sent. */
async function openDeafSocket(port: number, p: string): Promise<{ closeCode: Promise<number>; ended: Promise<void> }> {
  const socket = net.connect(port, '127.0.0.1');
  const key = randomBytes(16).toString('base64');
  socket.write(`GET ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
  let buf = Buffer.alloc(0);
  let upgraded: () => void;
  const open = new Promise<void>((resolve) => (upgraded = resolve));
  const closeCode = new Promise<number>((resolve) => {
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const head = buf.indexOf('\r\n\r\n');
      if (head >= 0 && buf.subarray(0, 12).toString() === 'HTTP/1.1 101') {
        buf = buf.subarray(head + 4);
        upgraded();
      }
      // An unmasked server close frame: opcode 8, then a length byte, then the code.
      const at = buf.indexOf(0x88);
      if (at >= 0 && buf.length >= at + 4) resolve(buf.readUInt16BE(at + 2));
    });
  });
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await open;
  return { closeCode, ended };
}

describe('draining: every WebSocket surface closes with 1001, /readyz answers 503', () => {
  let t: TestApp;
  let agentPort: number;
  beforeAll(async () => {
    agentPort = await freePort();
    t = await startTestApp({ AGENT_WS_PORT: String(agentPort) });
  });
  afterAll(() => t?.close());

  it('closes graphql-ws, /ws, /chat/:serial/ws, /ws/cs/:csId, /ws/kf and AGENT_WS_PORT with a close frame', async () => {
    const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
    const merchant = await createMerchant(t);
    const staff = await createStaffWithKeys(t, merchant.token);
    const agent = await createAgent(t, merchant.token, [staff.id]);

    const graphql = await openGraphqlWs(ws('/graphql'));
    const legacy = await Promise.all([
      FrameClient.open(ws('/ws?contact_id=drain'), basicAuth(staff.apiKey, staff.secretKey)),
      FrameClient.open(ws(`/chat/${staff.serialNo}/ws`)),
      FrameClient.open(ws(`/ws/cs/${agent.id}?token=${agent.token}`)),
      FrameClient.open(ws('/ws/kf')),
      FrameClient.open(`ws://127.0.0.1:${agentPort}/`),
    ]);
    // This one never answers the close frame, which keeps the drain going for its grace period.
    const deaf = await openDeafSocket(t.app.port, '/ws/kf');

    const closing = t.app.close();
    expect(await deaf.closeCode).toBe(1001);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining' });
    expect(await FrameClient.upgradeStatus(ws('/ws/kf'))).toBe(503);

    expect(await graphql.closeCode).toBe(1001);
    for (const c of legacy) expect(await c.closed).toEqual({ code: 1001, reason: 'server shutting down' });
    await closing;
    await deaf.ended;
  });
});

/** The pids of `pid`'s descendants, from the process table. */
function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=']).toString().trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (p: number) => rows.filter(([, pp]) => pp === p).forEach(([c]) => (found.push(c), walk(c)));
  walk(pid);
  return found;
}

async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('SIGTERM to `npm start`', () => {
  let dataDir: string;
  let tree: number[] = [];
  beforeAll(async () => {
    await ensureBuild();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-shutdown-'));
  });
  afterAll(async () => {
    // Whatever a failed run left behind is not left running.
    for (const pid of tree.filter(alive)) process.kill(pid, 'SIGKILL');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('reaches the server: sockets get 1001, shutdown is logged, and no process of the tree is left', { timeout: 150_000 }, async () => {
    const [port, agentPort] = [await freePort(), await freePort()];
    const npm = spawn('npm', ['start'], {
      cwd: root,
      env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', PORT: String(port), AGENT_WS_PORT: String(agentPort), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    npm.stdout!.on('data', (d) => (out += d));
    npm.stderr!.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 90_000;
    while (!out.includes('"msg":"ready"')) {
      if (Date.now() > deadline || npm.exitCode !== null) throw new Error(`not ready:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const graphql = await openGraphqlWs(`ws://127.0.0.1:${port}/graphql`);
    const consoles = await Promise.all([FrameClient.open(`ws://127.0.0.1:${port}/ws/kf`), FrameClient.open(`ws://127.0.0.1:${agentPort}/`)]);
    tree = descendants(npm.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(2); // the server and its PostgreSQL at least

    npm.kill('SIGTERM');
    const codes = Promise.all([graphql.closeCode, ...consoles.map(async (c) => (await c.closed).code)]);
    expect(await within(codes, 20_000, 'the sockets were not closed')).toEqual([1001, 1001, 1001]);
    expect(await within(exited, 20_000, 'npm did not exit')).toBe(0);
    expect(out).toContain('"signal":"SIGTERM","msg":"shutting down"');
    expect(out).toContain('"msg":"stopped"');

    await expect.poll(() => tree.filter(alive), { timeout: 5_000 }).toEqual([]);
    expect(execFileSync('ps', ['-eo', 'args']).toString()).not.toContain(path.join(dataDir, 'pg'));
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});

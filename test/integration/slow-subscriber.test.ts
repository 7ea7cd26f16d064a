import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentPresenceEvent } from '../../src/core/events/event-bus.js';
import { createAgent, createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const EVENTS = 15_000;
const MAX_BUFFERED = 256 * 1024;

/** A raw client, so the test can stop reading its TCP socket as a stuck browser tab would. */
class RawClient {
  received = 0;
  readonly closed: Promise<number>;
  private readonly firstMessage: Promise<void>;

  constructor(readonly ws: WebSocket) {
    let seen: () => void;
    this.firstMessage = new Promise((r) => (seen = r));
    ws.on('message', () => {
      this.received++;
      seen();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  static async open(url: string, protocol?: string): Promise<RawClient> {
    const ws = new WebSocket(url, protocol);
    const client = new RawClient(ws);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return client;
  }

  async nextMessage(): Promise<void> {
    await this.firstMessage;
  }

  /** Stops reading: what the server sends piles up in the kernel buffers, then in the server's. */
  pause(): void {
    (this.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  }

  resume(): void {
    (this.ws as unknown as { _socket: { resume(): void } })._socket.resume();
  }
}

describe('a subscriber that stops reading', () => {
  let t: TestApp;
  let merchant: MerchantFixture;

  beforeAll(async () => {
    t = await startTestApp({ WS_MAX_BUFFERED_BYTES: String(MAX_BUFFERED) });
    merchant = await createMerchant(t);
  });
  afterAll(() => t?.close());

  /** Publishes presence events of the merchant, yielding to the event loop so every socket gets its share as it goes. */
  async function flood(count: number, agentId: number): Promise<void> {
    const event: AgentPresenceEvent = { merchantId: merchant.id, agentId, name: `Agent ${'n'.repeat(4000)}`, status: 1, kind: 'status', staffIds: [], connectionId: null };
    for (let i = 0; i < count; i++) {
      t.app.services.bus.publish('AGENT_PRESENCE', event);
      if (i % 200 === 199) await new Promise((r) => setImmediate(r));
    }
  }

  async function graphqlSubscriber(): Promise<RawClient> {
    const c = await RawClient.open(`${t.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    c.ws.send(JSON.stringify({ type: 'connection_init', payload: { token: merchant.token } }));
    await c.nextMessage();
    c.ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { agentPresence { agentId name status kind } }' } }));
    return c;
  }

  it('is closed with 1013 by graphql-ws instead of being buffered, while a reading subscriber gets every event', async () => {
    const stuck = await graphqlSubscriber();
    const reading = await graphqlSubscriber();
    await new Promise((r) => setTimeout(r, 300));
    stuck.pause();
    await flood(EVENTS, 999_999);
    stuck.resume();
    expect(await stuck.closed).toBe(1013);
    // It got what fit in the bound and the kernel's buffers, not the flood.
    expect(stuck.received).toBeLessThan(EVENTS / 2);
    // connection_ack plus every event: 60 MB, which a loaded CI machine delivers in tens of seconds, so wait up to 45 s.
    for (let i = 0; i < 1800 && reading.received < EVENTS + 1; i++) await new Promise((r) => setTimeout(r, 25));
    expect(reading.received).toBe(EVENTS + 1);
    expect(reading.ws.readyState).toBe(WebSocket.OPEN);
    reading.ws.close();
  }, 90_000);

  it('is closed with 1013 by the agent console (/ws/kf) instead of being buffered', async () => {
    const agent = await createAgent(t, merchant.token, [await createStaff(t, merchant.token)]);
    const c = await RawClient.open(`${t.url.replace('http', 'ws')}/ws/kf`);
    c.ws.send(JSON.stringify({ method: 'login', token: agent.token }));
    await c.nextMessage();
    c.pause();
    await flood(EVENTS, agent.id + 1);
    c.resume();
    expect(await c.closed).toBe(1013);
    expect(c.received).toBeLessThan(EVENTS / 2);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  }, 60_000);
});

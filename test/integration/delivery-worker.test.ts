import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createLogger } from '../../src/core/logger.js';
import type { DeliveryRecord } from '../../src/entities/delivery/delivery-record.js';
import { DeliveryWorker, type DeliveryLane } from '../../src/services/delivery/delivery.worker.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A lane over an in-memory queue, each claim a real transaction of the app's database. */
function queueLane(sendMs: number) {
  const lane = {
    claims: 0,
    queue: [] as number[],
    sent: [] as number[],
    inFlight: 0,
    maxInFlight: 0,
    name: 'test',
    async claim(tx: EntityManager): Promise<DeliveryRecord<string> | null> {
      lane.claims++;
      await tx.getConnection().execute('select 1');
      const id = lane.queue.shift();
      if (id === undefined) return null;
      return { id, attempts: 0, delivered: () => undefined, refused: () => undefined, failed: () => undefined, retriesFrom: () => new Date() } as unknown as DeliveryRecord<string>;
    },
    async send(_tx: EntityManager, d: DeliveryRecord<string>) {
      lane.maxInFlight = Math.max(lane.maxInFlight, ++lane.inFlight);
      await sleep(sendMs);
      lane.inFlight--;
      lane.sent.push((d as unknown as { id: number }).id);
    },
    describe: () => ({}),
  };
  return lane;
}

describe('delivery worker loops', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const config = { retryBaseMs: 50, retryMaxMs: 1000, giveUpMs: 10_000, pollMs: 50, deliveryConcurrency: 4 };

  it('polls with one loop while idle, not one per loop', async () => {
    const lane = queueLane(0);
    const worker = new DeliveryWorker(t.app.orm, config, [lane as unknown as DeliveryLane], createLogger('silent'));
    worker.start();
    await sleep(100);
    const from = lane.claims;
    await sleep(1_000);
    const polls = lane.claims - from;
    await worker.stop();
    // One poller every 50 ms: about 20 in a second (four loops polling made about 80).
    expect(polls).toBeGreaterThanOrEqual(8);
    expect(polls).toBeLessThanOrEqual(30);
  });

  it('wakes every loop when the poller finds work, so a backlog goes out in parallel', async () => {
    const lane = queueLane(200);
    const worker = new DeliveryWorker(t.app.orm, config, [lane as unknown as DeliveryLane], createLogger('silent'));
    worker.start();
    await sleep(100);
    lane.queue.push(1, 2, 3, 4, 5, 6, 7, 8);
    const started = Date.now();
    while (lane.sent.length < 8 && Date.now() - started < 5_000) await sleep(10);
    await worker.stop();
    expect(lane.sent.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(lane.maxInFlight).toBe(4);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageAddedEvent } from '../../src/core/events/event-bus.js';
import { EventLog } from '../../src/core/events/event-log.js';
import { OrderedDelivery } from '../../src/core/events/ordered-delivery.js';
import { createLogger } from '../../src/core/logger.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Concurrent writers publish in the order their commits come back, not in number order: an event that
 * comes early waits a moment for the one before it, so both go out live, with the facts they carry; one
 * that never comes is read from the log.
 */
describe('ordered delivery of the logged topics (in process, against the real event log)', () => {
  let t: TestApp;
  let log: EventLog;
  let delivery: OrderedDelivery;
  const raw = new EventTarget();
  const out: MessageAddedEvent[] = [];
  // Merchants with no event in the log: each case starts from number 0.
  let merchantId = 900_000;

  const event = (merchant: number, eventSeq: number): MessageAddedEvent => ({
    merchantId: merchant,
    staffId: 1,
    sessionId: 1,
    contactId: 1,
    messageId: eventSeq,
    seq: eventSeq,
    senderType: 'contact',
    status: 'manual',
    agentId: null,
    eventSeq,
    facts: { agentName: 'live' },
  });
  const publish = (e: MessageAddedEvent) => raw.dispatchEvent(new CustomEvent('MESSAGE_ADDED', { detail: e }));

  beforeAll(async () => {
    t = await startTestApp();
    log = new EventLog(t.app.orm);
    delivery = new OrderedDelivery(log, createLogger('silent'), 1_000);
    await delivery.start(raw);
    delivery.listenTarget(raw).addEventListener('MESSAGE_ADDED', (e) => out.push((e as CustomEvent<MessageAddedEvent>).detail));
  }, 120_000);

  afterAll(async () => {
    delivery?.stop();
    await t?.close();
  });

  it('holds an early event until the one before it is published, then delivers both in order, live', async () => {
    const m = ++merchantId;
    publish(event(m, 2));
    publish(event(m, 3));
    expect(out.filter((e) => e.merchantId === m)).toEqual([]);
    publish(event(m, 1));
    const mine = out.filter((e) => e.merchantId === m);
    expect(mine.map((e) => e.eventSeq)).toEqual([1, 2, 3]);
    // Nothing came from the log (it has none of them): each is the event as published, with its facts.
    expect(mine.every((e) => e.facts?.agentName === 'live')).toBe(true);
    publish(event(m, 2));
    expect(out.filter((e) => e.merchantId === m)).toHaveLength(3);
  });

  it('reads from the log what never comes live, once the wait is over', async () => {
    const m = ++merchantId;
    const logged = { ...event(m, 1), eventSeq: undefined, facts: undefined };
    await t.app.orm.em.fork().getConnection().execute(`insert into event_log (merchant_id, seq, topic, payload) values (?, 1, 'MESSAGE_ADDED', ?::jsonb)`, [m, JSON.stringify(logged)]);
    publish(event(m, 2));
    await expect.poll(() => out.filter((e) => e.merchantId === m).map((e) => e.eventSeq), { timeout: 5_000 }).toEqual([1, 2]);
    const [fromLog, live] = out.filter((e) => e.merchantId === m);
    expect(fromLog!.facts).toBeUndefined();
    expect(live!.facts?.agentName).toBe('live');
  });
});

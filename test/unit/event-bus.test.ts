import { describe, expect, it } from 'vitest';
import { SUBSCRIBER_BACKLOG, createEventBus } from '../../src/core/events/event-bus.js';

describe('the event bus', () => {
  it('lets a subscriber fall thousands of events behind a burst without throwing in the publisher', async () => {
    const bus = createEventBus();
    const it = bus.subscribe('AGENT_KICKED')[Symbol.asyncIterator]();
    const first = it.next();
    // One synchronous burst, as a routing pass or a Redis chunk of messages delivers them.
    for (let i = 0; i < 5_000; i++) bus.publish('AGENT_KICKED', { agentId: i, keepConnectionId: 'x' });
    const seen = [(await first).value.agentId];
    for (let i = 1; i < 5_000; i++) seen.push((await it.next()).value.agentId);
    expect(seen).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
    await it.return?.();
  });

  it('gives every subscription every event, each with its own backlog', async () => {
    const bus = createEventBus();
    const one = bus.subscribe('AGENT_KICKED')[Symbol.asyncIterator]();
    const two = bus.subscribe('AGENT_KICKED')[Symbol.asyncIterator]();
    // A subscription starts listening at its first next().
    const firsts = [one.next(), two.next()];
    for (let i = 0; i < 3; i++) bus.publish('AGENT_KICKED', { agentId: i, keepConnectionId: 'x' });
    for (const [n, it] of [one, two].entries()) {
      const got = [(await firsts[n]!).value.agentId, (await it.next()).value.agentId, (await it.next()).value.agentId];
      expect(got).toEqual([0, 1, 2]);
      await it.return?.();
    }
  });

  it('drops the oldest events of a subscriber that falls further behind than its backlog', async () => {
    const bus = createEventBus();
    const it = bus.subscribe('AGENT_KICKED')[Symbol.asyncIterator]();
    const first = it.next();
    for (let i = 0; i < SUBSCRIBER_BACKLOG + 500; i++) bus.publish('AGENT_KICKED', { agentId: i, keepConnectionId: 'x' });
    expect((await first).value.agentId).toBe(0);
    const next = (await it.next()).value.agentId;
    expect(next).toBeGreaterThan(1);
    await it.return?.();
  });
});

// (d) Fan-out: FANOUT_SUBSCRIBERS graphql-ws connections, each subscribed to one session's messages,
// while FANOUT_EVENTS_PER_SECOND (20) events are published for FANOUT_SECONDS (10). The figure is the
// server's CPU time (user + system) divided by the deliveries, against bare graphql-ws publishing
// the same number of events (one INSERT each) to as many subscribers.
import { openMany, sleep, subscriber, versus, wsUrl } from './bench-kit.mjs';

const us = (v) => `${v.toFixed(1)} µs`;

async function measure(server, subscribers, emit, eventsPerSecond, seconds) {
  let deliveries = 0;
  const subs = await openMany(subscribers.n, 100, () => subscriber(wsUrl(server, '/graphql'), subscribers.params, subscribers.query, () => deliveries++));
  try {
    // One event all subscribers get first: then every subscription is live.
    for (let i = 0; i < 100 && deliveries < subscribers.n; i++) {
      if (i % 10 === 0) await emit();
      await sleep(100);
    }
    if (deliveries < subscribers.n) throw new Error(`only ${deliveries} of ${subscribers.n} subscribers live`);
    await sleep(500);
    deliveries = 0;
    const cpu0 = await server.call('cpu');
    const total = eventsPerSecond * seconds;
    const start = Date.now();
    const emitted = [];
    for (let k = 0; k < total; k++) {
      await sleep(Math.max(0, start + (k * 1000) / eventsPerSecond - Date.now()));
      emitted.push(emit());
    }
    await Promise.all(emitted);
    for (let i = 0; i < 300 && deliveries < total * subscribers.n; i++) await sleep(100);
    const cpu1 = await server.call('cpu');
    const cpuUs = cpu1.user - cpu0.user + (cpu1.system - cpu0.system);
    return { deliveries, expected: total * subscribers.n, perDelivery: cpuUs / deliveries, errors: subs.reduce((n, s) => n + s.errors.length, 0) };
  } finally {
    subs.forEach((s) => s.dispose());
    await sleep(500);
  }
}

export async function fanoutBench(app, floor) {
  const n = Number(process.env.FANOUT_SUBSCRIBERS ?? 1000);
  const rate = Number(process.env.FANOUT_EVENTS_PER_SECOND ?? 20);
  const seconds = Number(process.env.FANOUT_SECONDS ?? 10);
  const f = await measure(floor, { n, params: {}, query: 'subscription { tick { id body } }' }, () => floor.call('emit'), rate, seconds);

  const [{ staff, agents, token }] = await app.call('seed', { merchants: 1, agentsPerMerchant: 1 });
  const [sessionId] = await app.call('manualSessions', { staffId: staff.id, agentIds: [agents[0].id], contacts: ['fanout'] });
  let k = 0;
  const p = await measure(
    app,
    { n, params: { token }, query: `subscription { messageAdded(sessionId: ${sessionId}) { id seq content senderType createdAt } }` },
    () => app.call('agentSays', { token: agents[0].token, sessionId, text: `fan-out event ${k++}` }),
    rate,
    seconds,
  );
  console.log(`\n(d) fan-out: ${n} GraphQL subscribers, ${rate} events/s for ${seconds} s; server CPU per delivery`);
  console.log(`  delivered ${p.deliveries}/${p.expected} (floor ${f.deliveries}/${f.expected})${p.errors ? `, ${p.errors} subscription errors` : ''}`);
  console.log(versus('  CPU per delivery', p.perDelivery, f.perDelivery, us));
}

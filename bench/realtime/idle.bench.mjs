// (e) Idle connections on one instance: IDLE_CONNECTIONS logged-in agent consoles (/ws/kf, beats
// answered, merchants of 20 agents so each login also pushes login_push to colleagues), then as many
// graphql-ws connections with one `sessionChanged` subscription each. The figure is the server's
// memory growth divided by the connections, after a full GC before and after, against bare `ws`
// sockets and bare graphql-ws subscriptions on the floor. Each process may hold only as many
// sockets as its open-file limit: the count is capped below it (raise it with `ulimit -n`).
import { execFileSync } from 'node:child_process';
import { Socket, consoleLogin, kb, openMany, sleep, subscriber, versus, wsUrl } from './bench-kit.mjs';

const PER_MERCHANT = 20;

function connectionCount() {
  const wanted = Number(process.env.IDLE_CONNECTIONS ?? 20_000);
  const limit = Number(execFileSync('sh', ['-c', 'ulimit -n']).toString().trim());
  // Headroom for the server's own descriptors (database pool, Redis, logs, listening sockets: about 60)
  // and the driver's; with a hard limit of 20,000 that is 19,500 connections.
  const cap = Number.isFinite(limit) ? limit - 500 : wanted;
  if (wanted > cap) console.log(`\n(e) note: open-file limit ${limit}; ${cap} connections instead of ${wanted} (raise with ulimit -n)`);
  return Math.min(wanted, cap);
}

async function grow(server, n, open) {
  const before = await server.call('memory');
  const t0 = Date.now();
  const conns = await openMany(n, 100, open);
  const seconds = (Date.now() - t0) / 1000;
  await sleep(3000);
  const after = await server.call('memory');
  return { conns, seconds, rss: (after.rss - before.rss) / n, heap: (after.heapUsed - before.heapUsed) / n, external: (after.external - before.external) / n };
}

// heap: the V8 heap in use after a full GC, what the connection's objects hold; external: Buffers and
// other memory V8 tracks outside its heap. RSS also counts allocator high-water marks left by the
// logins' transient work, so it overstates what a connection keeps.
function print(label, p, f) {
  console.log(versus(`  ${label} RSS`, p.rss, f.rss, kb));
  console.log(versus(`  ${label} heap`, p.heap, f.heap, kb));
  console.log(versus(`  ${label} heap + external`, p.heap + p.external, f.heap + f.external, kb));
}

export async function idleBench(app, floor) {
  const n = connectionCount();
  const fWs = await grow(floor, n, (i) => Socket.open(wsUrl(floor, `/push/agent?key=idle-${i}`)));
  fWs.conns.forEach((s) => s.close());
  await sleep(2000);
  const fGql = await grow(floor, n, () => subscriber(wsUrl(floor, '/graphql'), {}, 'subscription { tick { id } }', () => {}));
  fGql.conns.forEach((s) => s.dispose());

  const seeded = await app.call('seed', { merchants: Math.ceil(n / PER_MERCHANT) + 1, agentsPerMerchant: PER_MERCHANT });
  const tokens = seeded.flatMap((m) => m.agents.map((a) => a.token));
  // Warm-up: the first logins load code paths and caches that are not per-connection costs.
  const warm = await Promise.all(tokens.splice(tokens.length - PER_MERCHANT).map((t) => consoleLogin(app.url, t)));
  warm.forEach((s) => s.close());
  await sleep(1000);
  const pKf = await grow(app, n, (i) => consoleLogin(app.url, tokens[i]));
  const open = pKf.conns.filter((s) => s.ws.readyState === s.ws.OPEN).length;
  pKf.conns.forEach((s) => s.close());
  // Each close marks its agent offline; let those finish (bounded).
  for (let i = 0; i < 240 && (await app.call('online')) > 0; i++) await sleep(500);
  const merchantTokens = seeded.map((m) => m.token);
  const pGql = await grow(app, n, (i) => subscriber(wsUrl(app, '/graphql'), { token: merchantTokens[i % merchantTokens.length] }, 'subscription { sessionChanged { kind } }', () => {}));
  const errors = pGql.conns.reduce((k, s) => k + s.errors.length, 0);
  pGql.conns.forEach((s) => s.dispose());

  console.log(`\n(e) idle connections on one instance: ${n} each (memory growth per connection after a full GC)`);
  console.log(`  agent consoles: ${open}/${n} stayed open, logged in in ${pKf.seconds.toFixed(1)} s; graphql-ws: ${n - errors}/${n} subscribed in ${pGql.seconds.toFixed(1)} s`);
  print('agent console /ws/kf vs bare ws', pKf, fWs);
  print('graphql-ws subscription', pGql, fGql);
}

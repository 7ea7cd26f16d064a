// Idle agent consoles one instance holds (npm run bench:ws-idle [-- --connections 2000]).
//
// Opens N logged-in, idle /ws/kf connections (beats answered, nothing else) to one server process
// and reports that process's memory growth divided by N, after a full GC before and after. The
// agents belong to merchants of 20, so each login also pushes login_push to its colleagues as in
// real use. Loopback only; every wait is bounded.
import { parseArgs } from 'node:util';
import { Socket, benchDatabase, benchRedisEnv, deadline, ensureBuild, startServer } from './bench-kit.mjs';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '2000' },
    'per-merchant': { type: 'string', default: '20' },
    batch: { type: 'string', default: '100' },
  },
});
const total = Number(values.connections);
const perMerchant = Number(values['per-merchant']);
const batch = Number(values.batch);
if (!(total > 0 && perMerchant > 0 && batch > 0)) throw new Error('--connections, --per-merchant and --batch must be positive numbers');
deadline(10 * 60_000);

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function login(url, token) {
  const s = await Socket.open(`${url.replace('http', 'ws')}/ws/kf`);
  s.send({ method: 'login', token });
  const reply = await s.json({ method: 'login' }, 30_000);
  if (reply.code !== 0) throw new Error(`login failed: ${JSON.stringify(reply)}`);
  s.clear();
  return s;
}

async function main() {
  ensureBuild();
  const db = await benchDatabase();
  const redisEnv = benchRedisEnv();
  const server = await startServer({ DATABASE_URL: db.url, ...redisEnv });
  const sockets = [];
  try {
    const merchants = Math.ceil(total / perMerchant) + 1;
    const seeded = await server.call('seed', { merchants, agentsPerMerchant: perMerchant });
    const tokens = seeded.flatMap((m) => m.agents.map((a) => a.token));
    const warmup = tokens.splice(tokens.length - perMerchant, perMerchant);

    // Warm-up: the first logins load code paths and caches that are not per-connection costs.
    const warm = await Promise.all(warmup.map((t) => login(server.url, t)));
    warm.forEach((s) => s.close());
    await new Promise((r) => setTimeout(r, 1000));
    const before = await server.call('memory');

    const started = Date.now();
    for (let i = 0; i < total; i += batch) {
      sockets.push(...(await Promise.all(tokens.slice(i, Math.min(total, i + batch)).map((t) => login(server.url, t)))));
    }
    const openMs = Date.now() - started;
    // Let the login_push fan-out and any buffered writes drain before measuring.
    await new Promise((r) => setTimeout(r, 3000));
    sockets.forEach((s) => s.clear());
    const after = await server.call('memory');
    const open = sockets.filter((s) => s.ws.readyState === s.ws.OPEN).length;
    if (open !== total) throw new Error(`only ${open} of ${total} connections stayed open`);

    const n = total;
    console.log(`idle /ws/kf connections: ${n} logged in (${merchants - 1} merchants × ${perMerchant} agents) in ${(openMs / 1000).toFixed(1)} s${redisEnv.REDIS_URL ? ', Redis mode' : ', in-process mode'}`);
    console.log(`server RSS       ${mb(before.rss)} → ${mb(after.rss)}: ${kb((after.rss - before.rss) / n)} per connection`);
    console.log(`server heap used ${mb(before.heapUsed)} → ${mb(after.heapUsed)}: ${kb((after.heapUsed - before.heapUsed) / n)} per connection`);
    console.log(`server external  ${mb(before.external)} → ${mb(after.external)}: ${kb((after.external - before.external) / n)} per connection`);
  } finally {
    sockets.forEach((s) => s.close());
    // Each close marks its agent offline; let those finish before the server stops (bounded).
    const closing = Date.now();
    for (let i = 0; i < 240 && (await server.call('online').catch(() => 0)) > 0; i++) await new Promise((r) => setTimeout(r, 500));
    if (sockets.length) console.log(`all ${sockets.length} agents offline ${((Date.now() - closing) / 1000).toFixed(1)} s after their sockets closed`);
    await server.stop();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

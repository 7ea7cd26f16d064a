// Every real-time figure as a ratio to a floor measured in the same run, on the same PostgreSQL
// (npm run bench:realtime [-- --only latency,load]). Sub-benches, floor and project back to back (latency: in turns):
//   latency  (a) one message at a time, contact → agent push: ai (answer included), pending, manual
//            (floor and project take turns in blocks of 50 rounds)
//   load     (b) open loop at LOAD_RATES messages/s (100,500,1000) for LOAD_SECONDS (30), 200 contacts, 20 agents
//   redis    (c) latency and load through two instances and Redis (REDIS_URL, else redis://127.0.0.1:6379)
//   fanout   (d) FANOUT_SUBSCRIBERS (1000) GraphQL subscribers at 20 events/s: server CPU per delivery
//   idle     (e) IDLE_CONNECTIONS (20000, capped by the open-file limit) agent consoles and graphql-ws subscriptions: memory each
//   history  (f) messages(sessionId, last 50) against a raw SELECT; { me } against bare Apollo
// LATENCY_MESSAGES (1000) sets the rounds of (a) and (c): a p99 of 200 is the third-worst round. DATABASE_URL: the PostgreSQL to use (a fresh database
// is made on it), else an embedded one. The floor is floor-server.mjs; the app is bench-server.mjs.
import { parseArgs } from 'node:util';
import { appEnv, benchDatabase, deadline, ensureBuild, startServer, versus } from './bench-kit.mjs';
import { fanoutBench } from './fanout.bench.mjs';
import { historyBench } from './history.bench.mjs';
import { idleBench } from './idle.bench.mjs';
import { latencyVersusFloor } from './latency.bench.mjs';
import { AGENTS, CONTACTS, floorLoad, projectLoad } from './load.bench.mjs';

const ALL = ['latency', 'load', 'redis', 'fanout', 'idle', 'history'];
const { values } = parseArgs({ options: { only: { type: 'string', default: process.env.BENCH_ONLY ?? ALL.join(',') } } });
const only = values.only.split(',').map((s) => s.trim()).filter(Boolean);
for (const name of only) if (!ALL.includes(name)) throw new Error(`unknown sub-bench ${name}; choose from ${ALL.join(', ')}`);
const num = (name, fallback) => {
  const v = Number(process.env[name] ?? fallback);
  if (!(v > 0)) throw new Error(`${name} must be a positive number`);
  return v;
};
const count = num('LATENCY_MESSAGES', 1000);
const rates = (process.env.LOAD_RATES ?? '100,500,1000').split(',').map(Number);
const seconds = num('LOAD_SECONDS', 30);
deadline(num('BENCH_TIMEOUT_MINUTES', 60) * 60_000);

function printLatency(title, project, floor) {
  console.log(`\n${title} (median / p99, ${project.ai.n} rounds each)`);
  for (const kind of ['ai', 'pending', 'manual']) {
    console.log(versus(`  ${kind} median`, project[kind].p50, floor[kind].p50));
    console.log(versus(`  ${kind} p99`, project[kind].p99, floor[kind].p99));
  }
}

function printLoad(title, project, floor) {
  console.log(`\n${title} (${CONTACTS} contacts, ${AGENTS} agents, ${seconds} s each; delays from the scheduled send)`);
  for (const rate of rates) {
    const p = project[rate];
    const f = floor[rate];
    const lost = p.sent - p.delivered;
    console.log(`  ${rate} msg/s: delivered ${p.delivered}/${p.sent}${lost ? ` (${lost} LOST)` : ' (none lost)'}; floor ${f.delivered}/${f.sent}; ${p.statements.toFixed(1)} SQL statements and ${p.cpuMs.toFixed(2)} ms of server CPU per message`);
    console.log(versus(`    p50`, p.p50, f.p50));
    console.log(versus(`    p99`, p.p99, f.p99));
  }
}

async function withServers(db, redis, fn) {
  const env = appEnv(db.url, redis);
  const first = await startServer(env);
  // The second starts after the first migrated the fresh database.
  const second = redis.REDIS_URL ? await startServer(env) : first;
  try {
    return await fn(first, second);
  } finally {
    await first.stop();
    if (second !== first) await second.stop();
  }
}

async function main() {
  ensureBuild();
  const db = await benchDatabase();
  const floor = await startServer({ DATABASE_URL: db.url }, 'floor-server.mjs');
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = { REDIS_URL: redisUrl, REDIS_PREFIX: `cs-bench-${process.pid}-${Date.now()}:` };
  console.log(`real-time benchmarks, ratios to the floor (bare ws + pg, graphql-ws, Apollo) measured back to back; ${new Date().toISOString()}`);
  try {
    if (only.includes('latency')) {
      const { project, floor: f } = await withServers(db, {}, (a) => latencyVersusFloor(floor, a, a, count));
      printLatency('(a) contact → agent push, one instance', project, f);
    }
    if (only.includes('load')) {
      const f = await floorLoad(floor, rates, seconds);
      const p = await withServers(db, {}, (a) => projectLoad(a, a, rates, seconds));
      printLoad('(b) open-loop load, one instance', p, f);
    }
    if (only.includes('redis')) {
      const { project, floor: f } = await withServers(db, redis, (agentSide, contactSide) => latencyVersusFloor(floor, agentSide, contactSide, count));
      printLatency(`(c) contact → agent push, contact and agent on two instances through Redis`, project, f);
      const fl = await floorLoad(floor, rates, seconds);
      const pl = await withServers(db, redis, (agentSide, contactSide) => projectLoad(agentSide, contactSide, rates, seconds));
      printLoad('(c) open-loop load, two instances through Redis', pl, fl);
    }
    if (only.includes('fanout')) {
      await withServers(db, {}, (app) => fanoutBench(app, floor));
    }
    if (only.includes('idle')) {
      await withServers(db, {}, (app) => idleBench(app, floor));
    }
    if (only.includes('history')) {
      await withServers(db, {}, (app) => historyBench(app, floor, db.url));
    }
  } finally {
    await floor.stop();
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

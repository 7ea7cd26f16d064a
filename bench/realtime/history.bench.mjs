// (f) Reads: GraphQL `messages(sessionId, after, limit: 50)` for the last 50 of 200 messages against a
// raw SELECT of the same rows (pg, from the driver), and `{ me { role } }` against bare Apollo Server,
// HISTORY_ROUNDS (300) sequential requests each over one keep-alive HTTP client.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { stats, versus } from './bench-kit.mjs';

async function timed(rounds, fn) {
  for (let i = 0; i < 20; i++) await fn();
  const delays = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    delays.push(performance.now() - t0);
  }
  return stats(delays);
}

async function graphql(url, query, variables, token) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export async function historyBench(app, floor, dbUrl) {
  const rounds = Number(process.env.HISTORY_ROUNDS ?? 300);
  const [{ staff, agents, token }] = await app.call('seed', { merchants: 1, agentsPerMerchant: 1 });
  const [sessionId] = await app.call('manualSessions', { staffId: staff.id, agentIds: [agents[0].id], contacts: ['history'] });
  let lastSeq = 0;
  for (let i = 0; i < 200; i++) lastSeq = await app.call('agentSays', { token: agents[0].token, sessionId, text: `history message ${i}, long enough to be a real reply` });

  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const select = { name: 'history', text: 'select id, seq, content, sender_type, sender_id, msg_type, payload, created_at from message where session_id = $1 and seq > $2 order by seq limit 50', values: [sessionId, lastSeq - 50] };
    const raw = await timed(rounds, async () => {
      if ((await client.query(select)).rowCount !== 50) throw new Error('raw select: not 50 rows');
    });
    const query = 'query($s: Int!, $a: Int) { messages(sessionId: $s, after: $a, limit: 50) { id seq content senderType senderId msgType createdAt } }';
    const history = await timed(rounds, async () => {
      if ((await graphql(`${app.url}/graphql`, query, { s: sessionId, a: lastSeq - 50 }, token)).messages.length !== 50) throw new Error('messages: not 50 rows');
    });
    const me = await timed(rounds, () => graphql(`${app.url}/graphql`, '{ me { role } }', {}, token));
    const bare = await timed(rounds, () => graphql(floor.apolloUrl, '{ me { role } }', {}));
    console.log(`\n(f) reads, ${rounds} sequential requests each (median / p99)`);
    console.log(versus('  messages(last 50) median', history.p50, raw.p50));
    console.log(versus('  messages(last 50) p99', history.p99, raw.p99));
    console.log(versus('  { me } median', me.p50, bare.p50));
    console.log(versus('  { me } p99', me.p99, bare.p99));
  } finally {
    await client.end();
  }
}

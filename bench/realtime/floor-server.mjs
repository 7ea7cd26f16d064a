// The floor the real-time benchmarks compare with, as a child process like bench-server.mjs: the least
// a server can do for each figure on the same machine and PostgreSQL. No auth, no rules, no ORM.
//   /push/agent?key=K    an agent socket; /push/contact?key=K&answer=0|1 a contact socket whose every
//                        frame is INSERTed with one pg pool, then pushed to agent K (answer=1: a second
//                        INSERT and push, the AI's answer)
//   /graphql             bare graphql-ws: subscription `tick` (fed by the `emit` IPC call, one INSERT each)
//   apolloUrl            bare Apollo Server over HTTP answering `{ me { role } }` with a constant
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Repeater } from '@repeaterjs/repeater';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import pg from 'pg';
import { WebSocketServer } from 'ws';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query('create table if not exists floor_message (id bigserial primary key, contact text not null, body text not null, created_at timestamptz not null default now())');
const INSERT = { name: 'floor-insert', text: 'insert into floor_message (contact, body) values ($1, $2) returning id, created_at' };
const insert = async (contact, body) => (await pool.query({ ...INSERT, values: [contact, body] })).rows[0];

const agents = new Map();
const push = new WebSocketServer({ noServer: true });
push.on('connection', (ws, req) => {
  const url = new URL(req.url, 'http://floor');
  const key = url.searchParams.get('key');
  if (url.pathname === '/push/agent') {
    agents.set(key, ws);
    ws.on('close', () => agents.get(key) === ws && agents.delete(key));
    return;
  }
  const answer = url.searchParams.get('answer') === '1';
  ws.on('message', async (data) => {
    const text = data.toString();
    const row = await insert(key, text);
    agents.get(key)?.send(JSON.stringify({ id: row.id, text, at: row.created_at }));
    if (!answer) return;
    const reply = await insert(key, `answer to ${text}`);
    agents.get(key)?.send(JSON.stringify({ id: reply.id, text, answer: true, at: reply.created_at }));
  });
});

// graphql-ws with one in-process listener set: what any subscription server does at least.
const listeners = new Set();
const schema = buildSchema('type Query { me: Viewer } type Viewer { role: String } type Tick { id: ID! body: String! } type Subscription { tick: Tick! }');
const roots = {
  me: () => ({ role: 'MERCHANT' }),
  tick: () =>
    new Repeater(async (pushTick, stop) => {
      const l = (t) => void pushTick({ tick: t });
      listeners.add(l);
      await stop;
      listeners.delete(l);
    }),
};
const gql = new WebSocketServer({ noServer: true });
useServer({ schema, roots: { query: roots, subscription: roots } }, gql);

const server = http.createServer((_req, res) => res.writeHead(404).end());
server.on('upgrade', (req, socket, head) => {
  const target = req.url.startsWith('/graphql') ? gql : push;
  target.handleUpgrade(req, socket, head, (ws) => target.emit('connection', ws, req));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));

const apollo = new ApolloServer({ typeDefs: 'type Query { me: Viewer } type Viewer { role: String }', resolvers: { Query: { me: () => ({ role: 'MERCHANT' }) } } });
const { url: apolloUrl } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });

async function memory() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage();
}

const handlers = {
  memory,
  cpu: () => process.cpuUsage(),
  async emit() {
    const row = await insert('fanout', randomUUID());
    const tick = { id: String(row.id), body: 'fan-out event' };
    listeners.forEach((l) => l(tick));
    return listeners.size;
  },
};
process.on('message', async ({ id, type, payload }) => {
  try {
    process.send({ id, result: await handlers[type](payload) });
  } catch (err) {
    process.send({ id, error: err instanceof Error ? err.stack : String(err) });
  }
});
process.on('disconnect', () => {
  Promise.allSettled([apollo.stop(), pool.end()]).finally(() => process.exit(0));
});
process.send({ type: 'ready', url: `http://127.0.0.1:${server.address().port}`, apolloUrl, gc: typeof globalThis.gc === 'function' });

// Delay from a contact's message on /ws to its push on an agent console (/ws/kf)
// (npm run bench:push-latency [-- --messages 200]).
//
// One contact hands its chat to a person; then it sends N messages one at a time while the session
// waits (each pushed as wait_list_push), and N more after the agent accepted it (connect_list_push).
// Each delay runs from sending the frame to the push arriving; the next message goes once the push
// and the contact's own reply have both arrived. With REDIS_URL set it runs two server processes
// sharing the database and Redis, the contact on one and the agent on the other.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Socket, basicAuth, benchDatabase, benchRedisEnv, deadline, ensureBuild, percentile, startServer } from './bench-kit.mjs';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '200' } } });
const count = Number(values.messages);
if (!(count > 0)) throw new Error('--messages must be a positive number');
deadline(10 * 60_000);

const EOF_FRAME = '|=EOF=|';
const textOf = (push) => push.user_query?.[0]?.value?.text;

function summary(label, delays) {
  const s = [...delays].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  const ms = (v) => `${v.toFixed(2)} ms`;
  return `${label.padEnd(18)} n=${s.length}  median ${ms(percentile(s, 50))}  p90 ${ms(percentile(s, 90))}  p99 ${ms(percentile(s, 99))}  mean ${ms(mean)}  max ${ms(s[s.length - 1])}`;
}

async function measure(contact, agentConsole, method, n, tag) {
  const delays = [];
  for (let i = 0; i < n; i++) {
    const text = `${tag} message ${i}`;
    const pushed = agentConsole.waitFor((f) => f.includes(`"${method}"`) && textOf(JSON.parse(f)) === text);
    const answered = contact.waitFor((f) => f === EOF_FRAME);
    const t0 = performance.now();
    contact.send({ action: 'chat', content: text });
    await pushed;
    delays.push(performance.now() - t0);
    await answered;
    contact.clear();
    agentConsole.clear();
  }
  return delays;
}

async function main() {
  ensureBuild();
  const db = await benchDatabase();
  const redisEnv = benchRedisEnv();
  // One contact sends every measured message: its per-minute limit is lifted for the run.
  const env = { DATABASE_URL: db.url, CHAT_MESSAGES_PER_CONTACT_PER_MINUTE: '100000', CHAT_MESSAGES_PER_STAFF_PER_MINUTE: '1000000', ...redisEnv };
  const agentSide = await startServer(env);
  // Started after the first, which migrated the fresh database.
  const contactSide = redisEnv.REDIS_URL ? await startServer(env) : agentSide;
  const sockets = [];
  try {
    const [{ staff, agents }] = await agentSide.call('seed', { merchants: 1, agentsPerMerchant: 1 });
    const ws = (server, p) => `${server.url.replace('http', 'ws')}${p}`;
    const agentConsole = await Socket.open(ws(agentSide, '/ws/kf'));
    sockets.push(agentConsole);
    agentConsole.send({ method: 'login', token: agents[0].token });
    if ((await agentConsole.json({ method: 'login' })).code !== 0) throw new Error('agent login failed');

    const contact = await Socket.open(ws(contactSide, '/ws?contact_id=bench-contact'), basicAuth(staff.apiKey, staff.secretKey));
    sockets.push(contact);
    const queued = agentConsole.json({ method: 'wait_list_push' });
    contact.send({ action: 'chat', content: 'talk to a human' });
    await queued;
    await contact.waitFor((f) => f === EOF_FRAME);
    await new Promise((r) => setTimeout(r, 200));
    contact.clear();
    agentConsole.clear();

    // A few unmeasured rounds first, so JIT warm-up is not counted.
    await measure(contact, agentConsole, 'wait_list_push', 10, 'warm-up');
    const waiting = await measure(contact, agentConsole, 'wait_list_push', count, 'queued');

    agentConsole.send({ method: 'connect', userid: 'bench-contact' });
    if ((await agentConsole.json({ method: 'connect' })).code !== 0) throw new Error('connect failed');
    await new Promise((r) => setTimeout(r, 200));
    contact.clear();
    agentConsole.clear();
    const accepted = await measure(contact, agentConsole, 'connect_list_push', count, 'accepted');

    console.log(`push delay, contact message on /ws → agent console on /ws/kf (${redisEnv.REDIS_URL ? 'two instances through Redis' : 'one instance, in-process events'})`);
    console.log(summary('wait_list_push', waiting));
    console.log(summary('connect_list_push', accepted));
    console.log(summary('all', [...waiting, ...accepted]));
  } finally {
    sockets.forEach((s) => s.close());
    await new Promise((r) => setTimeout(r, 500));
    await agentSide.stop();
    if (contactSide !== agentSide) await contactSide.stop();
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

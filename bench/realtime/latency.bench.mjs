// (a) One message at a time, contact → agent: the delay from sending the frame to the push, for a
// session the AI answers (until the answer reaches the agent's /ws/cs), one waiting in the queue
// (wait_list_push on /ws/kf) and one an agent holds (connect_list_push). The next message goes once
// the push and the contact's own reply have both arrived. The floor: INSERT then push (the AI case:
// twice, the answer's INSERT and push included). Floor and project take turns in blocks of BLOCK
// rounds, so a passing disturbance of the machine (autovacuum, a neighbour on the host) falls on both
// alike: measured one after the other, the same floor's p99 came out 0.7 ms in one half and 3.6 ms in
// the other.
import { performance } from 'node:perf_hooks';
import { Socket, basicAuth, consoleLogin, sleep, stats, wsUrl } from './bench-kit.mjs';

const EOF_FRAME = '|=EOF=|';
const textOf = (push) => push.user_query?.[0]?.value?.text;
const isJson = (f) => f.startsWith('{');
const BLOCK = 50;
const SETTLE_MS = 20;
const KINDS = ['ai', 'pending', 'manual'];

async function rounds(n, { send, pushed, answered = () => Promise.resolve(), reset }) {
  const delays = [];
  for (let i = 0; i < n; i++) {
    const text = `round ${i} ${performance.now().toFixed(3)}`;
    const push = pushed(text);
    const reply = answered(text);
    const t0 = performance.now();
    send(text);
    await push;
    delays.push(performance.now() - t0);
    await reply;
    reset();
  }
  return delays;
}

/** The floor's three cases, as round runners: an answered round trip (two INSERTs and pushes) and a plain one (pending and manual: the floor has no queue or owner). */
async function floorRunners(floor) {
  const agent = await Socket.open(wsUrl(floor, '/push/agent?key=latency'));
  const plain = await Socket.open(wsUrl(floor, '/push/contact?key=latency&answer=0'));
  const answered = await Socket.open(wsUrl(floor, '/push/contact?key=latency&answer=1'));
  const run = (contact, answer) => (n) =>
    rounds(n, {
      send: (text) => contact.send(text),
      pushed: (text) => agent.waitFor((f) => { const v = JSON.parse(f); return v.text === text && !!v.answer === answer; }),
      reset: () => agent.clear(),
    });
  return {
    runners: { ai: run(answered, true), pending: run(plain, false), manual: run(plain, false) },
    prepare: async () => {},
    close: () => [agent, plain, answered].forEach((s) => s.close()),
  };
}

/** The project's three cases as round runners: agent on `agentSide`, contacts on `contactSide` (the same server, or another instance through Redis). `prepare(kind)` puts the sessions in place, in the order ai, pending, manual. */
async function projectRunners(agentSide, contactSide) {
  const [{ staff, agents }] = await agentSide.call('seed', { merchants: 1, agentsPerMerchant: 1 });
  const agent = agents[0];
  const auth = basicAuth(staff.apiKey, staff.secretKey);
  const opened = [];
  const open = async (socket) => (opened.push(await socket), opened.at(-1));
  let kf, cs, aiContact, contact;
  try {
    kf = await open(consoleLogin(agentSide.url, agent.token));
    cs = await open(Socket.open(wsUrl(agentSide, `/ws/cs/${agent.id}?token=${agent.token}`)));
    aiContact = await open(Socket.open(wsUrl(contactSide, '/ws?contact_id=bench-ai'), auth));
    contact = await open(Socket.open(wsUrl(contactSide, '/ws?contact_id=bench-contact'), auth));
  } catch (err) {
    opened.forEach((s) => s.close());
    throw err;
  }

  const consoleRun = (method) => (n) =>
    rounds(n, {
      send: (text) => contact.send({ action: 'chat', content: text }),
      pushed: (text) => kf.waitFor((f) => f.includes(`"${method}"`) && textOf(JSON.parse(f)) === text),
      answered: () => contact.waitFor((f) => f === EOF_FRAME),
      reset: () => {
        contact.clear();
        kf.clear();
      },
    });
  const runners = {
    ai: (n) =>
      rounds(n, {
        send: () => aiContact.send({ action: 'chat', content: 'hello' }),
        pushed: () => cs.waitFor((f) => isJson(f) && JSON.parse(f).type === 'new_message' && JSON.parse(f).data.senderType === 'ai'),
        answered: () => aiContact.waitFor((f) => f === EOF_FRAME),
        reset: () => {
          cs.clear();
          aiContact.clear();
        },
      }),
    pending: consoleRun('wait_list_push'),
    manual: consoleRun('connect_list_push'),
  };
  const prepare = {
    // An AI session, followed by the agent's workbench: small talk is answered without a handoff.
    ai: async () => {
      aiContact.send({ action: 'chat', content: 'hello' });
      await aiContact.waitFor((f) => f === EOF_FRAME);
      const sessionId = await agentSide.call('sessionOf', { staffId: staff.id, externalId: 'bench-ai' });
      cs.send({ type: 'bind_session', sessionId: String(sessionId) });
      await cs.json({ type: 'session_bound' });
    },
    // A waiting session, then the same one held by the agent.
    pending: async () => {
      const queued = kf.json({ method: 'wait_list_push' });
      contact.send({ action: 'chat', content: 'talk to a human' });
      await queued;
      await contact.waitFor((f) => f === EOF_FRAME);
    },
    manual: async () => {
      kf.send({ method: 'connect', userid: 'bench-contact' });
      if ((await kf.json({ method: 'connect' })).code !== 0) throw new Error('connect failed');
    },
  };
  return {
    runners,
    prepare: async (kind) => {
      await prepare[kind]();
      await sleep(200);
      [contact, kf, cs, aiContact].forEach((s) => s.clear());
    },
    close: () => [kf, cs, aiContact, contact].forEach((s) => s.close()),
  };
}

/**
 * Floor and project, `count` rounds of each case, taking turns in blocks (agent on `agentSide`, contacts
 * on `contactSide`). Answers { project, floor }, each { ai, pending, manual } stats.
 */
export async function latencyVersusFloor(floorServer, agentSide, contactSide, count) {
  const floor = await floorRunners(floorServer);
  let project;
  try {
    project = await projectRunners(agentSide, contactSide);
    const out = { project: {}, floor: {} };
    for (const kind of KINDS) {
      await project.prepare(kind);
      await floor.runners[kind](20);
      await project.runners[kind](10);
      const f = [];
      const p = [];
      while (p.length < count) {
        const n = Math.min(BLOCK, count - p.length);
        // A pause at each turn: what one side still does after its last round does not fall on the other's first.
        await sleep(SETTLE_MS);
        f.push(...(await floor.runners[kind](n)));
        await sleep(SETTLE_MS);
        p.push(...(await project.runners[kind](n)));
      }
      out.floor[kind] = stats(f);
      out.project[kind] = stats(p);
    }
    return out;
  } finally {
    floor.close();
    project?.close();
  }
}

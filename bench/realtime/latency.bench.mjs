// (a) One message at a time, contact → agent: the delay from sending the frame to the push, for a
// session the AI answers (until the answer reaches the agent's /ws/cs), one waiting in the queue
// (wait_list_push on /ws/kf) and one an agent holds (connect_list_push). The next message goes once
// the push and the contact's own reply have both arrived. The floor: INSERT then push (the AI case:
// twice, the answer's INSERT and push included).
import { performance } from 'node:perf_hooks';
import { Socket, basicAuth, consoleLogin, sleep, stats, wsUrl } from './bench-kit.mjs';

const EOF_FRAME = '|=EOF=|';
const textOf = (push) => push.user_query?.[0]?.value?.text;
const isJson = (f) => f.startsWith('{');

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

/** The floor's three cases: an answered round trip (two INSERTs and pushes) and a plain one. */
export async function floorLatency(floor, count) {
  const agent = await Socket.open(wsUrl(floor, '/push/agent?key=latency'));
  const plain = await Socket.open(wsUrl(floor, '/push/contact?key=latency&answer=0'));
  const answered = await Socket.open(wsUrl(floor, '/push/contact?key=latency&answer=1'));
  try {
    const run = (contact, answer, n) =>
      rounds(n, {
        send: (text) => contact.send(text),
        pushed: (text) => agent.waitFor((f) => { const v = JSON.parse(f); return v.text === text && !!v.answer === answer; }),
        reset: () => agent.clear(),
      });
    await run(plain, false, 20);
    await run(answered, true, 20);
    const ai = await run(answered, true, count);
    const plainDelays = await run(plain, false, count * 2);
    // The floor has no queue or owner: one plain figure for both.
    return { ai: stats(ai), pending: stats(plainDelays.slice(0, count)), manual: stats(plainDelays.slice(count)) };
  } finally {
    [agent, plain, answered].forEach((s) => s.close());
  }
}

/** The project: agent on `agentSide`, contacts on `contactSide` (the same server, or another instance through Redis). */
export async function projectLatency(agentSide, contactSide, count) {
  const [{ staff, agents }] = await agentSide.call('seed', { merchants: 1, agentsPerMerchant: 1 });
  const agent = agents[0];
  const auth = basicAuth(staff.apiKey, staff.secretKey);
  const sockets = [];
  try {
    const kf = await consoleLogin(agentSide.url, agent.token);
    const cs = await Socket.open(wsUrl(agentSide, `/ws/cs/${agent.id}?token=${agent.token}`));
    const aiContact = await Socket.open(wsUrl(contactSide, '/ws?contact_id=bench-ai'), auth);
    const contact = await Socket.open(wsUrl(contactSide, '/ws?contact_id=bench-contact'), auth);
    sockets.push(kf, cs, aiContact, contact);

    // An AI session, followed by the agent's workbench: small talk is answered without a handoff.
    aiContact.send({ action: 'chat', content: 'hello' });
    await aiContact.waitFor((f) => f === EOF_FRAME);
    const sessionId = await agentSide.call('sessionOf', { staffId: staff.id, externalId: 'bench-ai' });
    cs.send({ type: 'bind_session', sessionId: String(sessionId) });
    await cs.json({ type: 'session_bound' });
    const aiRun = (n) =>
      rounds(n, {
        send: () => aiContact.send({ action: 'chat', content: 'hello' }),
        pushed: () => cs.waitFor((f) => isJson(f) && JSON.parse(f).type === 'new_message' && JSON.parse(f).data.senderType === 'ai'),
        answered: () => aiContact.waitFor((f) => f === EOF_FRAME),
        reset: () => {
          cs.clear();
          aiContact.clear();
        },
      });
    await aiRun(10);
    const ai = await aiRun(count);

    // A waiting session, then the same one held by the agent.
    const queued = kf.json({ method: 'wait_list_push' });
    contact.send({ action: 'chat', content: 'talk to a human' });
    await queued;
    await contact.waitFor((f) => f === EOF_FRAME);
    await sleep(200);
    const consoleRun = (method, n) =>
      rounds(n, {
        send: (text) => contact.send({ action: 'chat', content: text }),
        pushed: (text) => kf.waitFor((f) => f.includes(`"${method}"`) && textOf(JSON.parse(f)) === text),
        answered: () => contact.waitFor((f) => f === EOF_FRAME),
        reset: () => {
          contact.clear();
          kf.clear();
        },
      });
    contact.clear();
    kf.clear();
    await consoleRun('wait_list_push', 10);
    const pending = await consoleRun('wait_list_push', count);
    kf.send({ method: 'connect', userid: 'bench-contact' });
    if ((await kf.json({ method: 'connect' })).code !== 0) throw new Error('connect failed');
    await sleep(200);
    contact.clear();
    kf.clear();
    await consoleRun('connect_list_push', 10);
    const manual = await consoleRun('connect_list_push', count);
    return { ai: stats(ai), pending: stats(pending), manual: stats(manual) };
  } finally {
    sockets.forEach((s) => s.close());
  }
}

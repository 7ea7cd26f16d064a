// (b) Open-loop load: messages sent on a fixed schedule (not when the previous one arrived) by 200
// contacts to 20 agents who hold their sessions, at a given rate for a given time. Each delay runs
// from the message's scheduled time to its push on the agent's console, so a server that falls
// behind is charged for the wait. Messages not pushed within the drain time count as lost.
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { basicAuth, consoleLogin, sleep, stats, wsUrl } from './bench-kit.mjs';

export const CONTACTS = 200;
export const AGENTS = 20;
const DRAIN_MS = 15_000;

async function open(url, headers = {}) {
  const ws = new WebSocket(url, { headers });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

/** Sends `rate × seconds` messages round-robin over `senders`; `receivers` wires the delivered callback into the receiving sockets. */
async function openLoop(senders, rate, seconds, tag, receivers) {
  const sentAt = new Map();
  const delays = [];
  receivers((text) => {
    const t = sentAt.get(text);
    if (t === undefined) return;
    sentAt.delete(text);
    delays.push(performance.now() - t);
  });
  const total = Math.round(rate * seconds);
  const start = performance.now() + 20;
  let k = 0;
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      for (; k < total && start + (k * 1000) / rate <= now; k++) {
        const text = `${tag}-${k}`;
        sentAt.set(text, start + (k * 1000) / rate);
        senders[k % senders.length](text);
      }
      if (k >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 1);
  });
  const sendSeconds = (performance.now() - start) / 1000;
  // Drain: until everything arrived, or nothing has for a while.
  for (let idle = 0, last = delays.length; sentAt.size && idle < DRAIN_MS; idle = delays.length === last ? idle + 100 : 0, last = delays.length) await sleep(100);
  return { ...stats(delays), sent: total, delivered: delays.length, sendSeconds };
}

export async function floorLoad(floor, rates, seconds) {
  const agents = await Promise.all(Array.from({ length: AGENTS }, (_, j) => open(wsUrl(floor, `/push/agent?key=load-${j}`))));
  const contacts = await Promise.all(Array.from({ length: CONTACTS }, (_, i) => open(wsUrl(floor, `/push/contact?key=load-${i % AGENTS}&answer=0`))));
  try {
    const out = {};
    for (const rate of rates) {
      out[rate] = await openLoop(
        contacts.map((c) => (text) => c.send(text)),
        rate,
        seconds,
        `floor${rate}`,
        (delivered) => agents.forEach((a) => a.removeAllListeners('message').on('message', (d) => delivered(JSON.parse(d.toString()).text))),
      );
    }
    return out;
  } finally {
    [...agents, ...contacts].forEach((s) => s.close());
  }
}

export async function projectLoad(agentSide, contactSide, rates, seconds) {
  const [{ staff, agents }] = await agentSide.call('seed', { merchants: 1, agentsPerMerchant: AGENTS });
  const names = Array.from({ length: CONTACTS }, (_, i) => `load-${i}`);
  await agentSide.call('manualSessions', { staffId: staff.id, agentIds: agents.map((a) => a.id), contacts: names });
  const consoles = await Promise.all(agents.map((a) => consoleLogin(agentSide.url, a.token)));
  const auth = basicAuth(staff.apiKey, staff.secretKey);
  const contacts = await Promise.all(names.map((n) => open(wsUrl(contactSide, `/ws?contact_id=${n}`), auth)));
  await sleep(500);
  try {
    const out = {};
    for (const rate of rates) {
      await Promise.all([agentSide.call('queries'), contactSide.call('queries')]);
      const cpu0 = await agentSide.call('cpu');
      out[rate] = await openLoop(
        contacts.map((c) => (text) => c.send(JSON.stringify({ action: 'chat', content: text }))),
        rate,
        seconds,
        `app${rate}`,
        (delivered) =>
          consoles.forEach((s) => {
            s.ws.removeAllListeners('message').on('message', (d) => {
              const f = d.toString();
              if (f === 'beat') return void s.ws.send('beat');
              if (!f.includes('"connect_list_push"')) return;
              delivered(JSON.parse(f).user_query?.[0]?.value?.text);
            });
          }),
      );
      // Statements the servers sent during the run (background jobs included), per message.
      const counts = await Promise.all([agentSide.call('queries'), ...(contactSide === agentSide ? [] : [contactSide.call('queries')])]);
      const merged = {};
      for (const c of counts) for (const [k, n] of Object.entries(c)) merged[k] = (merged[k] ?? 0) + n;
      out[rate].statements = Object.values(merged).reduce((a, b) => a + b, 0) / out[rate].sent;
      const cpu1 = await agentSide.call('cpu');
      out[rate].cpuMs = (cpu1.user - cpu0.user + cpu1.system - cpu0.system) / 1000 / out[rate].sent;
      if (process.env.BENCH_VERBOSE) console.log(merged);
    }
    return out;
  } finally {
    consoles.forEach((s) => s.close());
    contacts.forEach((c) => c.close());
  }
}

// Child process of the real-time benchmarks: the real app from dist/, plus an IPC channel the driver
// uses to seed data straight through the ORM (no mail, no password hashing) and to read this
// process's memory after a full GC. Started by bench-kit.mjs with --expose-gc.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import v8 from 'node:v8';
import { startApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/core/config.js';
import { createLogger } from '../../dist/core/logger.js';
import { Agent } from '../../dist/entities/agent/agent.entity.js';
import { TokenRole } from '../../dist/entities/auth/auth-token.entity.js';
import { Contact } from '../../dist/entities/contact/contact.entity.js';
import { Merchant } from '../../dist/entities/merchant/merchant.entity.js';
import { Session } from '../../dist/entities/session/session.entity.js';
import { Staff } from '../../dist/entities/staff/staff.entity.js';

// Statements sent to PostgreSQL, by their first words: the `queries` call answers them (and starts
// counting again), so a run can say how many round trips one message costs.
const statements = new Map();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
  const text = typeof config === 'string' ? config : config?.text;
  if (text) {
    // Literals folded, so a statement with its values inlined is one key, not one kept string per call
    // (which would count as the app's memory in the idle benchmark).
    const key = text.replace(/\s+/g, ' ').replace(/'(?:[^']|'')*'/g, "'…'").replace(/\b\d+\b/g, 'N').slice(0, 60);
    statements.set(key, (statements.get(key) ?? 0) + 1);
  }
  return query.call(this, config, ...rest);
};

const config = loadConfig(process.env);
const log = createLogger(config.logLevel);
const app = await startApp(config, log);

/** `merchants` merchants, each with one staff and `agentsPerMerchant` agents; answers their keys and tokens (the merchant's too). */
async function seed({ merchants, agentsPerMerchant }) {
  const tag = randomBytes(4).toString('hex');
  const out = [];
  for (let m = 0; m < merchants; m++) {
    const em = app.orm.em.fork();
    const merchant = new Merchant(`bench_${tag}_${m}`, `bench-${tag}-${m}@bench.invalid`, 'no-login');
    await em.persist(merchant).flush();
    const { token } = await app.services.tokens.issue(em, TokenRole.Merchant, merchant.id, merchant.id);
    const ctx = await app.services.contexts.forToken(token, { requestId: 'bench-seed', ip: '127.0.0.1' });
    // Through the service, so the staff gets its keys and trial period like a real one.
    const staff = await app.services.staff.create(ctx, { name: 'Bench staff', orgName: 'Bench', languageResponse: 'English' });
    const agents = [];
    for (let i = 0; i < agentsPerMerchant; i++) {
      const agent = new Agent({ merchant, userName: `bench_${tag}_${m}_${i}`, passwordHash: 'no-login', name: `Agent ${m}-${i}` });
      agent.staffs.add(staff);
      agents.push(agent);
    }
    await em.persist(agents).flush();
    const tokens = [];
    for (const agent of agents) tokens.push({ id: agent.id, token: (await app.services.tokens.issue(em, TokenRole.Agent, agent.id, merchant.id)).token });
    out.push({ merchantId: merchant.id, token, staff: { id: staff.id, apiKey: staff.apiKey, secretKey: staff.secretKey }, agents: tokens });
  }
  return out;
}

async function memory() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  return { ...process.memoryUsage(), spaces: Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }])) };
}

/** Agents not offline: a closed console marks its agent offline a moment after the socket goes. */
async function online() {
  return app.orm.em.fork().count(Agent, { status: { $ne: 0 } });
}

/** Web-chat contacts of the staff, each in a session an agent already holds (agentIds[i % n]); answers the session ids. */
async function manualSessions({ staffId, agentIds, contacts }) {
  const em = app.orm.em.fork();
  const staff = await em.findOneOrFail(Staff, staffId, { populate: ['merchant'] });
  const agents = await em.find(Agent, { id: { $in: agentIds } });
  const byId = new Map(agents.map((a) => [a.id, a]));
  const now = new Date();
  const sessions = contacts.map((externalId, i) => {
    const contact = new Contact({ merchant: staff.merchant, staff, channel: 'web', externalId });
    const session = new Session({ merchant: staff.merchant, staff, contact, channel: 'web' });
    session.handOff('requested', now);
    session.accept(byId.get(agentIds[i % agentIds.length]), now);
    em.persist([contact, session]);
    return session;
  });
  await em.flush();
  return sessions.map((s) => s.id);
}

/** The open session of a web-chat contact of the staff. */
async function sessionOf({ staffId, externalId }) {
  const s = await app.orm.em.fork().findOneOrFail(Session, { staff: staffId, contact: { channel: 'web', externalId }, status: { $ne: 'closed' } });
  return s.id;
}

/** An agent's reply through the agent desk service, as a console or GraphQL would send it. */
async function agentSays({ token, sessionId, text }) {
  const ctx = await app.services.contexts.forToken(token, { requestId: 'bench-agent', ip: '127.0.0.1' });
  const m = await app.services.sessions.sendAsAgent(ctx, sessionId, { content: text });
  return m.seq;
}

function queries() {
  const out = Object.fromEntries(statements);
  statements.clear();
  return out;
}

const handlers = { snapshot: ({ file }) => { globalThis.gc?.(); return v8.writeHeapSnapshot(file); }, queries, seed, memory, online, manualSessions, sessionOf, agentSays, cpu: () => process.cpuUsage() };
process.on('message', async ({ id, type, payload }) => {
  // A call still running when the driver went away has no one to answer.
  const answer = (msg) => process.connected && process.send(msg);
  try {
    answer({ id, result: await handlers[type](payload) });
  } catch (err) {
    answer({ id, error: err instanceof Error ? err.stack : String(err) });
  }
});
// The driver went away (finished or crashed): stop too.
process.on('disconnect', () => {
  app.close().finally(() => process.exit(0));
});
process.send({ type: 'ready', url: app.url, gc: typeof globalThis.gc === 'function' });

// Child process of the real-time benchmarks: the real app from dist/, plus an IPC channel the driver
// uses to seed data straight through the ORM (no mail, no password hashing) and to read this
// process's memory after a full GC. Started by bench-kit.mjs with --expose-gc.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { startApp } from '../../dist/app.js';
import { loadConfig } from '../../dist/core/config.js';
import { createLogger } from '../../dist/core/logger.js';
import { Agent } from '../../dist/entities/agent/agent.entity.js';
import { TokenRole } from '../../dist/entities/auth/auth-token.entity.js';
import { Merchant } from '../../dist/entities/merchant/merchant.entity.js';

const config = loadConfig(process.env);
const log = createLogger(config.logLevel);
const app = await startApp(config, log);

/** `merchants` merchants, each with one staff and `agentsPerMerchant` agents; answers their keys and tokens. */
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
    out.push({ merchantId: merchant.id, staff: { id: staff.id, apiKey: staff.apiKey, secretKey: staff.secretKey }, agents: tokens });
  }
  return out;
}

async function memory() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage();
}

/** Agents not offline: a closed console marks its agent offline a moment after the socket goes. */
async function online() {
  return app.orm.em.fork().count(Agent, { status: { $ne: 0 } });
}

const handlers = { seed, memory, online };
process.on('message', async ({ id, type, payload }) => {
  try {
    process.send({ id, result: await handlers[type](payload) });
  } catch (err) {
    process.send({ id, error: err instanceof Error ? err.stack : String(err) });
  }
});
// The driver went away (finished or crashed): stop too.
process.on('disconnect', () => {
  app.close().finally(() => process.exit(0));
});
process.send({ type: 'ready', url: app.url, gc: typeof globalThis.gc === 'function' });

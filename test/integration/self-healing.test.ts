import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, createAgent, createMerchant, createProduct, createStaff, createStaffWithKeys, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { eventually } from '../support/payment-fakes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

/**
 * Work a crash strands between two commits is repaired by the maintenance sweep; the state such a crash
 * leaves is made here with SQL, exactly as the crash would have left it. Writes that belong together
 * (deleting an agent and revoking its tokens; freezing a merchant and revoking every token) are one
 * transaction: made to fail half-way, they change nothing.
 */
describe('self-healing after a crash, and all-or-nothing writes', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
  const sql = (query: string, params: unknown[] = []) => t.app.orm.em.fork().getConnection().execute(query, params);

  beforeAll(async () => {
    t = await startTestApp({ SWEEP_INTERVAL_MS: '150', INSTANCE_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '1000' });
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token);
  });
  afterAll(() => t?.close());

  const api = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${t.url}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const session = async (id: string) => (await api('GET', `/api/sessions/${id}`, merchant.token)).body.data;

  /** A contact who asked for a person; with nobody to take it, its session waits. */
  async function pendingSession(contactId: string, s: StaffFixture = staff): Promise<string> {
    const c = await FrameClient.open(ws(`/ws?contact_id=${contactId}`), basicAuth(s.apiKey, s.secretKey));
    c.send({ action: 'chat', content: '转人工' });
    await c.untilEof();
    c.close();
    const list = await api('GET', '/api/sessions?status=pending', merchant.token);
    return list.body.data.find((x: any) => x.customerId === contactId).sessionId;
  }

  it('routes a waiting session to an agent who came online while its routing never ran', async () => {
    const own = await createStaffWithKeys(t, merchant.token);
    const agent = await createAgent(t, merchant.token, [own.id]);
    const id = await pendingSession('heal-route', own);
    // The agent's status committed; the process died before routing.
    await sql('update agent set status = 1, auto_accept = true where id = ?', [agent.id]);
    const routed = await eventually(() => session(id), (s) => s.status === 'manual', 5000);
    expect(routed.manualCsId).toBe(String(agent.id));
  });

  it('requeues a session still held by an agent whose deletion committed without its release', async () => {
    const own = await createStaffWithKeys(t, merchant.token);
    const agent = await createAgent(t, merchant.token, [own.id]);
    const id = await pendingSession('heal-deleted', own);
    expect((await api('POST', `/api/sessions/${id}/accept`, agent.token, { csId: String(agent.id) })).status).toBe(200);
    await sql('update agent set is_deleted = true, status = 0 where id = ?', [agent.id]);
    const requeued = await eventually(() => session(id), (s) => s.status === 'pending', 5000);
    expect(requeued.manualCsId).toBeNull();
  });

  it('requeues a session held by an agent who lost its staff without the release', async () => {
    const own = await createStaffWithKeys(t, merchant.token);
    const agent = await createAgent(t, merchant.token, [own.id]);
    const id = await pendingSession('heal-unassigned', own);
    expect((await api('POST', `/api/sessions/${id}/accept`, agent.token, { csId: String(agent.id) })).status).toBe(200);
    await sql('delete from agent_staff where agent_id = ?', [agent.id]);
    await eventually(() => session(id), (s) => s.status === 'pending', 5000);
  });

  it('takes offline, and stops routing to, an agent whose console lived on an instance that stopped beating', async () => {
    const own = await createStaffWithKeys(t, merchant.token);
    const agent = await createAgent(t, merchant.token, [own.id]);
    await sql(`insert into app_instance (id, started_at, heartbeat_at) values ('crashed-host-1', now() - interval '1 hour', now() - interval '1 hour')`);
    // Shown online with auto-accept by a console of the crashed instance, and no free colleague.
    await sql(`update agent set status = 1, auto_accept = true, max_sessions = 1, presence_instance = 'crashed-host-1' where id = ?`, [agent.id]);
    const agents = async () => (await t.gql('{ agents { items { id status } } }', {}, merchant.token)).data.agents.items;
    const offline = await eventually(agents, (list: any[]) => list.find((a) => Number(a.id) === agent.id)?.status === 'OFFLINE', 5000);
    expect(offline).toBeDefined();
    const id = await pendingSession('heal-presence', own);
    await new Promise((r) => setTimeout(r, 500));
    expect((await session(id)).status).toBe('pending');
    expect(await sql(`select id from app_instance where id = 'crashed-host-1'`)).toEqual([]);
  });

  it('keeps an agent whose console is on this live instance', async () => {
    const own = await createStaffWithKeys(t, merchant.token);
    const agent = await createAgent(t, merchant.token, [own.id]);
    const c = await FrameClient.open(ws('/ws/kf'));
    c.send({ method: 'login', token: agent.token });
    expect(await c.nextJson({ method: 'login' })).toMatchObject({ code: 0 });
    const [row] = await sql('select status, presence_instance from agent where id = ?', [agent.id]);
    expect(row).toMatchObject({ status: 1, presence_instance: t.app.services.instance.id });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await sql('select status from agent where id = ?', [agent.id]))[0]?.status).toBe(1);
    c.close();
  });

  it('closes an unpaid trade whose close job was lost', async () => {
    const admin = await adminToken(t);
    const productId = await createProduct(t, admin);
    const staffId = await createStaff(t, merchant.token);
    const paid = await t.rest('/api/v1/customer/pay/staff', { id: staffId, production_id: productId, pay_type: 'wxpay' }, merchant.token);
    const tradeNo = paid.body.data.trade_no as string;
    // Saved, but its job never queued: the process died in between. Its deadline is long gone.
    await sql(`delete from pgboss.job where name = 'trade-close-unpaid' and data->>'tradeNo' = ?`, [tradeNo]);
    await sql(`update trade set expires_at = now() - interval '1 day' where trade_no = ?`, [tradeNo]);
    const query = async () => (await t.rest('/api/v1/customer/query/trade', { trade_no: tradeNo }, merchant.token)).body.data;
    const closed = await eventually(query, (d) => d.state === 2, 5000);
    expect(closed.message).toBe('Closed: not paid in time');
  });

  it('opens a trade and queues its close job in one transaction: a job that cannot be queued leaves no trade', async () => {
    const admin = await adminToken(t);
    const productId = await createProduct(t, admin);
    const staffId = await createStaff(t, merchant.token);
    const trades = async () => (await sql('select count(*)::int as n from trade where staff_id = ?', [staffId]))[0]?.n;
    const locker = new pg.Client({ connectionString: t.app.orm.config.get('clientUrl') });
    await locker.connect();
    try {
      // The job table cannot take a row while this is held: the insert outlasts the statement timeout.
      await locker.query('begin');
      await locker.query('lock table pgboss.job in exclusive mode');
      const res = await t.rest('/api/v1/customer/pay/staff', { id: staffId, production_id: productId, pay_type: 'wxpay' }, merchant.token);
      expect(res.body.header.code).toBe(500);
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    expect(await trades()).toBe(0);
    const paid = await t.rest('/api/v1/customer/pay/staff', { id: staffId, production_id: productId, pay_type: 'wxpay' }, merchant.token);
    expect(paid.body.header.code).toBe(0);
    const jobs = await sql(`select state from pgboss.job where name = 'trade-close-unpaid' and data->>'tradeNo' = ?`, [paid.body.data.trade_no]);
    expect(jobs).toEqual([{ state: 'created' }]);
  });

  /** Holds row locks on the subject's tokens from another connection, so revoking them outlasts the statement timeout. */
  async function withTokensLocked<T>(role: string, subjectId: number, work: () => Promise<T>): Promise<T> {
    const locker = new pg.Client({ connectionString: t.app.orm.config.get('clientUrl') });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('select id from auth_token where role = $1 and subject_id = $2 for update', [role, subjectId]);
      return await work();
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
  }

  it('deletes an agent and revokes its tokens together: a revocation that fails leaves the agent as it was', async () => {
    const agent = await createAgent(t, merchant.token, [staff.id]);
    const res = await withTokensLocked('agent', agent.id, () => t.rest('/api/v1/customer/delete/agent', { id: agent.id }, merchant.token));
    expect(res.body.header.code).toBe(500);
    const list = await t.rest('/api/v1/customer/list/agent', { id: agent.id }, merchant.token);
    expect(list.body.data.list.map((a: any) => Number(a.id))).toEqual([agent.id]);
    expect((await t.gql('{ agentMe { id } }', {}, agent.token)).data?.agentMe.id).toBe(agent.id);
    expect((await t.rest('/api/v1/customer/delete/agent', { id: agent.id }, merchant.token)).body.header.code).toBe(0);
  });

  it("changes an agent's password and revokes its tokens together: a revocation that fails keeps the old password", async () => {
    const agent = await createAgent(t, merchant.token, [staff.id]);
    const edit = () => t.rest('/api/v1/customer/edit/agent', { id: agent.id, password: 'a-new-password-1' }, merchant.token);
    expect((await withTokensLocked('agent', agent.id, edit)).body.header.code).toBe(500);
    expect((await t.rest('/api/v1/agent/login', { user_name: agent.userName, password: agent.password })).body.header.code).toBe(0);
    expect((await edit()).body.header.code).toBe(0);
    expect((await t.rest('/api/v1/agent/login', { user_name: agent.userName, password: agent.password })).body.header.code).toBe(1002);
  });

  it('freezes a merchant and revokes every token together: a revocation that fails leaves it unfrozen', async () => {
    const other = await createMerchant(t);
    const agent = await createAgent(t, other.token, [await createStaff(t, other.token)]);
    const admin = await adminToken(t);
    const freeze = 'mutation($id: Int!) { setMerchantFrozen(id: $id, frozen: true) { id isFrozen } }';
    const failed = await withTokensLocked('agent', agent.id, () => t.gql(freeze, { id: other.id }, admin));
    expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await t.rest('/api/v1/customer/list/staff', {}, other.token)).body.header.code).toBe(0);
    const login = await t.rest('/api/v1/customer/login', { user_name: other.userName, password: other.password });
    expect(login.body.header.code).toBe(0);
    expect((await t.gql(freeze, { id: other.id }, admin)).data?.setMerchantFrozen.isFrozen).toBe(true);
    expect((await t.rest('/api/v1/customer/list/staff', {}, other.token)).body.header.code).toBe(1001);
  });
});

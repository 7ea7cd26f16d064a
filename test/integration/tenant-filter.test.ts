import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { crossTenantEm, scopeToTenant, TENANT_FILTER, tenantEm, type TenantScope } from '../../src/core/db/tenancy.js';
import { Agent } from '../../src/entities/agent/agent.entity.js';
import { Merchant } from '../../src/entities/merchant/merchant.entity.js';
import { Message } from '../../src/entities/session/message.entity.js';
import { Session } from '../../src/entities/session/session.entity.js';
import { Staff } from '../../src/entities/staff/staff.entity.js';
import { adminToken, createAgent, createMerchant, createStaff, type AgentFixture, type MerchantFixture } from '../support/factories.js';
import { insertConversation } from '../support/helpdesk-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Tenancy is the ORM's `tenant` filter on the request context's EntityManager (src/core/db/tenancy.ts):
 * these queries carry no merchant condition at all, and still see only the caller's rows.
 */
describe('tenant filter', () => {
  let t: TestApp;
  let alice: MerchantFixture;
  let bob: MerchantFixture;
  let aliceStaff: number;
  let bobStaff: number;
  let aliceAgent: AgentFixture;
  let admin: string;

  const meta = { requestId: 'tenant-filter-test', ip: '127.0.0.1' };
  const contextOf = (token: string) => t.app.services.contexts.forToken(token, meta);
  const tenantOf = (em: EntityManager) => (em.getFilterParams(TENANT_FILTER) as TenantScope | undefined)?.merchantId ?? null;
  const staffName = async (id: number) => (await crossTenantEm(t.app.orm).findOneOrFail(Staff, id)).name;

  beforeAll(async () => {
    t = await startTestApp();
    [alice, bob] = await Promise.all([createMerchant(t), createMerchant(t)]);
    [aliceStaff, bobStaff] = await Promise.all([createStaff(t, alice.token, { name: 'Alice bot' }), createStaff(t, bob.token, { name: 'Bob bot' })]);
    aliceAgent = await createAgent(t, alice.token, [aliceStaff]);
    admin = await adminToken(t);
  });
  afterAll(() => t?.close());

  it("keeps a merchant's reads to its own rows, with no merchant condition", async () => {
    const ctx = await contextOf(bob.token);
    expect(tenantOf(ctx.em)).toBe(bob.id);
    expect((await ctx.em.find(Staff, {})).map((s) => s.id)).toEqual([bobStaff]);
    expect(await ctx.em.findOne(Staff, aliceStaff)).toBeNull();
    expect(await ctx.em.findOne(Staff, { id: aliceStaff })).toBeNull();
    expect(await ctx.em.count(Staff, { id: { $in: [aliceStaff, bobStaff] } })).toBe(1);
    expect(await ctx.em.findOne(Merchant, alice.id)).toBeNull();
    expect(await ctx.em.find(Agent, {})).toEqual([]);
    // Forks and transactions made from the context keep its scope.
    expect(await ctx.em.fork().findOne(Staff, aliceStaff)).toBeNull();
    expect(await ctx.em.transactional((tx) => tx.findOne(Staff, aliceStaff))).toBeNull();
  });

  it("keeps an agent to its merchant's rows", async () => {
    const ctx = await contextOf(aliceAgent.token);
    expect(tenantOf(ctx.em)).toBe(alice.id);
    expect((await ctx.em.find(Staff, {})).map((s) => s.id)).toEqual([aliceStaff]);
    expect(await ctx.em.findOne(Staff, bobStaff)).toBeNull();
  });

  it("cannot update or delete another merchant's rows", async () => {
    const ctx = await contextOf(bob.token);
    expect(await ctx.em.nativeUpdate(Staff, { id: aliceStaff }, { name: 'taken' })).toBe(0);
    expect(await ctx.em.nativeDelete(Staff, { id: aliceStaff })).toBe(0);
    expect(await ctx.em.nativeUpdate(Staff, {}, { orgName: 'Bob org' })).toBe(1);
    expect(await staffName(aliceStaff)).toBe('Alice bot');
    expect((await crossTenantEm(t.app.orm).findOneOrFail(Staff, aliceStaff)).orgName).not.toBe('Bob org');
  });

  it("cannot reach another merchant's conversation, by relation or by its denormalised merchant id", async () => {
    const sessionId = await insertConversation(t, { merchantId: alice.id, staffId: aliceStaff, start: new Date(), contactAt: [0, 10] });
    const ctx = await contextOf(bob.token);
    expect(await ctx.em.findOne(Session, sessionId)).toBeNull();
    expect(await ctx.em.count(Message, { session: sessionId })).toBe(0);
    expect(await ctx.em.nativeUpdate(Message, { session: sessionId }, { content: 'taken' })).toBe(0);
    expect(await ctx.em.nativeDelete(Message, { session: sessionId })).toBe(0);
    expect(await ctx.em.nativeDelete(Session, { id: sessionId })).toBe(0);
    const mine = await contextOf(alice.token);
    expect(await mine.em.count(Message, { session: sessionId, content: { $ne: 'taken' } })).toBe(4);
  });

  it('does not answer a primary-key lookup from the identity map for another tenant', async () => {
    const ctx = await contextOf(bob.token);
    // A reference is not a loaded row: looking it up still queries, and the filter applies.
    ctx.em.getReference(Staff, aliceStaff);
    expect(await ctx.em.findOne(Staff, aliceStaff)).toBeNull();
    expect(await ctx.em.findOne(Staff, aliceStaff, { refresh: true })).toBeNull();
    // A row loaded before the scope was set (as a request's token lookup does) is forgotten with it.
    const em = crossTenantEm(t.app.orm);
    await em.findOneOrFail(Staff, aliceStaff);
    scopeToTenant(em, bob.id);
    expect(await em.findOne(Staff, aliceStaff)).toBeNull();
    expect(await em.fork({ clear: false }).findOne(Staff, aliceStaff)).toBeNull();
  });

  it("answers another merchant's staff as not found on GraphQL and REST", async () => {
    const gql = await t.gql('query($id: Int!) { staff(id: $id) { id } }', { id: aliceStaff }, bob.token);
    expect(gql.errors?.[0]).toMatchObject({ message: `Staff ${aliceStaff} not found`, extensions: { code: 'NOT_FOUND' } });
    const rest = await t.rest('/api/v1/customer/edit/staff', { id: aliceStaff, name: 'taken' }, bob.token);
    expect(rest.body.header).toMatchObject({ code: 1006, message: `Staff ${aliceStaff} not found` });
    const listed = await t.rest('/api/v1/customer/list/staff', { id: aliceStaff }, bob.token);
    expect(listed.body.data.list).toEqual([]);
    expect(await staffName(aliceStaff)).toBe('Alice bot');
  });

  it("signs in and shows public pages whatever tenant's token comes with the call", async () => {
    const asAgent = await t.rest('/api/v1/agent/login', { user_name: aliceAgent.userName, password: aliceAgent.password }, bob.token);
    expect(asAgent.body.header.code).toBe(0);
    const asMerchant = await t.rest('/api/v1/customer/login', { user_name: alice.userName, password: alice.password }, bob.token);
    expect(asMerchant.body.header.code).toBe(0);
    const serialNo = (await t.rest('/api/v1/customer/list/staff', { id: aliceStaff }, alice.token)).body.data.list[0].serial_no;
    const page = await t.rest('/api/v1/customer/query/staff', { serial_no: serialNo }, bob.token);
    expect(page.body.data.list.map((s: { id: number }) => s.id)).toEqual([aliceStaff]);
  });

  it('lets the admin, workers and a deliberate tenant fork act as they must', async () => {
    const adminCtx = await contextOf(admin);
    expect(tenantOf(adminCtx.em)).toBeNull();
    expect(await adminCtx.em.count(Staff, { id: { $in: [aliceStaff, bobStaff] } })).toBe(2);
    const freeze = (frozen: boolean) => t.gql('mutation($id: Int!, $frozen: Boolean!) { setMerchantFrozen(id: $id, frozen: $frozen) { id isFrozen } }', { id: alice.id, frozen }, admin);
    expect((await freeze(true)).data?.setMerchantFrozen).toEqual({ id: alice.id, isFrozen: true });
    expect((await freeze(false)).data?.setMerchantFrozen).toEqual({ id: alice.id, isFrozen: false });
    expect((await crossTenantEm(t.app.orm).find(Staff, { id: { $in: [aliceStaff, bobStaff] } })).length).toBe(2);
    const forAlice = tenantEm(t.app.orm, alice.id);
    expect((await forAlice.find(Staff, { id: { $in: [aliceStaff, bobStaff] } })).map((s) => s.id)).toEqual([aliceStaff]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, ageCodes, createMerchant, md5 } from '../support/factories.js';
import { ADMIN_PASSWORD, ADMIN_USER, startTestApp, type TestApp } from '../support/test-app.js';

describe('GraphQL: accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('registers, logs in, reads me, and logs out through GraphQL alone', async () => {
    const email = 'gql@shop.example';
    const sent = await t.gql('mutation($i: SendCodeInput!) { sendVerificationCode(input: $i) }', { i: { email, userName: 'gqluser', language: 'zh-CN' } });
    expect(sent.data).toEqual({ sendVerificationCode: true });
    const code = await t.mailbox.code(email);
    const reg = await t.gql('mutation($i: RegisterInput!) { register(input: $i) { id userName email isFrozen } }', {
      i: { userName: 'gqluser', email, password: md5('pw123456'), code },
    });
    expect(reg.data.register).toMatchObject({ userName: 'gqluser', email, isFrozen: false });
    const login = await t.gql('mutation($i: LoginInput!) { login(input: $i) { token role expiresAt } }', { i: { userName: 'gqluser', password: md5('pw123456') } });
    expect(login.data.login.role).toBe('MERCHANT');
    const token = login.data.login.token;
    // A GraphQL token works on REST.
    expect((await t.rest('/api/v1/customer/list/staff', {}, token)).body.header.code).toBe(0);
    expect((await t.gql('{ me { role merchant { email } } }', {}, token)).data.me).toEqual({ role: 'MERCHANT', merchant: { email } });
    expect((await t.gql('mutation { logout }', {}, token)).data.logout).toBe(true);
    expect((await t.rest('/api/v1/customer/list/staff', {}, token)).status).toBe(401);
  });

  it('maps account errors to GraphQL codes', async () => {
    const m = await createMerchant(t);
    const wrong = await t.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { userName: m.userName, password: md5('nope') } });
    expect(wrong.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    await ageCodes(t, m.email);
    const taken = await t.gql('mutation($i: SendCodeInput!) { sendVerificationCode(input: $i) }', { i: { email: m.email } });
    expect(taken.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
    const again = await t.gql('mutation($i: SendCodeInput!) { sendVerificationCode(input: $i) }', { i: { email: 'x1@shop.example' } });
    expect(again.errors).toBeUndefined();
    const tooSoon = await t.gql('mutation($i: SendCodeInput!) { sendVerificationCode(input: $i) }', { i: { email: 'x1@shop.example' } });
    expect(tooSoon.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const badCode = await t.gql('mutation($i: RegisterInput!) { register(input: $i) { id } }', { i: { userName: 'x1', email: 'x1@shop.example', password: md5('abcdef'), code: '12345' } });
    expect(badCode.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const reset = await t.gql('mutation($i: ResetPasswordInput!) { resetPassword(input: $i) }', { i: { email: m.email, code: '000000', password: md5('abcdef') } });
    expect(reset.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_VERIFICATION_CODE' });
  });

  it('logs the admin in, who sees itself in me', async () => {
    const res = await t.gql('mutation($i: LoginInput!) { adminLogin(input: $i) { token role } }', { i: { userName: ADMIN_USER, password: md5(ADMIN_PASSWORD) } });
    expect(res.data.adminLogin.role).toBe('ADMIN');
    const me = await t.gql('{ me { role admin { userName } merchant { id } } }', {}, res.data.adminLogin.token);
    expect(me.data.me).toEqual({ role: 'ADMIN', admin: { userName: ADMIN_USER }, merchant: null });
  });

  it('updates the admin password from configuration and ends its old sessions', async () => {
    const login = (pw: string) => t.gql('mutation($i: LoginInput!) { adminLogin(input: $i) { token } }', { i: { userName: ADMIN_USER, password: md5(pw) } });
    const old = (await login(ADMIN_PASSWORD)).data.adminLogin.token;
    await t.app.services.admins.ensureAdmin(t.app.orm.em.fork(), ADMIN_USER, 'rotated-pass');
    expect((await login(ADMIN_PASSWORD)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login('rotated-pass')).data.adminLogin.token).toBeTypeOf('string');
    expect((await t.gql('{ me { role } }', {}, old)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await t.app.services.admins.ensureAdmin(t.app.orm.em.fork(), ADMIN_USER, ADMIN_PASSWORD);
  });

  it('lets the admin list and freeze merchants: tokens stop at once, logins answer 1012, unfreezing restores', async () => {
    const admin = await adminToken(t);
    const m = await createMerchant(t);
    const found = await t.gql('query($q: String) { merchants(search: $q) { total items { id userName isFrozen } } }', { q: m.userName }, admin);
    expect(found.data.merchants).toEqual({ total: 1, items: [{ id: m.id, userName: m.userName, isFrozen: false }] });
    expect((await t.gql('{ merchants { total } }', {}, m.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const frozen = await t.gql('mutation($id: Int!) { setMerchantFrozen(id: $id, frozen: true) { isFrozen } }', { id: m.id }, admin);
    expect(frozen.data.setMerchantFrozen.isFrozen).toBe(true);
    expect((await t.rest('/api/v1/customer/list/staff', {}, m.token)).status).toBe(401);
    expect((await t.rest('/api/v1/customer/login', { user_name: m.userName, password: m.password })).body.header.code).toBe(1012);
    await t.gql('mutation($id: Int!) { setMerchantFrozen(id: $id, frozen: false) { isFrozen } }', { id: m.id }, admin);
    expect((await t.rest('/api/v1/customer/login', { user_name: m.userName, password: m.password })).body.header.code).toBe(0);
    expect((await t.gql('mutation { setMerchantFrozen(id: 99999999, frozen: true) { id } }', {}, admin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers UNAUTHENTICATED for me without a token', async () => {
    expect((await t.gql('{ me { role } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('GraphQL: products', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await adminToken(t);
  });
  afterAll(() => t?.close());

  const create = (token: string, input: Record<string, unknown>) =>
    t.gql('mutation($i: ProductCreateInput!) { createProduct(input: $i) { id name price currency state language trialDays expiringDays createUser } }', {
      i: { name: 'Monthly', price: '199', expiringDays: 31, ...input },
    }, token);

  it('lets the admin create, update, list and delete; merchants see only products on sale', async () => {
    const p = (await create(admin, { state: 'ON_SALE', price: '0.1' })).data.createProduct;
    expect(p).toMatchObject({ name: 'Monthly', price: '0.10', currency: 'CNY', state: 'ON_SALE', language: 'ZH_CN', expiringDays: 31, createUser: ADMIN_USER });
    const draft = (await create(admin, { state: 'DRAFT' })).data.createProduct;
    const upd = await t.gql('mutation($id: Int!) { updateProduct(id: $id, input: { price: "0.2", currency: "USD" }) { price currency name } }', { id: p.id }, admin);
    expect(upd.data.updateProduct).toEqual({ price: '0.20', currency: 'USD', name: 'Monthly' });

    const m = await createMerchant(t);
    const seen = await t.gql('{ products(page: { pageSize: 100 }) { total items { id } } }', {}, m.token);
    const ids = seen.data.products.items.map((x: { id: number }) => x.id);
    expect(ids).toContain(p.id);
    expect(ids).not.toContain(draft.id);
    const all = await t.gql('{ products(page: { pageSize: 100 }) { items { id } } }', {}, admin);
    expect(all.data.products.items.map((x: { id: number }) => x.id)).toEqual(expect.arrayContaining([p.id, draft.id]));

    expect((await t.gql('mutation($id: Int!) { deleteProduct(id: $id) }', { id: p.id }, admin)).data.deleteProduct).toBe(true);
    const gone = await t.gql('mutation($id: Int!) { deleteProduct(id: $id) }', { id: p.id }, admin);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps product management for the admin', async () => {
    const m = await createMerchant(t);
    const res = await create(m.token, {});
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await create('', {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql('{ products { total } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses inexact prices', async () => {
    const res = await create(admin, { price: '1.005' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('price');
  });
});

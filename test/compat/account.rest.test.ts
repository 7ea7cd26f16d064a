import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USER, startTestApp, type TestApp } from '../support/test-app.js';
import { ageCodes, createMerchant, md5 } from '../support/factories.js';

describe('ai-staff REST: accounts (§1 with DESIGN.md paths)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const sendCode = (body: Record<string, unknown>) => t.rest('/api/v1/customer/send/code', body);

  it('registers with an e-mailed code, logs in, and the token works on REST and GraphQL', async () => {
    const email = 'Civet148@126.example';
    const sent = await sendCode({ user_name: 'civet148', email, action_type: 0, language: 'en' });
    expect(sent.body).toEqual({ header: { code: 0, message: 'OK', total: 1, count: 1 }, data: {} });
    const mail = await t.mailbox.next(email);
    expect(mail.subject).toBe('Your registration code');
    const code = /\b(\d{6})\b/.exec(mail.text ?? '')![1]!;

    const password = md5('123456');
    const reg = await t.rest('/api/v1/customer/register', { user_name: 'civet148', password, email, reg_code: code });
    expect(reg.body.header.code).toBe(0);
    expect(reg.body.data.id).toBeTypeOf('number');

    const login = await t.rest('/api/v1/customer/login', { user_name: 'civet148', password });
    expect(login.body.header.code).toBe(0);
    expect(login.body.data).toMatchObject({ customer_id: reg.body.data.id, user_name: 'civet148', email: email.toLowerCase() });
    const token: string = login.body.data.token;
    expect(token.length).toBeGreaterThan(30);

    // Logging in by e-mail works too.
    expect((await t.rest('/api/v1/customer/login', { user_name: email, password })).body.header.code).toBe(0);

    const me = await t.gql('{ me { role merchant { id userName } } }', {}, token);
    expect(me.data?.me).toEqual({ role: 'MERCHANT', merchant: { id: reg.body.data.id, userName: 'civet148' } });
  });

  it('writes the mail in zh-CN when asked', async () => {
    const email = 'zh@shop.example';
    expect((await sendCode({ email, action_type: 0, language: 'zh-CN' })).body.header.code).toBe(0);
    const mail = await t.mailbox.next(email);
    expect(mail.subject).toBe('您的注册验证码');
    expect(mail.text).toMatch(/您的验证码是 \d{6}/);
  });

  it('refuses a wrong code (1008) and burns it after 5 wrong tries', async () => {
    const email = 'burn@shop.example';
    await sendCode({ email, action_type: 0 });
    const code = await t.mailbox.code(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const register = (reg_code: string) => t.rest('/api/v1/customer/register', { user_name: 'burner', password: md5('x123456'), email, reg_code });
    for (let i = 0; i < 5; i++) expect((await register(wrong)).body.header.code).toBe(1008);
    // The right code no longer works: it was burnt.
    expect((await register(code)).body.header.code).toBe(1008);
  });

  it('refuses an expired code', async () => {
    const email = 'late@shop.example';
    await sendCode({ email, action_type: 0 });
    const code = await t.mailbox.code(email);
    await t.app.orm.em.fork().getConnection().execute(`update verification_code set expires_at = now() - interval '1 second' where email = ?`, [email]);
    const res = await t.rest('/api/v1/customer/register', { user_name: 'late', password: md5('late123'), email, reg_code: code });
    expect(res.body.header.code).toBe(1008);
  });

  it('allows one code per address per minute (429 in the envelope, HTTP 200)', async () => {
    const email = 'twice@shop.example';
    expect((await sendCode({ email, action_type: 0 })).body.header.code).toBe(0);
    const again = await sendCode({ email, action_type: 0 });
    expect(again.status).toBe(200);
    expect(again.body.header.code).toBe(429);
    // A minute later the next code goes out.
    await ageCodes(t, email);
    expect((await sendCode({ email, action_type: 0 })).body.header.code).toBe(0);
  });

  it('sends one code when the same address asks twice at once', async () => {
    const email = 'race@shop.example';
    const results = await Promise.all([1, 2, 3].map(() => sendCode({ email, action_type: 0 })));
    expect(results.map((r) => r.body.header.code).sort()).toEqual([0, 429, 429]);
  });

  it('refuses a taken user name or e-mail with 1005', async () => {
    const m = await createMerchant(t);
    await ageCodes(t, m.email);
    expect((await sendCode({ email: m.email, action_type: 0 })).body.header.code).toBe(1005);
    expect((await sendCode({ user_name: m.userName, email: 'other@shop.example', action_type: 0 })).body.header.code).toBe(1005);
  });

  it('validates send-code input', async () => {
    expect((await sendCode({ email: 'not-an-email', action_type: 0 })).body.header.code).toBe(1003);
    expect((await sendCode({ email: 'a@b.example', action_type: 7 })).body.header.code).toBe(1003);
    expect((await sendCode({ email: 'a@b.example', action_type: 0, language: 'fr' })).body.header.code).toBe(1003);
    expect((await sendCode({ action_type: 0 })).body.header.code).toBe(1003);
    expect((await t.rest('/api/v1/customer/send/code', '{oops')).body.header.code).toBe(1004);
  });

  it('refuses a wrong password with 1002 and an unknown user the same way', async () => {
    const m = await createMerchant(t);
    expect((await t.rest('/api/v1/customer/login', { user_name: m.userName, password: md5('wrong') })).body.header.code).toBe(1002);
    expect((await t.rest('/api/v1/customer/login', { user_name: 'nobody-here', password: md5('wrong') })).body.header.code).toBe(1002);
    expect((await t.rest('/api/v1/customer/login', { user_name: m.userName })).body.header.code).toBe(1003);
  });

  it('answers 1012 for a frozen account', async () => {
    const m = await createMerchant(t);
    await t.app.orm.em.fork().getConnection().execute('update merchant set is_frozen = true where id = ?', [m.id]);
    expect((await t.rest('/api/v1/customer/login', { user_name: m.userName, password: m.password })).body.header.code).toBe(1012);
    // Its existing tokens stop working too.
    expect((await t.rest('/api/v1/customer/list/staff', {}, m.token)).body.header.code).toBe(1001);
  });

  it('logs out: the token is revoked at once on every surface', async () => {
    const m = await createMerchant(t);
    const out = await t.rest('/api/v1/customer/logout', {}, m.token);
    expect(out.body).toEqual({ header: { code: 0, message: 'OK', total: 1, count: 1 }, data: {} });
    const after = await t.rest('/api/v1/customer/list/staff', {}, m.token);
    expect(after.status).toBe(401);
    expect(after.body.header.code).toBe(1001);
    const gql = await t.gql('{ me { role } }', {}, m.token);
    expect(gql.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.rest('/api/v1/customer/logout', {})).status).toBe(401);
  });

  it("stops a token in use as soon as another instance's revocation is announced (tokens are remembered briefly)", async () => {
    const m = await createMerchant(t);
    expect((await t.rest('/api/v1/customer/list/staff', {}, m.token)).body.header.code).toBe(0);
    // What another instance does on logout: the row, then the announcement (over Redis in production).
    await t.app.orm.em.fork().getConnection().execute(`update auth_token set revoked_at = now() where subject_id = ? and role = 'merchant'`, [m.id]);
    t.app.services.bus.publish('TOKENS_REVOKED', { role: 'merchant', subjectId: m.id, tokenId: null });
    await expect.poll(async () => (await t.rest('/api/v1/customer/list/staff', {}, m.token)).status).toBe(401);
  });

  it('resets the password with a code and ends the old sessions', async () => {
    const m = await createMerchant(t);
    await ageCodes(t, m.email);
    expect((await sendCode({ email: m.email, action_type: 1, language: 'en' })).body.header.code).toBe(0);
    const mail = await t.mailbox.next(m.email);
    expect(mail.subject).toBe('Your password reset code');
    const code = /\b(\d{6})\b/.exec(mail.text ?? '')![1]!;
    const newPassword = md5('new-secret');
    const res = await t.rest('/api/v1/customer/reset/password', { email: m.email, reg_code: code, password: newPassword });
    expect(res.body.header.code).toBe(0);
    expect((await t.rest('/api/v1/customer/login', { user_name: m.userName, password: m.password })).body.header.code).toBe(1002);
    expect((await t.rest('/api/v1/customer/login', { user_name: m.userName, password: newPassword })).body.header.code).toBe(0);
    expect((await t.rest('/api/v1/customer/list/staff', {}, m.token)).status).toBe(401);
    // The code is single-use.
    expect((await t.rest('/api/v1/customer/reset/password', { email: m.email, reg_code: code, password: md5('again1') })).body.header.code).toBe(1008);
  });

  it('refuses a reset code for an unknown address (1006) and a register code used for reset (1008)', async () => {
    expect((await sendCode({ email: 'ghost@shop.example', action_type: 1 })).body.header.code).toBe(1006);
    const email = 'mixed@shop.example';
    await sendCode({ email, action_type: 0 });
    const code = await t.mailbox.code(email);
    expect((await t.rest('/api/v1/customer/reset/password', { email, reg_code: code, password: md5('abcdef') })).body.header.code).toBe(1008);
  });

  it('logs the admin in with the MD5 of ADMIN_PASSWORD and refuses merchants on admin paths (1000)', async () => {
    const admin = await t.rest('/api/v1/admin/login', { user_name: ADMIN_USER, password: md5(ADMIN_PASSWORD) });
    expect(admin.body.header.code).toBe(0);
    expect(admin.body.data.token).toBeTypeOf('string');
    expect((await t.rest('/api/v1/admin/login', { user_name: ADMIN_USER, password: ADMIN_PASSWORD })).body.header.code).toBe(1002);

    const m = await createMerchant(t);
    const denied = await t.rest('/api/v1/admin/list/production', {}, m.token);
    expect(denied.status).toBe(200);
    expect(denied.body.header.code).toBe(1000);
    // And the admin on a merchant path.
    expect((await t.rest('/api/v1/customer/list/staff', {}, admin.body.data.token)).body.header.code).toBe(1000);
    expect((await t.rest('/api/v1/admin/logout', {}, admin.body.data.token)).body.header.code).toBe(0);
    expect((await t.rest('/api/v1/admin/list/production', {}, admin.body.data.token)).status).toBe(401);
  });

  it('throttles repeated failed logins on one account from one address with 429 (test/integration/login-throttle.test.ts has the rest)', async () => {
    const attempt = () => t.rest('/api/v1/customer/login', { user_name: 'brute-force-target', password: md5('guess') });
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await attempt()).body.header.code);
    expect(codes).toEqual([1002, 1002, 1002, 1002, 1002, 429]);

    // Once over the limit, even the right password is refused: 429 is no oracle for a guesser.
    const m = await createMerchant(t);
    for (let i = 0; i < 5; i++) await t.rest('/api/v1/customer/login', { user_name: m.userName, password: md5(`guess-${i}`) });
    expect((await t.rest('/api/v1/customer/login', { user_name: m.userName, password: m.password })).body.header.code).toBe(429);
  });

  it('expires tokens', async () => {
    const m = await createMerchant(t);
    await t.app.orm.em.fork().getConnection().execute(`update auth_token set expires_at = now() - interval '1 second' where subject_id = ? and role = 'merchant'`, [m.id]);
    const res = await t.rest('/api/v1/customer/list/staff', {}, m.token);
    expect(res.status).toBe(401);
    expect(res.body.header).toMatchObject({ code: 1001, message: 'Invalid or expired token' });
  });

  it('accepts the token as Authorization: Bearer too', async () => {
    const m = await createMerchant(t);
    const res = await fetch(`${t.url}/api/v1/customer/list/staff`, { method: 'POST', headers: { authorization: `Bearer ${m.token}` }, body: '{}' });
    expect(((await res.json()) as { header: { code: number } }).header.code).toBe(0);
  });

  it('answers unknown API paths with a 404 envelope, never a 5xx', async () => {
    const res = await t.rest('/api/v1/customer/does/not/exist', {});
    expect(res.status).toBe(404);
    expect(res.body.header.code).toBe(1006);
    const get = await fetch(`${t.url}/api/v1/customer/login`);
    expect(get.status).toBe(404);
  });

  it('refuses a body over 1 MB cleanly', async () => {
    const res = await t.rest('/api/v1/customer/login', JSON.stringify({ user_name: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(res.body.header.code).toBe(1003);
  });
});

describe('ai-staff REST: send-code limits per IP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CODE_SENDS_PER_IP_PER_MINUTE: '3' });
  });
  afterAll(() => t?.close());

  it('answers 429 after the per-IP limit', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await t.rest('/api/v1/customer/send/code', { email: `ip${i}@shop.example`, action_type: 0 })).body.header.code);
    expect(codes).toEqual([0, 0, 0, 429]);
  });
});

describe('ai-staff REST: mail server down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:9' });
  });
  afterAll(() => t?.close());

  it('says the mail could not be sent, and lets the address try again at once', async () => {
    const first = await t.rest('/api/v1/customer/send/code', { email: 'down@shop.example', action_type: 0 });
    expect(first.body.header).toMatchObject({ code: 500, message: 'Could not send the verification e-mail, try again later' });
    const second = await t.rest('/api/v1/customer/send/code', { email: 'down@shop.example', action_type: 0 });
    expect(second.body.header.code).toBe(500);
    const rows = await t.app.orm.em.fork().getConnection().execute('select count(*)::int as n from verification_code');
    expect(rows[0]?.n).toBe(0);
  });
});

import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMerchant, createStaffWithKeys, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

describe('web chat stream (/ws, ai-staff seed §2.9 and §4)', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
  const open = (s: StaffFixture, query = '') => FrameClient.open(ws(`/ws${query}`), basicAuth(s.apiKey, s.secretKey));
  const sessions = async () => ((await (await fetch(`${t.url}/api/sessions`, { headers: { 'auth-token': merchant.token } })).json()) as any).data;

  beforeAll(async () => {
    t = await startTestApp();
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token);
  });
  afterAll(() => t?.close());

  it('answers the upgrade with 401 for missing or wrong keys', async () => {
    expect(await FrameClient.upgradeStatus(ws('/ws'))).toBe(401);
    expect(await FrameClient.upgradeStatus(ws('/ws'), basicAuth(staff.apiKey, 'wrong'))).toBe(401);
    expect(await FrameClient.upgradeStatus(ws('/ws'), basicAuth('ak_nope', staff.secretKey))).toBe(401);
    expect(await FrameClient.upgradeStatus(ws('/ws'), { authorization: 'Bearer x' })).toBe(401);
    expect(await FrameClient.upgradeStatus(ws('/ws?contact_id=bad id!'), basicAuth(staff.apiKey, staff.secretKey))).toBe(400);
  });

  it('survives malformed upgrades: bad paths, bad escapes, NUL bytes in keys or serial numbers', async () => {
    const net = await import('node:net');
    const rawUpgrade = (path: string, extra = '') =>
      new Promise<string>((resolve) => {
        const sock = net.connect(new URL(t.url).port as unknown as number, '127.0.0.1', () => {
          sock.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`);
        });
        let data = '';
        sock.on('data', (d) => (data += d));
        sock.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
        sock.on('error', () => resolve('error'));
      });
    expect(await rawUpgrade('//')).toMatch(/^HTTP\/1.1 (400|404)/);
    expect(await rawUpgrade('/chat/%E0%A4%A/ws')).toMatch(/^HTTP\/1.1 404/);
    expect(await rawUpgrade('/chat/%00/ws')).toMatch(/^HTTP\/1.1 404/);
    const nulKeys = Buffer.from(`ak\u0000x:${staff.secretKey}`).toString('base64');
    expect(await rawUpgrade('/ws', `Authorization: Basic ${nulKeys}\r\n`)).toMatch(/^HTTP\/1.1 401/);
    // Still serving.
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it("keeps the public page route to the page's own unguessable contacts", async () => {
    const page = (q: string) => ws(`/chat/${staff.serialNo}/ws${q}`);
    expect(await FrameClient.upgradeStatus(page('?session_id=1'))).toBe(400);
    expect(await FrameClient.upgradeStatus(page('?contact_id=resume-me'))).toBe(400);
    expect(await FrameClient.upgradeStatus(page(`?contact_id=page-${'a'.repeat(32)}`))).toBe(101);
    expect(await FrameClient.upgradeStatus(page(''))).toBe(101);
    // The keyed route cannot speak as a page contact either.
    expect(await FrameClient.upgradeStatus(ws(`/ws?contact_id=page-${'a'.repeat(32)}`), basicAuth(staff.apiKey, staff.secretKey))).toBe(400);
  });

  it('refuses text with NUL characters on every surface without a 5xx', async () => {
    const c = await open(staff, '?contact_id=nul-test');
    c.send({ action: 'chat', content: 'a\u0000b' });
    expect(await c.untilEof()).toMatch(/"code":1003/);
    c.close();
    const login = await t.rest('/api/v1/customer/login', { user_name: 'a\u0000b', password: 'x' });
    expect(login.body.header.code).toBe(1003);
    expect((await t.rest('/api/v1/customer/query/staff', { serial_no: 'x\u0000' })).body.header.code).toBe(1003);
    const gql = await t.gql('query($sn: String!) { staffBySerialNo(serialNo: $sn) { id } }', { sn: 'x\u0000' });
    expect(gql.status).toBe(400);
    expect(gql.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const literal = await t.gql('{ staffBySerialNo(serialNo: "x\\u0000") { id } }');
    expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('streams an answer that ends with |=EOF=|, and gives a new contact an id', async () => {
    const raw = new WebSocket(ws('/ws'), { headers: basicAuth(staff.apiKey, staff.secretKey) });
    const contactId = await new Promise<string | undefined>((resolve) => raw.on('upgrade', (res) => resolve(res.headers['x-contact-id'] as string)));
    expect(contactId).toMatch(/^web-/);
    raw.close();
    const c = await open(staff, '?contact_id=stream-1');
    c.send({ action: 'chat', type: 'text', content: '你好' });
    const text = await c.untilEof();
    expect(text.length).toBeGreaterThan(0);
    expect(c.frames.at(-1)).toBe('|=EOF=|');
    c.close();
  });

  it('keeps one session per contact: contact_id and session_id resume it; a message after close opens a new one', async () => {
    const a = await open(staff, '?contact_id=resume-me');
    a.send({ action: 'chat', content: '转人工' });
    await a.untilEof();
    a.close();
    const b = await open(staff, '?contact_id=resume-me');
    b.send({ action: 'chat', content: 'still waiting' });
    // The queue notice speaks the language the contact writes in.
    expect(await b.untilEof()).toMatch(/Connecting you to a person/);
    let mine = (await sessions()).filter((s: any) => s.customerId === 'resume-me');
    expect(mine).toHaveLength(1);
    expect(mine[0].messageCount).toBe(2);

    const c = await open(staff, `?session_id=${mine[0].sessionId}`);
    c.send({ action: 'chat', content: 'third' });
    await c.untilEof();
    expect((await sessions()).filter((s: any) => s.customerId === 'resume-me')[0].messageCount).toBe(3);
    expect(await FrameClient.upgradeStatus(ws('/ws?session_id=99999999'), basicAuth(staff.apiKey, staff.secretKey))).toBe(400);

    await fetch(`${t.url}/api/sessions/${mine[0].sessionId}/close`, { method: 'POST', headers: { 'auth-token': merchant.token } });
    expect(await c.untilEof()).toMatch(/会话已结束/);
    // Then the rating prompt (docs/protocols.md, "Web chat").
    expect(JSON.parse((await c.untilEof()).replace('|=JSON=|', ''))).toEqual({ code: 0, message: 'OK', result: { type: 'csat', sessionId: String(mine[0].sessionId), min: 1, max: 5 } });
    c.send({ action: 'chat', content: 'back again' });
    await c.untilEof();
    mine = (await sessions()).filter((s: any) => s.customerId === 'resume-me');
    expect(mine).toHaveLength(2);
    expect(mine.filter((s: any) => s.status === 'closed')).toHaveLength(1);
    expect(mine.find((s: any) => s.status !== 'closed').messageCount).toBeGreaterThanOrEqual(1);
    c.close();
    b.close();
  });

  it('stores one session when one contact sends several messages at once', async () => {
    const conns = await Promise.all([1, 2, 3].map(() => open(staff, '?contact_id=burst')));
    conns.forEach((c, i) => c.send({ action: 'chat', content: `转人工 ${i}` }));
    await Promise.all(conns.map((c) => c.untilEof()));
    const mine = (await sessions()).filter((s: any) => s.customerId === 'burst');
    expect(mine).toHaveLength(1);
    const history = ((await (await fetch(`${t.url}/api/sessions/${mine[0].sessionId}/history`, { headers: { 'auth-token': merchant.token } })).json()) as any).data;
    expect(history.map((m: any) => m.seq)).toEqual([1, 2, 3]);
    conns.forEach((c) => c.close());
  });

  it('answers bad frames with an error frame and EOF, and closes only a socket sending over 1 MB', async () => {
    const c = await open(staff, '?contact_id=bad-frames');
    c.send('not json');
    expect(await c.untilEof()).toBe('|=JSON=|{"code":1004,"message":"The frame is not valid JSON"}');
    c.send({ action: 'dance', content: 'x' });
    expect(await c.untilEof()).toMatch(/^\|=JSON=\|\{"code":1003,/);
    c.send({ action: 'chat', content: '   ' });
    expect(await c.untilEof()).toMatch(/content must not be empty/);
    c.send({ action: 'chat', type: 'video', content: 'x' });
    expect(await c.untilEof()).toMatch(/type must be/);
    const big = await open(staff, '?contact_id=big-frames');
    big.send('x'.repeat(1024 * 1024 + 1));
    expect((await big.closed).code).toBe(1009);
    c.send({ action: 'chat', content: 'are you ok?' });
    expect((await c.untilEof()).length).toBeGreaterThan(0);
    c.close();
  });

  it('refuses each request of a frozen, expired or deleted staff with 1012', async () => {
    const frozen = await createStaffWithKeys(t, merchant.token);
    const fc = await open(frozen, '?contact_id=f1');
    await t.rest('/api/v1/customer/frozen/staff', { id: frozen.id }, merchant.token);
    fc.send({ action: 'chat', content: 'hello?' });
    expect(await fc.untilEof()).toBe('|=JSON=|{"code":1012,"message":"This AI staff is frozen"}');
    await t.rest('/api/v1/customer/unfrozen/staff', { id: frozen.id }, merchant.token);
    fc.send({ action: 'chat', content: 'hello?' });
    expect(await fc.untilEof()).not.toMatch(/1012/);
    fc.close();

    const expired = await createStaffWithKeys(t, merchant.token);
    await t.app.orm.em.fork().getConnection().execute(`update staff set trial_time = now() - interval '1 day' where id = ?`, [expired.id]);
    const ec = await open(expired, '?contact_id=e1');
    ec.send({ action: 'chat', content: 'hello?' });
    expect(await ec.untilEof()).toMatch(/^\|=JSON=\|\{"code":1012,"message":"This AI staff has expired/);
    ec.close();

    const deleted = await createStaffWithKeys(t, merchant.token);
    const dc = await open(deleted, '?contact_id=d1');
    await t.rest('/api/v1/customer/delete/staff', { id: deleted.id }, merchant.token);
    dc.send({ action: 'chat', content: 'hello?' });
    expect(await dc.untilEof()).toBe('|=JSON=|{"code":1012,"message":"This AI staff has been deleted"}');
    dc.close();
  });

  it("keeps contacts of different staff apart: a contact id under another staff is another contact", async () => {
    const other = await createMerchant(t);
    const otherStaff = await createStaffWithKeys(t, other.token);
    const c = await open(otherStaff, '?contact_id=resume-me');
    c.send({ action: 'chat', content: 'hi' });
    await c.untilEof();
    const theirs = ((await (await fetch(`${t.url}/api/sessions`, { headers: { 'auth-token': other.token } })).json()) as any).data;
    expect(theirs).toHaveLength(1);
    expect(theirs[0].messageCount).toBeLessThanOrEqual(2);
    c.close();
  });
});

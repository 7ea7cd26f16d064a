import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMerchant, createStaffWithKeys, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

/** The intake's limits as a web-chat client meets them: per contact, per staff, and per connection. */
describe('web chat limits (/ws)', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
  const open = (s: StaffFixture, query = '') => FrameClient.open(ws(`/ws${query}`), basicAuth(s.apiKey, s.secretKey));
  const ask = (content: string) => ({ action: 'chat', content });
  const sessionsOf = async (token: string) => ((await (await fetch(`${t.url}/api/sessions`, { headers: { 'auth-token': token } })).json()) as any).data as any[];

  beforeAll(async () => {
    t = await startTestApp({ CHAT_MESSAGES_PER_CONTACT_PER_MINUTE: '3', CHAT_MESSAGES_PER_STAFF_PER_MINUTE: '6', CHAT_MAX_QUEUED_FRAMES: '5' });
    merchant = await createMerchant(t);
  });
  afterAll(() => t?.close());

  it('refuses a contact past its messages per minute with 429, storing nothing, while other contacts go on', async () => {
    const staff = await createStaffWithKeys(t, merchant.token);
    const chatty = await open(staff, '?contact_id=chatty');
    for (let i = 0; i < 3; i++) {
      chatty.send(ask(`question ${i}`));
      expect(await chatty.untilEof()).not.toContain('"code":429');
    }
    chatty.send(ask('one too many'));
    expect(JSON.parse((await chatty.untilEof()).replace('|=JSON=|', ''))).toMatchObject({ code: 429 });
    const other = await open(staff, '?contact_id=quiet');
    other.send(ask('hello'));
    expect(await other.untilEof()).not.toContain('"code":429');
    const [session] = (await sessionsOf(merchant.token)).filter((s) => s.customerId === 'chatty');
    const history = ((await (await fetch(`${t.url}/api/sessions/${session.sessionId}/history`, { headers: { 'auth-token': merchant.token } })).json()) as any).data as any[];
    const asked = history.filter((m) => m.senderType === 'customer').map((m) => m.content);
    expect(asked).toEqual(['question 0', 'question 1', 'question 2']);
    chatty.close();
    other.close();
  });

  it("caps one staff's messages across its contacts, and another tenant's staff is not slowed", async () => {
    const busy = await createStaffWithKeys(t, merchant.token);
    const results: string[] = [];
    for (let i = 0; i < 7; i++) {
      const c = await open(busy, `?contact_id=crowd-${i}`);
      c.send(ask('hello'));
      results.push(await c.untilEof());
      c.close();
    }
    expect(results.slice(0, 6).every((r) => !r.includes('"code":429'))).toBe(true);
    expect(results[6]).toContain('"code":429');

    const elsewhere = await createMerchant(t);
    const calm = await createStaffWithKeys(t, elsewhere.token);
    const c = await open(calm, '?contact_id=crowd-0');
    c.send(ask('hello'));
    expect(await c.untilEof()).not.toContain('"code":429');
    c.close();
  });

  it("does not let a contact past its own limit use up its staff's budget for the others", async () => {
    const staff = await createStaffWithKeys(t, merchant.token);
    const flooder = await open(staff, '?contact_id=flooder');
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) {
      flooder.send(ask(`again ${i}`));
      answers.push(await flooder.untilEof());
    }
    expect(answers.map((a) => a.includes('"code":429'))).toEqual([false, false, false, true, true, true, true, true, true, true]);
    flooder.close();
    // 3 of the staff's 6 were used; the 7 refused gave theirs back, so three more contacts are answered.
    for (let i = 0; i < 3; i++) {
      const c = await open(staff, `?contact_id=after-flooder-${i}`);
      c.send(ask('hello'));
      expect(await c.untilEof()).not.toContain('"code":429');
      c.close();
    }
  });

  it('closes a connection that sends faster than it is answered (1008) and keeps serving', async () => {
    const staff = await createStaffWithKeys(t, merchant.token);
    const flood = await open(staff, '?contact_id=flood');
    for (let i = 0; i < 50; i++) flood.send(ask(`flood ${i} ${'x'.repeat(1000)}`));
    expect((await flood.closed).code).toBe(1008);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const after = await open(staff, '?contact_id=after-flood');
    after.send(ask('still there?'));
    expect(await after.untilEof()).toBeTypeOf('string');
    after.close();
  });
});

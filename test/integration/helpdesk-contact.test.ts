import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOpening, isOpenAt, nextOpening, type BusinessHours } from '../../src/entities/staff/business-hours.js';
import { postGatewayCallback, startGatewayReceiver } from '../support/channel-fakes.js';
import { createAgent, createMerchant, createStaff, createStaffWithKeys, type MerchantFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const SECRET = 'csat-gateway-secret';

/** Hours that are closed now: only tomorrow (UTC), 09:00–17:00. */
function closedNow(): BusinessHours {
  const today = ((new Date().getUTCDay() + 6) % 7) + 1;
  return { timeZone: 'UTC', weekly: [{ day: (today % 7) + 1, open: '09:00', close: '17:00' }], holidays: [] };
}

const STAFF_HOURS = 'businessHours { timeZone weekly { day open close } holidays } openNow nextOpening';

describe('business hours, offline messages and CSAT', { timeout: 60_000 }, () => {
  let t: TestApp;
  let m: MerchantFixture;
  let other: MerchantFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
  const gqlCode = (r: any) => r.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await startTestApp({ CHANNEL_RETRY_BASE_MS: '50', CHANNEL_RETRY_MAX_SECONDS: '1', CHANNEL_POLL_MS: '50' });
    [m, other] = await Promise.all([createMerchant(t), createMerchant(t)]);
  });
  afterAll(() => t?.close());

  it('sets business hours on GraphQL and the ai-staff REST, validated, for the owner only', async () => {
    const staffId = await createStaff(t, m.token);
    const hours = { timeZone: 'Asia/Shanghai', weekly: [{ day: 1, open: '09:00', close: '18:00' }, { day: 2, open: '09:00', close: '12:00' }], holidays: ['2026-12-25'] };
    const set = await t.gql(`mutation($id: Int!, $h: BusinessHoursInput) { updateStaff(id: $id, input: { businessHours: $h }) { ${STAFF_HOURS} } }`, { id: staffId, h: hours }, m.token);
    expect(set.errors).toBeUndefined();
    expect(set.data.updateStaff.businessHours).toEqual(hours);
    const { openNow, nextOpening: next } = set.data.updateStaff;
    expect(openNow).toBe(isOpenAt(hours, new Date()));
    if (!openNow) expect(next).toBe(nextOpening(hours, new Date())!.toISOString());

    const bad = async (h: unknown) => t.gql('mutation($id: Int!, $h: BusinessHoursInput) { updateStaff(id: $id, input: { businessHours: $h }) { id } }', { id: staffId, h }, m.token);
    const zone = await bad({ timeZone: 'Mars/Olympus', weekly: [] });
    expect(gqlCode(zone)).toBe('BAD_USER_INPUT');
    expect(zone.errors![0]!.message).toMatch(/businessHours\.timeZone: .*IANA/);
    expect(gqlCode(await bad({ timeZone: 'UTC', weekly: [{ day: 0, open: '09:00', close: '10:00' }] }))).toBe('BAD_USER_INPUT');
    expect(gqlCode(await bad({ timeZone: 'UTC', weekly: [{ day: 1, open: '18:00', close: '09:00' }] }))).toBe('BAD_USER_INPUT');
    expect(gqlCode(await bad({ timeZone: 'UTC', weekly: [{ day: 1, open: '09:00', close: '12:00' }, { day: 1, open: '11:00', close: '14:00' }] }))).toBe('BAD_USER_INPUT');
    expect(gqlCode(await bad({ timeZone: 'UTC', weekly: [], holidays: ['26-12-25'] }))).toBe('BAD_USER_INPUT');

    // Another tenant's staff is not found; an agent may not edit a staff.
    const agent = await createAgent(t, m.token, [staffId]);
    expect(gqlCode(await t.gql(`mutation($id: Int!) { updateStaff(id: $id, input: { businessHours: null }) { id } }`, { id: staffId }, other.token))).toBe('NOT_FOUND');
    expect(gqlCode(await t.gql(`mutation($id: Int!) { updateStaff(id: $id, input: { businessHours: null }) { id } }`, { id: staffId }, agent.token))).toBe('FORBIDDEN');
    expect(gqlCode(await t.gql(`query($id: Int!) { staff(id: $id) { ${STAFF_HOURS} } }`, { id: staffId }, other.token))).toBe('NOT_FOUND');

    // The ai-staff REST edit takes the same, in the seed's snake case; a bad zone is 1003.
    const edit = await t.rest('/api/v1/customer/edit/staff', { id: staffId, business_hours: { time_zone: 'Europe/Paris', weekly: [{ day: 5, open: '10:00', close: '24:00' }] } }, m.token);
    expect(edit.body.header.code).toBe(0);
    // The seed's list keeps its own fields; GraphQL shows the hours.
    const read = await t.gql(`query($id: Int!) { staff(id: $id) { ${STAFF_HOURS} } }`, { id: staffId }, m.token);
    expect(read.data.staff.businessHours).toEqual({ timeZone: 'Europe/Paris', weekly: [{ day: 5, open: '10:00', close: '24:00' }], holidays: [] });
    const refused = await t.rest('/api/v1/customer/edit/staff', { id: staffId, business_hours: { time_zone: 'Nowhere', weekly: [] } }, m.token);
    expect(refused.body.header.code).toBe(1003);
    expect((await t.rest('/api/v1/customer/edit/staff', { id: staffId, business_hours: { time_zone: 'UTC', weekly: [] } }, other.token)).body.header.code).toBe(1006);

    // Null: always open again.
    const cleared = await t.gql(`mutation($id: Int!) { updateStaff(id: $id, input: { businessHours: null }) { ${STAFF_HOURS} } }`, { id: staffId }, m.token);
    expect(cleared.data.updateStaff).toMatchObject({ businessHours: null, openNow: true });
  });

  it('outside hours a handoff says when agents return, waits as an offline message while the AI answers, and is routed once open', async () => {
    const hours = closedNow();
    const staff = await createStaffWithKeys(t, m.token);
    await t.gql('mutation($id: Int!, $h: BusinessHoursInput) { updateStaff(id: $id, input: { businessHours: $h }) { id } }', { id: staff.id, h: hours }, m.token);
    const agent = await createAgent(t, m.token, [staff.id], { auto_accept: true });
    expect((await t.gql('mutation { setAgentStatus(status: ONLINE) { status } }', {}, agent.token)).data.setAgentStatus.status).toBe('ONLINE');

    const c = await FrameClient.open(ws('/ws?contact_id=after-hours'), basicAuth(staff.apiKey, staff.secretKey));
    c.send({ action: 'chat', content: '转人工' });
    const notice = await c.untilEof();
    expect(notice).toContain('人工客服现在不在工作时间');
    expect(notice).toContain(formatOpening(nextOpening(hours, new Date())!, hours, 'zh'));

    const sessionOf = async () => (await t.gql('{ sessions { items { id status offlineMessage contact { externalId } } } }', {}, m.token)).data.sessions.items.find((s: any) => s.contact.externalId === 'after-hours');
    // Not routed to the online auto-accept agent: the agents are away.
    expect(await sessionOf()).toMatchObject({ status: 'PENDING', offlineMessage: true });

    // The AI keeps answering the contact's messages meanwhile.
    c.send({ action: 'chat', content: '你好' });
    expect((await c.untilEof()).length).toBeGreaterThan(0);
    const { id } = await sessionOf();
    const messages = (await t.gql('query($id: Int!) { messages(sessionId: $id) { senderType content } }', { id }, m.token)).data.messages;
    expect(messages.map((x: any) => x.senderType)).toEqual(['CONTACT', 'CONTACT', 'AI']);
    expect(await sessionOf()).toMatchObject({ status: 'PENDING' });

    // The hours open (here: always): the sweep routes it to the agent.
    await t.gql('mutation($id: Int!) { updateStaff(id: $id, input: { businessHours: null }) { id } }', { id: staff.id }, m.token);
    await t.app.services.sweep.sweep();
    await expect.poll(async () => (await sessionOf()).status).toBe('MANUAL');
    c.close();
  });

  it('asks for a rating after a close on /ws, takes one per session, and shows it on GraphQL to its tenant only', async () => {
    const staff = await createStaffWithKeys(t, m.token);
    const agent = await createAgent(t, m.token, [staff.id]);
    const otherStaff = await createStaff(t, m.token);
    const stranger = await createAgent(t, m.token, [otherStaff]);
    const c = await FrameClient.open(ws('/ws?contact_id=rater'), basicAuth(staff.apiKey, staff.secretKey));
    const frame = async () => JSON.parse((await c.untilEof()).replace('|=JSON=|', ''));

    // Nothing closed yet: nothing to rate.
    c.send({ action: 'rate', score: 5 });
    expect(await frame()).toMatchObject({ code: 1006 });

    c.send({ action: 'chat', content: '你好' });
    await c.untilEof();
    const sessionId = (await t.gql('{ sessions { items { id contact { externalId } } } }', {}, m.token)).data.sessions.items.find((s: any) => s.contact.externalId === 'rater').id;
    expect((await fetch(`${t.url}/api/sessions/${sessionId}/close`, { method: 'POST', headers: { 'auth-token': m.token } })).status).toBe(200);
    expect(await c.untilEof()).toMatch(/会话已结束/);
    expect(await frame()).toEqual({ code: 0, message: 'OK', result: { type: 'csat', sessionId: String(sessionId), min: 1, max: 5 } });

    for (const score of [0, 6, 2.5, '5', null]) {
      c.send({ action: 'rate', score });
      expect(await frame()).toMatchObject({ code: 1003 });
    }
    c.send({ action: 'rate', score: 4, comment: '  回复很快 ' });
    expect(await frame()).toEqual({ code: 0, message: 'OK', result: { type: 'rated', sessionId: String(sessionId) } });
    c.send({ action: 'rate', score: 1 });
    expect(await frame()).toMatchObject({ code: 1005, message: expect.stringMatching(/already been rated/) });

    const q = 'query($id: Int!) { session(id: $id) { csatScore csatComment } }';
    expect((await t.gql(q, { id: sessionId }, m.token)).data.session).toEqual({ csatScore: 4, csatComment: '回复很快' });
    expect((await t.gql(q, { id: sessionId }, agent.token)).data.session).toEqual({ csatScore: 4, csatComment: '回复很快' });
    expect(gqlCode(await t.gql(q, { id: sessionId }, other.token))).toBe('NOT_FOUND');
    expect(gqlCode(await t.gql(q, { id: sessionId }, stranger.token))).toBe('NOT_FOUND');
    expect(gqlCode(await t.gql(q, { id: sessionId }))).toBe('UNAUTHENTICATED');
    c.close();
  });

  it('on a channel, the closed notice asks for a rating and the next "1".."5" is taken as it', async () => {
    const receiver = await startGatewayReceiver();
    const staffId = await createStaff(t, m.token);
    expect((await t.rest('/api/v1/customer/create/channel', { staff_id: staffId, channel_type: 'douyin', account_id: 'dy-csat', secret: SECRET, outbound_url: receiver.url }, m.token)).body.header.code).toBe(0);
    let n = 0;
    const say = (content: string) =>
      postGatewayCallback(t.url, 'douyin', SECRET, { account_id: 'dy-csat', msg_id: `csat-${++n}`, user_id: 'dy-rater', msg_type: 'text', content, timestamp: Math.floor(Date.now() / 1000) });
    const sessions = async () => (await t.gql('{ sessions { items { id status csatScore contact { externalId } } } }', {}, m.token)).data.sessions.items.filter((s: any) => s.contact.externalId === 'dy-rater');

    expect((await say('你好')).status).toBe(200);
    await expect.poll(async () => (await sessions()).length).toBe(1);
    const [{ id }] = await sessions();
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(1);
    expect((await fetch(`${t.url}/api/sessions/${id}/close`, { method: 'POST', headers: { 'auth-token': m.token } })).status).toBe(200);
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(2);
    expect(receiver.requests[1]!.json.content).toMatch(/会话已结束.*回复 1 到 5/);

    expect((await say(' 5 ')).status).toBe(200);
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(3);
    expect(receiver.requests[2]!.json.content).toBe('感谢您的评价！');
    expect(await sessions()).toEqual([expect.objectContaining({ id, status: 'CLOSED', csatScore: 5 })]);

    // A repeated digit changes nothing and is not thanked twice; other words open a new conversation.
    expect((await say('2')).status).toBe(200);
    expect((await say('还有个问题')).status).toBe(200);
    await expect.poll(async () => (await sessions()).length).toBe(2);
    expect((await sessions()).find((s: any) => s.id === id).csatScore).toBe(5);
    // While a conversation is open a digit is just a message in it.
    expect((await say('3')).status).toBe(200);
    await expect.poll(async () => (await sessions()).filter((s: any) => s.status !== 'CLOSED').length).toBe(1);
    expect(receiver.requests.filter((r) => r.json?.content === '感谢您的评价！')).toHaveLength(1);
    await receiver.close();
  });
});

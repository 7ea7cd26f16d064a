import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGatewayCallback, startGatewayReceiver } from '../support/channel-fakes.js';
import { createAgent, createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SECRET = 'helpdesk-gateway-secret';

describe('helpdesk on an outside channel: canned replies reach it, notes never do', { timeout: 60_000 }, () => {
  let t: TestApp;
  let m: MerchantFixture;
  let receiver: Awaited<ReturnType<typeof startGatewayReceiver>>;
  let staffId: number;

  beforeAll(async () => {
    t = await startTestApp({ CHANNEL_RETRY_BASE_MS: '50', CHANNEL_RETRY_MAX_SECONDS: '1', CHANNEL_POLL_MS: '50' });
    m = await createMerchant(t);
    staffId = await createStaff(t, m.token);
    receiver = await startGatewayReceiver();
    const res = await t.rest('/api/v1/customer/create/channel', { staff_id: staffId, channel_type: 'douyin', account_id: 'dy-helpdesk', secret: SECRET, outbound_url: receiver.url }, m.token);
    expect(res.body.header.code).toBe(0);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('delivers a canned reply like a typed one, and keeps notes out of the outbox', async () => {
    const agent = await createAgent(t, m.token, [staffId]);
    const sent = await postGatewayCallback(t.url, 'douyin', SECRET, { account_id: 'dy-helpdesk', msg_id: 'h-1', user_id: 'dy-u', msg_type: 'text', content: '转人工', timestamp: Math.floor(Date.now() / 1000) });
    expect(sent.status).toBe(200);
    const sessionId = sent.body.data.session_id;
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(1); // the queue notice
    expect((await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { status } }', { id: sessionId }, agent.token)).data.acceptSession.status).toBe('MANUAL');
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(2); // the agent joined

    await t.gql('mutation($s: Int!) { addSessionNote(sessionId: $s, content: "NOTE: refund already approved") { id } }', { s: sessionId }, m.token);
    const reply = (await t.gql('mutation { createCannedReply(input: { title: "Refund", shortcut: "/refund", content: "退款将在3个工作日内到账" }) { id } }', {}, m.token)).data.createCannedReply;
    const res = await t.gql('mutation($s: Int!, $r: Int!) { sendCannedReply(sessionId: $s, cannedReplyId: $r) { content } }', { s: sessionId, r: reply.id }, agent.token);
    expect(res.errors).toBeUndefined();
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(3);
    expect(receiver.requests[2]!.json).toMatchObject({ user_id: 'dy-u', msg_type: 'text', content: '退款将在3个工作日内到账', reply_to: 'h-1' });

    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.requests).toHaveLength(3);
    expect(receiver.requests.map((r) => r.raw).join('\n')).not.toContain('refund already approved');
    const queued = await t.app.orm.em.fork().getConnection().execute(`select count(*)::int as n from outbound_delivery where session_id = ? and body::text like '%refund already approved%'`, [sessionId]);
    expect(queued[0]!.n).toBe(0);
  });
});

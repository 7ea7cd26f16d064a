import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys } from '../support/factories.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const HOURS_DOC = `# 营业时间

我们的门店营业时间是每天上午9点到晚上9点，节假日照常营业。

# Opening hours

Our stores are open every day from 9 am to 9 pm, including public holidays.
`;

describe('end to end: a contact, the AI, an agent, and every console', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AGENT_WS_BEAT_MS: '10000' });
  });
  afterAll(() => t?.close());

  it('hands a web chat to an auto-accept agent and every surface sees every step', async () => {
    const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
    const merchant = await createMerchant(t);
    const staff = await createStaffWithKeys(t, merchant.token, { name: 'Shop bot' });
    await addDocument(t, merchant.token, staff.id, 'hours.md', HOURS_DOC);
    await t.rest('/api/v1/customer/sync/doc', { staff_id: staff.id }, merchant.token);
    await waitForSync(t, merchant.token, staff.id);
    const agent = await createAgent(t, merchant.token, [staff.id], { name: '小王' });

    // The legacy console logs in and switches auto-accept on.
    const console = await FrameClient.open(ws('/ws/kf'));
    console.send({ method: 'login', token: agent.token });
    const login = await console.nextJson({ method: 'login' });
    expect(login).toMatchObject({ code: 0, method: 'login', customer_id: agent.id });
    console.send({ method: 'set_auto_connect_status', status: 1 });
    expect(await console.nextJson({ method: 'set_auto_connect_status' })).toMatchObject({ code: 0 });

    // The workbench and a GraphQL console watch.
    const workbench = await FrameClient.open(ws(`/ws/cs/${agent.id}?token=${agent.token}`));
    const gql = t.wsClient({ token: merchant.token });
    const changes: any[] = [];
    gql.subscribe({ query: 'subscription { sessionChanged { kind status session { id status } } }' }, { next: (v) => changes.push(v.data?.sessionChanged), error: () => {}, complete: () => {} });
    await new Promise((r) => setTimeout(r, 200));

    // The contact asks; the AI answers from the document.
    const contact = await FrameClient.open(ws('/ws?contact_id=e2e-contact'), basicAuth(staff.apiKey, staff.secretKey));
    contact.send({ action: 'chat', type: 'text', content: '你们的营业时间是什么？' });
    expect(await contact.untilEof()).toContain('9点');
    await expect.poll(() => changes.length).toBeGreaterThan(0);
    const sessionId = changes[0].session.id;
    const added: any[] = [];
    gql.subscribe({ query: `subscription { messageAdded(sessionId: ${sessionId}) { seq senderType content } }` }, { next: (v) => added.push(v.data?.messageAdded), error: () => {}, complete: () => {} });
    await new Promise((r) => setTimeout(r, 200));

    // The contact asks for a person: the auto-accept agent gets it at once.
    contact.send({ action: 'chat', type: 'text', content: '转人工' });
    const pushed = await console.nextJson({ method: 'connect_list_push' });
    expect(pushed).toMatchObject({ code: 0, userid: 'e2e-contact', user_query: [{ type: 'text', value: { text: '转人工' } }] });
    expect(await contact.untilEof()).toBe('');
    expect(await contact.untilEof()).toBe('人工客服 小王 为您服务。');

    // The agent replies from the legacy console; the contact receives it.
    console.send({ method: 'send_to_user', userid: 'e2e-contact', message: [{ type: 'text', value: { text: '您好，我是小王，请问有什么可以帮您？' } }] });
    expect(await console.nextJson({ method: 'send_to_user' })).toEqual({ code: 0, method: 'send_to_user', data: { failure: 0, success: 1 } });
    expect(await contact.untilEof()).toBe('您好，我是小王，请问有什么可以帮您？');

    // The contact writes again: the agent's console shows it in the current list; the AI stays silent.
    contact.send({ action: 'chat', type: 'text', content: '我想改一下订单地址' });
    expect(await contact.untilEof()).toBe('');
    expect(await console.nextJson({ method: 'connect_list_push' })).toMatchObject({ user_query: [{ value: { text: '我想改一下订单地址' } }] });

    // The workbench saw the handoff, the acceptance and the messages in the agent's session.
    expect(await workbench.nextJson({ type: 'new_pending_session' })).toMatchObject({ sessionId: String(sessionId), data: { status: 'pending' } });
    expect(await workbench.nextJson({ type: 'session_accepted' })).toMatchObject({ sessionId: String(sessionId), data: { status: 'manual', manualCsId: String(agent.id) } });
    expect(await workbench.nextJson({ type: 'new_message' })).toMatchObject({ data: { senderType: 'manual', content: '您好，我是小王，请问有什么可以帮您？' } });
    expect(await workbench.nextJson({ type: 'new_message' })).toMatchObject({ data: { senderType: 'customer', content: '我想改一下订单地址' } });

    // The GraphQL subscriber saw every lifecycle step and every message after it subscribed.
    await expect.poll(() => changes.map((c) => c.kind)).toEqual(['opened', 'handoff', 'accepted']);
    await expect.poll(() => added.map((m) => m.senderType)).toEqual(['CONTACT', 'AGENT', 'CONTACT']);

    // The history has the contact, the AI and the agent, in order.
    const history = await t.gql(`{ messages(sessionId: ${sessionId}) { seq senderType content } }`, {}, agent.token);
    expect(history.data.messages.map((m: any) => [m.seq, m.senderType])).toEqual([
      [1, 'CONTACT'],
      [2, 'AI'],
      [3, 'CONTACT'],
      [4, 'AGENT'],
      [5, 'CONTACT'],
    ]);
    const rest = await (await fetch(`${t.url}/api/sessions/${sessionId}/history`, { headers: { 'auth-token': agent.token } })).json();
    expect((rest as any).data.map((m: any) => m.senderType)).toEqual(['customer', 'ai', 'customer', 'manual', 'customer']);

    contact.close();
    console.close();
    workbench.close();
  });
});

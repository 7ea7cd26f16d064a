import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, createAgent, createMerchant, createProduct, createStaffWithKeys, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A merchant's webhook receiver: records every request; `plan[path]` lists the statuses to answer in turn (then 200). */
async function startReceiver() {
  const received: Received[] = [];
  const plan: Record<string, number[]> = {};
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const status = plan[path]?.shift() ?? 200;
      received.push({ path, headers: req.headers, body, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'busy');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    plan,
    at: (path: string) => received.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const ALL_TYPES = ['session.opened', 'session.handed_off', 'session.accepted', 'session.transferred', 'session.closed', 'message.created', 'trade.paid', 'trade.refunded', 'document.synced', 'document.failed'];
const ENDPOINT_FIELDS = 'id url description eventTypes enabled';
const DELIVERY_FIELDS = 'id endpointId msgId eventType payload state attempts lastStatus lastError deliveredAt';

describe('merchant webhooks (GraphQL, REST /api/v1/customer/*/webhook, Standard Webhooks signatures)', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let alice: MerchantFixture;
  let bob: MerchantFixture;
  let staff: StaffFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
  const create = (token: string, input: Record<string, unknown>) =>
    t.gql(`mutation($i: WebhookEndpointCreateInput!) { createWebhookEndpoint(input: $i) { secret endpoint { ${ENDPOINT_FIELDS} } } }`, { i: input }, token);
  const deliveries = async (token: string, endpointId: number) =>
    (await t.gql(`query($e: Int!) { webhookDeliveries(endpointId: $e, page: { pageSize: 100 }) { total items { ${DELIVERY_FIELDS} } } }`, { e: endpointId }, token)).data
      .webhookDeliveries;
  /** The verified payloads a path received, in order (a bad signature throws). */
  const verified = (path: string, secret: string) =>
    receiver.at(path).map((r) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { type: string; timestamp: string; data: any });

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestApp({ CHANNEL_POLL_MS: '50', CHANNEL_RETRY_BASE_MS: '100' });
    [alice, bob] = await Promise.all([createMerchant(t), createMerchant(t)]);
    staff = await createStaffWithKeys(t, alice.token, { name: 'Hooked' });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('delivers each event type to a subscribed endpoint, signed so a Standard Webhooks library verifies it', async () => {
    const made = await create(alice.token, { url: `${receiver.url}/all`, description: 'everything', eventTypes: ALL_TYPES });
    expect(made.errors).toBeUndefined();
    const { secret, endpoint } = made.data.createWebhookEndpoint;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint).toEqual({ id: expect.any(Number), url: `${receiver.url}/all`, description: 'everything', eventTypes: ALL_TYPES, enabled: true });

    // A conversation: opened, the contact's message, a handoff, accepted, the agent's reply, closed.
    const agent = await createAgent(t, alice.token, [staff.id], { name: 'Ivy' });
    const contact = await FrameClient.open(ws('/ws?contact_id=hook-1'), basicAuth(staff.apiKey, staff.secretKey));
    contact.send({ action: 'chat', content: '人工客服' });
    await contact.untilEof();
    const list = await t.gql('{ sessions(filter: { status: PENDING }) { items { id } } }', {}, alice.token);
    const sessionId: number = list.data.sessions.items[0].id;
    expect((await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { status } }', { id: sessionId }, agent.token)).data.acceptSession.status).toBe('MANUAL');
    await t.gql('mutation($i: SendMessageInput!) { sendMessage(input: $i) { seq } }', { i: { sessionId, content: 'Ivy here' } }, agent.token);
    await t.gql('mutation($id: Int!) { closeSession(sessionId: $id) { status } }', { id: sessionId }, agent.token);
    contact.close();

    // A trade paid in the sandbox, then refunded by the admin.
    const admin = await adminToken(t);
    const productId = await createProduct(t, admin, { name: 'Monthly', price: '199', currency: 'CNY', expiring_days: 31 });
    const pay = await t.gql('mutation($i: PayStaffInput!) { payStaff(input: $i) { tradeNo } }', { i: { staffId: staff.id, productId, payType: 'STRIPE' } }, alice.token);
    const tradeNo: string = pay.data.payStaff.tradeNo;
    expect((await fetch(`${t.url}/pay/sandbox/${tradeNo}`, { method: 'POST' })).status).toBe(200);
    expect((await t.gql('mutation($no: String!) { refundTrade(tradeNo: $no) { state } }', { no: tradeNo }, admin)).errors).toBeUndefined();

    // A document that indexes, and one that cannot be read.
    await addDocument(t, alice.token, staff.id, 'hours.md', '# Hours\n\nOpen from nine to nine.');
    await addDocument(t, alice.token, staff.id, 'broken.docx', 'this is not a zip file');
    await t.rest('/api/v1/customer/sync/doc', { staff_id: staff.id }, alice.token);
    await waitForSync(t, alice.token, staff.id);

    const want = ['session.opened', 'message.created', 'session.handed_off', 'session.accepted', 'message.created', 'session.closed', 'trade.paid', 'trade.refunded'];
    const seq = (e: { data: any }) => e.data.seq as number;
    await expect.poll(() => receiver.at('/all').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(want.length + 2);
    const events = verified('/all', secret);
    const types = events.map((e) => e.type);
    // Every request verified, each event once (deliveries are not ordered: several workers send them).
    expect(types.sort()).toEqual([...want, 'document.failed', 'document.synced'].sort());
    const byType = (type: string) => events.filter((e) => e.type === type);
    expect(byType('session.opened')[0]!.data).toMatchObject({ session_id: sessionId, staff_id: staff.id, channel: 'web', status: 'ai', previous_status: null });
    expect(byType('session.accepted')[0]!.data).toMatchObject({ session_id: sessionId, status: 'manual', agent_id: agent.id });
    expect(byType('message.created').sort((x, y) => seq(x) - seq(y)).map((e) => [e.data.seq, e.data.sender_type, e.data.content])).toEqual([[1, 'contact', '人工客服'], [2, 'agent', 'Ivy here']]);
    expect(byType('trade.paid')[0]!.data).toMatchObject({ trade_no: tradeNo, staff_id: staff.id, pay_amount: '199.00', currency: 'CNY' });
    expect(byType('trade.refunded')[0]!.data).toMatchObject({ trade_no: tradeNo, refund_amount: '199.00' });
    expect(byType('document.synced')[0]!.data).toMatchObject({ staff_id: staff.id, file_name: 'hours.md', chunk_count: 1, error: null });
    expect(byType('document.failed')[0]!.data).toMatchObject({ file_name: 'broken.docx', error: expect.any(String) });
    // One webhook-id per event; the timestamp header is the one signed.
    const ids = receiver.at('/all').map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of receiver.at('/all')) expect(Math.abs(Number(r.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    // A forged signature fails verification (the check above is not vacuous).
    // Deliveries are not ordered: the first one received may be of any type, so its own type is forged.
    const first = receiver.at('/all')[0]!;
    const forged = first.body.replace(/"type":"[^"]+"/, '"type":"forged.event"');
    expect(forged).not.toBe(first.body);
    expect(() => new Webhook(secret).verify(forged, first.headers as Record<string, string>)).toThrow();

    const log = await deliveries(alice.token, endpoint.id);
    expect(log.total).toBe(events.length);
    expect(log.items.every((d: any) => d.state === 'DELIVERED' && d.attempts === 1 && d.lastStatus === 200 && d.lastError === null)).toBe(true);
  });

  it('sends only the subscribed types, and nothing to a disabled endpoint', async () => {
    const only = (await create(alice.token, { url: `${receiver.url}/closed-only`, eventTypes: ['session.closed'] })).data.createWebhookEndpoint;
    const off = (await create(alice.token, { url: `${receiver.url}/off`, eventTypes: ALL_TYPES, enabled: false })).data.createWebhookEndpoint;
    const contact = await FrameClient.open(ws('/ws?contact_id=hook-2'), basicAuth(staff.apiKey, staff.secretKey));
    contact.send({ action: 'chat', content: '人工客服' });
    await contact.untilEof();
    const list = await t.gql('{ sessions(filter: { status: PENDING }) { items { id contact { externalId } } } }', {}, alice.token);
    const id = list.data.sessions.items.find((s: any) => s.contact.externalId === 'hook-2').id;
    await t.gql('mutation($id: Int!) { closeSession(sessionId: $id) { status } }', { id }, alice.token);
    contact.close();
    await expect.poll(() => receiver.at('/closed-only').length, { timeout: 10_000 }).toBe(1);
    expect(verified('/closed-only', only.secret).map((e) => [e.type, e.data.session_id])).toEqual([['session.closed', id]]);
    expect(receiver.at('/off')).toEqual([]);
    expect((await deliveries(alice.token, off.endpoint.id)).total).toBe(0);
  });

  it('queues an event in the transaction of its change: with no worker running it waits in the table, and goes out once one starts', async () => {
    const durable = (await create(alice.token, { url: `${receiver.url}/durable`, eventTypes: ['session.opened'] })).data.createWebhookEndpoint;
    await t.app.services.deliveries.stop();
    try {
      const contact = await FrameClient.open(ws('/ws?contact_id=hook-durable'), basicAuth(staff.apiKey, staff.secretKey));
      contact.send({ action: 'chat', content: 'hello' });
      await contact.untilEof();
      contact.close();
      const log = await deliveries(alice.token, durable.endpoint.id);
      expect(log.items.map((d: any) => [d.eventType, d.state, d.attempts])).toEqual([['session.opened', 'PENDING', 0]]);
      expect(receiver.at('/durable')).toEqual([]);
    } finally {
      t.app.services.deliveries.start();
    }
    await expect.poll(() => receiver.at('/durable').length, { timeout: 10_000 }).toBe(1);
    expect(verified('/durable', durable.secret)[0]!.data).toMatchObject({ staff_id: staff.id, status: 'ai' });
  });

  it('retries a 503 and delivers once, with the same webhook-id; the log shows attempts and the last status', async () => {
    const flaky = (await create(alice.token, { url: `${receiver.url}/flaky`, eventTypes: ['session.closed'] })).data.createWebhookEndpoint;
    receiver.plan['/flaky'] = [503];
    const test = await t.gql(`mutation($id: Int!) { testWebhookEndpoint(id: $id) { ${DELIVERY_FIELDS} } }`, { id: flaky.endpoint.id }, alice.token);
    expect(test.data.testWebhookEndpoint).toMatchObject({ eventType: 'webhook.test', state: 'PENDING', attempts: 1, lastStatus: 503, lastError: 'HTTP 503: busy' });
    await expect.poll(async () => (await deliveries(alice.token, flaky.endpoint.id)).items[0].state, { timeout: 10_000 }).toBe('DELIVERED');
    const [row] = (await deliveries(alice.token, flaky.endpoint.id)).items;
    expect(row).toMatchObject({ eventType: 'webhook.test', attempts: 2, lastStatus: 200, lastError: null, deliveredAt: expect.any(String) });
    expect(JSON.parse(row.payload)).toMatchObject({ type: 'webhook.test', data: { endpoint_id: flaky.endpoint.id } });
    // Nothing more comes once delivered.
    await new Promise((r) => setTimeout(r, 500));
    const hits = receiver.at('/flaky');
    expect(hits.map((h) => h.status)).toEqual([503, 200]);
    expect(hits[0]!.headers['webhook-id']).toBe(hits[1]!.headers['webhook-id']);
    expect(hits[1]!.headers['webhook-id']).toBe(row.msgId);
    expect(verified('/flaky', flaky.secret).map((e) => e.type)).toEqual(['webhook.test', 'webhook.test']);
  });

  it("answers another merchant's endpoint as not found, and refuses agents and bad input", async () => {
    const mine = (await create(alice.token, { url: `${receiver.url}/mine`, eventTypes: ['trade.paid'] })).data.createWebhookEndpoint.endpoint;
    const code = (r: any) => r.errors?.[0]?.extensions?.code;
    expect(code(await t.gql(`query($id: Int!) { webhookEndpoint(id: $id) { id } }`, { id: mine.id }, bob.token))).toBe('NOT_FOUND');
    expect(code(await t.gql(`mutation($id: Int!) { updateWebhookEndpoint(id: $id, input: { enabled: false }) { id } }`, { id: mine.id }, bob.token))).toBe('NOT_FOUND');
    expect(code(await t.gql(`mutation($id: Int!) { deleteWebhookEndpoint(id: $id) }`, { id: mine.id }, bob.token))).toBe('NOT_FOUND');
    expect(code(await t.gql(`mutation($id: Int!) { testWebhookEndpoint(id: $id) { id } }`, { id: mine.id }, bob.token))).toBe('NOT_FOUND');
    expect(code(await t.gql(`query($e: Int!) { webhookDeliveries(endpointId: $e) { total } }`, { e: mine.id }, bob.token))).toBe('NOT_FOUND');
    expect((await t.gql('{ webhookEndpoints { total } }', {}, bob.token)).data.webhookEndpoints.total).toBe(0);
    expect((await t.rest('/api/v1/customer/delete/webhook', { id: mine.id }, bob.token)).body.header.code).toBe(1006);

    const agent = await createAgent(t, alice.token, [staff.id]);
    expect(code(await t.gql('{ webhookEndpoints { total } }', {}, agent.token))).toBe('FORBIDDEN');
    expect(code(await create(agent.token, { url: `${receiver.url}/agent`, eventTypes: ['trade.paid'] }))).toBe('FORBIDDEN');
    const rest = await t.rest('/api/v1/customer/create/webhook', { url: `${receiver.url}/agent`, event_types: ['trade.paid'] }, agent.token);
    expect(rest.body.header.code).toBe(1000);

    const bad = async (input: Record<string, unknown>) => (await create(alice.token, input)).errors?.[0];
    expect(await bad({ url: 'ftp://files.example/x', eventTypes: ['trade.paid'] })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('http(s)') });
    expect(await bad({ url: `${receiver.url}/x`, eventTypes: ['trade.lost'] })).toMatchObject({ message: expect.stringContaining('event_types') });
    expect(await bad({ url: `${receiver.url}/x`, eventTypes: [] })).toMatchObject({ message: expect.stringContaining('at least one') });
  });

  it('rotates a secret: the new one is shown once, and for a day each request is signed with it and every secret it replaced', async () => {
    const made = (await create(alice.token, { url: `${receiver.url}/rotating`, eventTypes: ['trade.paid'] })).data.createWebhookEndpoint;
    const rotate = async () => (await t.gql(`mutation($id: Int!) { rotateWebhookSecret(id: $id) { secret endpoint { id } } }`, { id: made.endpoint.id }, alice.token));
    const sendTest = () => t.gql(`mutation($id: Int!) { testWebhookEndpoint(id: $id) { id } }`, { id: made.endpoint.id }, alice.token);
    const last = () => receiver.at('/rotating').at(-1)!;
    const signatures = () => String(last().headers['webhook-signature']).split(' ');
    const verifies = (secret: string) => {
      try {
        new Webhook(secret).verify(last().body, last().headers as Record<string, string>);
        return true;
      } catch {
        return false;
      }
    };
    const second = (await rotate()).data.rotateWebhookSecret.secret as string;
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(made.secret);
    await sendTest();
    // A receiver still on the old secret, and one already on the new, both verify it.
    expect(signatures()).toHaveLength(2);
    expect([verifies(made.secret), verifies(second)]).toEqual([true, true]);
    // Rotated again within the day: the first secret is not cut off by the second rotation.
    const third = (await rotate()).data.rotateWebhookSecret.secret as string;
    await sendTest();
    expect(signatures()).toHaveLength(3);
    expect([verifies(made.secret), verifies(second), verifies(third)]).toEqual([true, true, true]);
    const fourth = (await rotate()).data.rotateWebhookSecret.secret as string;
    // Three replaced secrets sign at most: a fourth rotation within the day is refused, nothing changed.
    const refused = await rotate();
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('stops signing at') });
    expect((await t.rest('/api/v1/customer/rotate/webhook_secret', { id: made.endpoint.id }, alice.token)).body.header.code).toBe(1003);
    await sendTest();
    expect(signatures()).toHaveLength(4);
    expect(verifies(fourth)).toBe(true);
    // A day later only the newest signs.
    await t.app.orm.em.fork().getConnection().execute(
      `update webhook_endpoint set previous_secrets = (select jsonb_agg(jsonb_set(x, '{until}', '"2000-01-01T00:00:00.000Z"')) from jsonb_array_elements(previous_secrets) x) where id = ?`,
      [made.endpoint.id],
    );
    await sendTest();
    expect(signatures()).toHaveLength(1);
    expect([verifies(made.secret), verifies(second), verifies(third), verifies(fourth)]).toEqual([false, false, false, true]);

    const code = (r: any) => r.errors?.[0]?.extensions?.code;
    expect(code(await t.gql(`mutation($id: Int!) { rotateWebhookSecret(id: $id) { secret } }`, { id: made.endpoint.id }, bob.token))).toBe('NOT_FOUND');
    expect((await t.rest('/api/v1/customer/rotate/webhook_secret', { id: made.endpoint.id }, bob.token)).body.header.code).toBe(1006);
    const viaRest = await t.rest('/api/v1/customer/rotate/webhook_secret', { id: made.endpoint.id }, alice.token);
    expect(viaRest.body.data).toMatchObject({ id: made.endpoint.id, secret: expect.stringMatching(/^whsec_/) });
  });

  it('redelivers a delivered or failed event with its webhook-id, and refuses one still being retried', async () => {
    const made = (await create(alice.token, { url: `${receiver.url}/again`, eventTypes: ['trade.paid'] })).data.createWebhookEndpoint;
    const sent = (await t.gql(`mutation($id: Int!) { testWebhookEndpoint(id: $id) { ${DELIVERY_FIELDS} } }`, { id: made.endpoint.id }, alice.token)).data.testWebhookEndpoint;
    expect(sent.state).toBe('DELIVERED');
    receiver.plan['/again'] = [500];
    const again = await t.gql(`mutation($id: Int!) { redeliverWebhook(deliveryId: $id) { ${DELIVERY_FIELDS} } }`, { id: sent.id }, alice.token);
    expect(again.data.redeliverWebhook).toMatchObject({ id: sent.id, msgId: sent.msgId, state: 'PENDING', attempts: 1, lastStatus: 500 });
    const code = (r: any) => r.errors?.[0]?.extensions?.code;
    const busy = await t.gql(`mutation($id: Int!) { redeliverWebhook(deliveryId: $id) { id } }`, { id: sent.id }, alice.token);
    expect(busy.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('still being retried') });
    expect((await t.rest('/api/v1/customer/redeliver/webhook_delivery', { id: sent.id }, alice.token)).body).toMatchObject({ header: { code: 1003, message: expect.stringContaining('still being retried') } });
    await expect.poll(async () => (await deliveries(alice.token, made.endpoint.id)).items[0].state, { timeout: 10_000 }).toBe('DELIVERED');
    const hits = receiver.at('/again');
    expect(hits.map((h) => h.status)).toEqual([200, 500, 200]);
    expect(new Set(hits.map((h) => h.headers['webhook-id']))).toEqual(new Set([sent.msgId]));
    expect(verified('/again', made.secret).every((e) => e.type === 'webhook.test')).toBe(true);

    expect(code(await t.gql(`mutation($id: Int!) { redeliverWebhook(deliveryId: $id) { id } }`, { id: sent.id }, bob.token))).toBe('NOT_FOUND');
    expect((await t.rest('/api/v1/customer/redeliver/webhook_delivery', { id: sent.id }, bob.token)).body.header.code).toBe(1006);
    const viaRest = await t.rest('/api/v1/customer/redeliver/webhook_delivery', { id: sent.id }, alice.token);
    expect(viaRest.body.data).toMatchObject({ id: sent.id, msg_id: sent.msgId, state: 'delivered', attempts: 1, last_status: 200 });
    expect(receiver.at('/again')).toHaveLength(4);
  });

  it('manages endpoints over REST: create shows the secret once, list, edit, test, delivery log, delete', async () => {
    const made = await t.rest('/api/v1/customer/create/webhook', { url: `${receiver.url}/rest`, description: 'crm', event_types: ['trade.paid', 'trade.paid'] }, alice.token);
    expect(made.body.header.code).toBe(0);
    const { id, secret } = made.body.data;
    expect(made.body.data).toMatchObject({ url: `${receiver.url}/rest`, description: 'crm', event_types: ['trade.paid'], enabled: true, secret: expect.stringMatching(/^whsec_/) });
    const listed = await t.rest('/api/v1/customer/list/webhook', { page_no: 0, page_size: 50 }, alice.token);
    const item = listed.body.data.list.find((e: any) => e.id === id);
    expect(item).toMatchObject({ id, event_types: ['trade.paid'], created_time: expect.any(String) });
    expect(item.secret).toBeUndefined();

    const edited = await t.rest('/api/v1/customer/edit/webhook', { id, event_types: ['trade.paid', 'trade.refunded'] }, alice.token);
    expect(edited.body.data).toMatchObject({ id, url: `${receiver.url}/rest`, description: 'crm', event_types: ['trade.paid', 'trade.refunded'] });

    const sent = await t.rest('/api/v1/customer/test/webhook', { id }, alice.token);
    expect(sent.body.data).toMatchObject({ webhook_id: id, event_type: 'webhook.test', state: 'delivered', attempts: 1, last_status: 200, last_error: '' });
    expect(verified('/rest', secret).map((e) => e.type)).toEqual(['webhook.test']);
    const log = await t.rest('/api/v1/customer/list/webhook_delivery', { webhook_id: id, state: 'delivered' }, alice.token);
    expect(log.body.header.total).toBe(1);
    expect(log.body.data.list[0]).toMatchObject({ msg_id: sent.body.data.msg_id, payload: { type: 'webhook.test' } });
    expect((await t.rest('/api/v1/customer/list/webhook_delivery', { webhook_id: id, state: 'lost' }, alice.token)).body.header.code).toBe(1003);

    const disabled = await t.rest('/api/v1/customer/edit/webhook', { id, enabled: false }, alice.token);
    expect(disabled.body.data.enabled).toBe(false);
    expect((await t.rest('/api/v1/customer/test/webhook', { id }, alice.token)).body.header).toMatchObject({ code: 1003, message: expect.stringContaining('disabled') });

    expect((await t.rest('/api/v1/customer/delete/webhook', { id }, alice.token)).body.header.code).toBe(0);
    expect((await t.rest('/api/v1/customer/list/webhook_delivery', { webhook_id: id }, alice.token)).body.header.code).toBe(1006);
  });
});

describe('webhook and gateway URLs without OUTBOUND_ALLOW_PRIVATE', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  beforeAll(async () => {
    t = await startTestApp({ OUTBOUND_ALLOW_PRIVATE: 'false' });
    merchant = await createMerchant(t);
  });
  afterAll(() => t?.close());

  it('refuses loopback, private and link-local addresses for endpoints and for a channel outbound_url', async () => {
    for (const url of ['http://127.0.0.1:9/x', 'http://10.1.2.3/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://[::ffff:127.0.0.1]/x', 'http://localhost/x']) {
      const res = await t.rest('/api/v1/customer/create/webhook', { url, event_types: ['trade.paid'] }, merchant.token);
      expect([url, res.body.header.code, res.body.header.message]).toEqual([url, 1003, expect.stringContaining('private, loopback or link-local')]);
    }
    const staffId = (await createStaffWithKeys(t, merchant.token)).id;
    const channel = await t.rest('/api/v1/customer/create/channel', { staff_id: staffId, channel_type: 'wechat', account_id: 'wx-ssrf', secret: 'gateway-secret', outbound_url: 'http://127.0.0.1:9/reply' }, merchant.token);
    expect(channel.body.header).toMatchObject({ code: 1003, message: expect.stringContaining('outbound_url: must not point at a private') });
  });
});

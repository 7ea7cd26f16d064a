import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, md5, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

describe('GraphQL: sessions, messages and agents', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;

  beforeAll(async () => {
    t = await startTestApp();
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token);
  });
  afterAll(() => t?.close());

  async function waiting(contactId: string, s = staff): Promise<{ id: number; contact: FrameClient }> {
    const contact = await FrameClient.open(ws(`/ws?contact_id=${contactId}`), basicAuth(s.apiKey, s.secretKey));
    contact.send({ action: 'chat', content: '人工客服' });
    await contact.untilEof();
    const list = await t.gql('{ sessions(filter: { status: PENDING }, page: { pageSize: 100 }) { items { id contact { externalId } } } }', {}, merchant.token);
    const found = list.data.sessions.items.find((x: any) => x.contact.externalId === contactId);
    return { id: found.id, contact };
  }

  it('accepts, sends, transfers and closes through the spine mutations', async () => {
    const agent = await createAgent(t, merchant.token, [staff.id], { name: 'Gina' });
    const other = await createAgent(t, merchant.token, [staff.id], { name: 'Hal' });
    const { id, contact } = await waiting('gql-flow');
    const s = await t.gql('query($id: Int!) { session(id: $id) { id status staffId queuePosition handoffReason contact { externalId channel } agent { id } } }', { id }, agent.token);
    expect(s.data.session).toMatchObject({ id, status: 'PENDING', staffId: staff.id, queuePosition: 1, handoffReason: 'requested', contact: { externalId: 'gql-flow', channel: 'WEB' }, agent: null });

    const acc = await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { status agent { id name } queuePosition } }', { id }, agent.token);
    expect(acc.data.acceptSession).toEqual({ status: 'MANUAL', agent: { id: agent.id, name: 'Gina' }, queuePosition: null });
    const send = await t.gql('mutation($i: SendMessageInput!) { sendMessage(input: $i) { seq senderType content clientMsgId } }', { i: { sessionId: id, content: 'Hi from Gina', clientMsgId: 'c-1' } }, agent.token);
    expect(send.data.sendMessage).toEqual({ seq: 2, senderType: 'AGENT', content: 'Hi from Gina', clientMsgId: 'c-1' });
    // The same clientMsgId again is the same message, not a second one.
    const resend = await t.gql('mutation($i: SendMessageInput!) { sendMessage(input: $i) { seq } }', { i: { sessionId: id, content: 'Hi from Gina', clientMsgId: 'c-1' } }, agent.token);
    expect(resend.data.sendMessage.seq).toBe(2);
    expect(await contact.untilEof()).toMatch(/Gina/);
    expect(await contact.untilEof()).toBe('Hi from Gina');

    const notMine = await t.gql('mutation($i: SendMessageInput!) { sendMessage(input: $i) { seq } }', { i: { sessionId: id, content: 'x' } }, other.token);
    expect(notMine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tr = await t.gql('mutation($id: Int!, $to: Int) { transferSession(sessionId: $id, toAgentId: $to) { status agent { id } } }', { id, to: other.id }, agent.token);
    expect(tr.data.transferSession).toEqual({ status: 'MANUAL', agent: { id: other.id } });
    const back = await t.gql('mutation($id: Int!) { transferSession(sessionId: $id) { status agent { id } } }', { id }, other.token);
    expect(back.data.transferSession).toEqual({ status: 'PENDING', agent: null });
    const closed = await t.gql('mutation($id: Int!) { closeSession(sessionId: $id) { status closedAt } }', { id }, merchant.token);
    expect(closed.data.closeSession.status).toBe('CLOSED');
    const twice = await t.gql('mutation($id: Int!) { closeSession(sessionId: $id) { status } }', { id }, merchant.token);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    contact.close();
  });

  it('lets a reconnecting client fetch exactly what it missed with messages(after:)', async () => {
    const agent = await createAgent(t, merchant.token, [staff.id]);
    const { id, contact } = await waiting('gql-catchup');
    await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { id } }', { id }, agent.token);
    expect(await contact.untilEof()).toMatch(/为您服务/);

    const sub = t.wsClient({ token: agent.token });
    const seen: any[] = [];
    const stop = sub.subscribe({ query: `subscription { messageAdded(sessionId: ${id}) { seq content } }` }, { next: (v) => seen.push(v.data?.messageAdded), error: () => {}, complete: () => {} });
    await new Promise((r) => setTimeout(r, 200));
    contact.send({ action: 'chat', content: 'one' });
    await contact.untilEof();
    await expect.poll(() => seen.length).toBe(1);
    const lastSeen = seen[0].seq;
    stop(); // the console drops...
    contact.send({ action: 'chat', content: 'two' });
    await contact.untilEof();
    await t.gql('mutation($i: SendMessageInput!) { sendMessage(input: $i) { seq } }', { i: { sessionId: id, content: 'three' } }, agent.token);
    // ...and catches up on reconnect.
    const missed = await t.gql('query($id: Int!, $after: Int) { messages(sessionId: $id, after: $after) { seq content } }', { id, after: lastSeen }, agent.token);
    expect(missed.data.messages).toEqual([
      { seq: lastSeen + 1, content: 'two' },
      { seq: lastSeen + 2, content: 'three' },
    ]);
    contact.close();
  });

  it('pushes agent presence to the merchant and its agents only', async () => {
    const a = await createAgent(t, merchant.token, [staff.id], { name: 'Pres' });
    const seen: any[] = [];
    t.wsClient({ token: merchant.token }).subscribe({ query: 'subscription { agentPresence { agentId name status kind } }' }, { next: (v) => seen.push(v.data?.agentPresence), error: () => {}, complete: () => {} });
    const foreign: any[] = [];
    const stranger = await createMerchant(t);
    t.wsClient({ token: stranger.token }).subscribe({ query: 'subscription { agentPresence { agentId } }' }, { next: (v) => foreign.push(v), error: () => {}, complete: () => {} });
    await new Promise((r) => setTimeout(r, 200));
    await t.gql('mutation { setAgentStatus(status: BUSY) { status } }', {}, a.token);
    await expect.poll(() => seen).toContainEqual({ agentId: a.id, name: 'Pres', status: 'BUSY', kind: 'status' });
    expect(foreign).toEqual([]);
    const auto = await t.gql('mutation { setAutoAccept(on: true) { autoAccept status } }', {}, a.token);
    expect(auto.data.setAutoAccept).toEqual({ autoAccept: true, status: 'BUSY' });
  });

  it('pages sessions with a total, and an agent pages only the sessions of its staff', async () => {
    const paged = await createStaffWithKeys(t, merchant.token);
    const contacts = [];
    for (const n of [1, 2, 3]) {
      const c = await FrameClient.open(ws(`/ws?contact_id=paged-${n}`), basicAuth(paged.apiKey, paged.secretKey));
      c.send({ action: 'chat', content: '人工客服' });
      await c.untilEof();
      contacts.push(c);
    }
    const page = (pageNo: number, token = merchant.token) =>
      t.gql('query($staffId: Int, $pageNo: Int) { sessions(filter: { staffId: $staffId }, page: { pageNo: $pageNo, pageSize: 2 }) { total pageNo pageSize items { id staffId } } }', { staffId: paged.id, pageNo }, token);
    const first = (await page(0)).data.sessions;
    const second = (await page(1)).data.sessions;
    expect(first).toMatchObject({ total: 3, pageNo: 0, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(second).toMatchObject({ total: 3, pageNo: 1 });
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((s: any) => s.id)).size).toBe(3);

    const onPaged = await createAgent(t, merchant.token, [paged.id]);
    expect((await page(0, onPaged.token)).data.sessions.total).toBe(3);
    // An agent of the first staff asking for the paged staff's sessions sees none; unfiltered, only its own staff's.
    const elsewhere = await createAgent(t, merchant.token, [staff.id]);
    expect((await page(0, elsewhere.token)).data.sessions).toMatchObject({ total: 0, items: [] });
    const mine = (await t.gql('{ sessions(page: { pageSize: 100 }) { total items { staffId } } }', {}, elsewhere.token)).data.sessions;
    expect(mine.items.length).toBe(mine.total);
    expect(mine.items.every((s: any) => s.staffId === staff.id)).toBe(true);

    const tooBig = await t.gql('{ sessions(page: { pageSize: 1000 }) { total } }', {}, merchant.token);
    expect(tooBig.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    contacts.forEach((c) => c.close());
  });

  it('keeps roles and tenants apart on every operation', async () => {
    const { id, contact } = await waiting('gql-tenancy');
    const other = await createMerchant(t);
    const otherStaff = await createStaffWithKeys(t, other.token);
    const otherAgent = await createAgent(t, other.token, [otherStaff.id]);
    for (const token of [other.token, otherAgent.token]) {
      expect((await t.gql('query($id: Int!) { session(id: $id) { id } }', { id }, token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql('query($id: Int!) { messages(sessionId: $id) { seq } }', { id }, token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql('mutation($id: Int!) { closeSession(sessionId: $id) { id } }', { id }, token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql('{ sessions { total items { id } } }', {}, token)).data.sessions).toEqual({ total: 0, items: [] });
    }
    const sub = t.wsClient({ token: other.token });
    const err = await new Promise<any>((resolve) => sub.subscribe({ query: `subscription { messageAdded(sessionId: ${id}) { seq } }` }, { next: resolve, error: resolve, complete: () => resolve('complete') }));
    expect(JSON.stringify(err)).toContain('NOT_FOUND');

    const agent = await createAgent(t, merchant.token, [staff.id]);
    expect((await t.gql('mutation { createAgent(input: { userName: "x1", password: "secret1", name: "X" }) { id } }', {}, agent.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql('mutation { setAgentStatus(status: ONLINE) { id } }', {}, merchant.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql('{ sessions { total } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    contact.close();
  });

  it('manages agents over REST: create, list, edit, delete, with bad inputs and other tenants refused', async () => {
    const create = (body: Record<string, unknown>, token = merchant.token) => t.rest('/api/v1/customer/create/agent', body, token);
    const good = { user_name: 'rest-agent', password: md5('pw-123456'), name: 'Rest Agent', staff_ids: [staff.id], max_sessions: 3 };
    const created = await create(good);
    expect(created.body).toEqual({ header: { code: 0, message: 'OK', total: 1, count: 1 }, data: { id: expect.any(Number) } });
    const id = created.body.data.id;
    expect((await create(good)).body.header.code).toBe(1005);
    for (const bad of [{ ...good, user_name: '' }, { ...good, user_name: 'b1', password: '123' }, { ...good, user_name: 'b2', staff_ids: 'x' }, { ...good, user_name: 'b3', max_sessions: 0 }, { ...good, user_name: 'b4', name: '' }]) {
      expect((await create(bad)).body.header.code, JSON.stringify(bad)).toBe(1003);
    }
    const other = await createMerchant(t);
    const otherStaff = await createStaffWithKeys(t, other.token);
    expect((await create({ ...good, user_name: 'b5', staff_ids: [otherStaff.id] })).body.header.code).toBe(1006);

    const listed = await t.rest('/api/v1/customer/list/agent', { id }, merchant.token);
    expect(listed.body.header).toMatchObject({ code: 0, total: 1, count: 1 });
    expect(listed.body.data.list[0]).toMatchObject({ id, user_name: 'rest-agent', name: 'Rest Agent', staff_ids: [staff.id], max_sessions: 3, auto_accept: false, status: 0 });
    expect(listed.body.data.list[0]).not.toHaveProperty('password');

    expect((await t.rest('/api/v1/customer/edit/agent', { id, name: 'Renamed', max_sessions: 7 }, merchant.token)).body.header.code).toBe(0);
    expect((await t.rest('/api/v1/customer/list/agent', { id }, merchant.token)).body.data.list[0]).toMatchObject({ name: 'Renamed', max_sessions: 7, staff_ids: [staff.id] });
    for (const p of ['edit', 'delete']) expect((await t.rest(`/api/v1/customer/${p}/agent`, { id, name: 'x' }, other.token)).body.header.code, p).toBe(1006);
    expect((await t.rest('/api/v1/customer/list/agent', {}, other.token)).body.data.list).toEqual([]);

    const login = await t.rest('/api/v1/agent/login', { user_name: 'rest-agent', password: good.password });
    expect(login.body.data).toMatchObject({ token: expect.any(String), id, customer_id: merchant.id });
    expect((await t.rest('/api/v1/agent/login', { user_name: 'rest-agent', password: md5('wrong') })).body.header.code).toBe(1002);
    // An agent token works on GraphQL too, and an agent cannot manage agents over REST.
    expect((await t.gql('{ agentMe { id name } }', {}, login.body.data.token)).data.agentMe).toEqual({ id, name: 'Renamed' });
    expect((await t.rest('/api/v1/customer/list/agent', {}, login.body.data.token)).body.header.code).toBe(1000);

    expect((await t.rest('/api/v1/customer/delete/agent', { id }, merchant.token)).body.header.code).toBe(0);
    expect((await t.gql('{ agentMe { id } }', {}, login.body.data.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.rest('/api/v1/agent/login', { user_name: 'rest-agent', password: good.password })).body.header.code).toBe(1002);
    // The name is free again.
    expect((await create(good)).body.header.code).toBe(0);
  });

  it("hands off at once in human-first mode, and on the staff's own phrases", async () => {
    const hf = await createStaffWithKeys(t, merchant.token);
    const upd = await t.gql('mutation($id: Int!) { updateStaff(id: $id, input: { humanFirst: true }) { humanFirst } }', { id: hf.id }, merchant.token);
    expect(upd.data.updateStaff.humanFirst).toBe(true);
    const c1 = await FrameClient.open(ws('/ws?contact_id=hf-1'), basicAuth(hf.apiKey, hf.secretKey));
    c1.send({ action: 'chat', content: 'What are your opening hours?' });
    // The notice speaks the contact's language (English here), not the staff's reply language (Chinese).
    expect(await c1.untilEof()).toMatch(/Connecting you to a person/);
    const s1 = await t.gql('{ sessions(filter: { status: PENDING }, page: { pageSize: 100 }) { items { handoffReason contact { externalId } } } }', {}, merchant.token);
    expect(s1.data.sessions.items.find((x: any) => x.contact.externalId === 'hf-1').handoffReason).toBe('human_first');

    const own = await createStaffWithKeys(t, merchant.token);
    const bad = await t.gql('mutation($id: Int!) { updateStaff(id: $id, input: { handoffPhrases: [""] }) { id } }', { id: own.id }, merchant.token);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await t.gql('mutation($id: Int!) { updateStaff(id: $id, input: { handoffPhrases: ["叫店长"] }) { handoffPhrases } }', { id: own.id }, merchant.token);
    const c2 = await FrameClient.open(ws('/ws?contact_id=own-1'), basicAuth(own.apiKey, own.secretKey));
    c2.send({ action: 'chat', content: '请叫店长来一下' });
    expect(await c2.untilEof()).toMatch(/转接人工客服/);
    c1.close();
    c2.close();
  });

  it('answers me for an agent token, and keeps a manual session for its owner to close', async () => {
    const a = await createAgent(t, merchant.token, [staff.id], { name: 'Owner' });
    const b = await createAgent(t, merchant.token, [staff.id]);
    expect((await t.gql('{ me { role agent { id name } merchant { id } } }', {}, a.token)).data.me).toEqual({ role: 'AGENT', agent: { id: a.id, name: 'Owner' }, merchant: null });
    const { id, contact } = await waiting('gql-owner');
    await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { id } }', { id }, a.token);
    const other = await t.gql('mutation($id: Int!) { closeSession(sessionId: $id) { id } }', { id }, b.token);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql('mutation($id: Int!) { closeSession(sessionId: $id) { status } }', { id }, a.token)).data.closeSession.status).toBe('CLOSED');
    contact.close();
  });

  it('de-duplicates a channel message id within a tenant only', async () => {
    const { ChannelType } = await import('../../src/entities/contact/contact.entity.js');
    const other = await createMerchant(t);
    const otherStaff = await createStaffWithKeys(t, other.token);
    const receive = (staffId: number, externalId: string) =>
      t.app.services.intake.receive({ staffId, channel: ChannelType.WECHAT, externalId, content: '转人工', channelMsgId: 'msg-1' });
    expect((await receive(staff.id, 'dedupe-a')).kind).toBe('queued');
    expect((await receive(staff.id, 'dedupe-a')).kind).toBe('duplicate');
    expect((await receive(otherStaff.id, 'dedupe-b')).kind).toBe('queued');
  });

  it('ends subscriptions when the token stops working or the staff assignments change', async () => {
    const a = await createAgent(t, merchant.token, [staff.id]);
    const ended = (token: string, query: string) =>
      new Promise<string>((resolve) => t.wsClient({ token }).subscribe({ query }, { next: () => {}, error: () => resolve('error'), complete: () => resolve('complete') }));
    const onStaffChange = ended(a.token, 'subscription { sessionChanged { kind } }');
    await new Promise((r) => setTimeout(r, 200));
    await t.rest('/api/v1/customer/edit/agent', { id: a.id, staff_ids: [] }, merchant.token);
    expect(await onStaffChange).toBe('complete');

    const m = await createMerchant(t);
    const onLogout = ended(m.token, 'subscription { staffChanged { kind } }');
    await new Promise((r) => setTimeout(r, 200));
    await t.rest('/api/v1/customer/logout', {}, m.token);
    expect(await onLogout).toBe('complete');
  });

  it('resolves each subscription event with current data', async () => {
    const own = await createStaffWithKeys(t, merchant.token);
    const a = await createAgent(t, merchant.token, [own.id]);
    const seen: any[] = [];
    t.wsClient({ token: merchant.token }).subscribe(
      { query: 'subscription { sessionChanged { kind session { id status queuePosition contact { externalId } } } }' },
      { next: (v) => seen.push(v.data?.sessionChanged), error: () => {}, complete: () => {} },
    );
    await new Promise((r) => setTimeout(r, 200));
    const first = await waiting('fresh-1', own);
    const second = await waiting('fresh-2', own);
    await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { id } }', { id: first.id }, a.token);
    await t.gql('mutation($id: Int!) { transferSession(sessionId: $id) { id } }', { id: first.id }, a.token);
    await expect.poll(() => seen.filter((e) => e.session.id === first.id && e.kind === 'transferred').length).toBe(1);
    const transferred = seen.find((e) => e.session.id === first.id && e.kind === 'transferred');
    // Back in the queue behind the second contact: the position is read when the event is resolved.
    expect(transferred.session).toMatchObject({ status: 'PENDING', queuePosition: 2 });
    expect(seen.find((e) => e.session.id === first.id && e.kind === 'handoff').session.queuePosition).toBeGreaterThanOrEqual(1);
    first.contact.close();
    second.contact.close();
  });

  it('gives a deleted agent\'s sessions back to the queue', async () => {
    const a = await createAgent(t, merchant.token, [staff.id]);
    const { id, contact } = await waiting('gql-release');
    await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { id } }', { id }, a.token);
    await t.rest('/api/v1/customer/delete/agent', { id: a.id }, merchant.token);
    const s = await t.gql('query($id: Int!) { session(id: $id) { status agent { id } } }', { id }, merchant.token);
    expect(s.data.session).toEqual({ status: 'PENDING', agent: null });
    contact.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

describe('GraphQL: canned replies, internal notes, labels, handoff summary and suggested reply', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let stranger: MerchantFixture;
  let staff: StaffFixture;
  let otherStaff: StaffFixture;
  let agent: AgentFixture;
  let colleague: AgentFixture;
  let outsider: AgentFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;

  beforeAll(async () => {
    t = await startTestApp();
    merchant = await createMerchant(t);
    stranger = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token, { language_response: 'English' });
    otherStaff = await createStaffWithKeys(t, merchant.token, { language_response: 'English' });
    agent = await createAgent(t, merchant.token, [staff.id], { name: 'Gina' });
    colleague = await createAgent(t, merchant.token, [staff.id], { name: 'Hal' });
    outsider = await createAgent(t, merchant.token, [otherStaff.id]);
  });
  afterAll(() => t?.close());

  /** A contact that says hello (the AI answers), then asks for a person; its session waits. */
  async function handedOff(contactId: string, s = staff): Promise<{ id: number; contact: FrameClient; greeting: string }> {
    const contact = await FrameClient.open(ws(`/ws?contact_id=${contactId}`), basicAuth(s.apiKey, s.secretKey));
    contact.send({ action: 'chat', content: 'hello there' });
    const greeting = await contact.untilEof();
    contact.send({ action: 'chat', content: 'I want to talk to a human about my order' });
    await contact.untilEof();
    const list = await t.gql('{ sessions(filter: { status: PENDING }, page: { pageSize: 100 }) { items { id contact { externalId } } } }', {}, merchant.token);
    const found = list.data.sessions.items.find((x: any) => x.contact.externalId === contactId);
    return { id: found.id, contact, greeting };
  }

  async function accepted(contactId: string, by = agent) {
    const h = await handedOff(contactId);
    const acc = await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { status } }', { id: h.id }, by.token);
    expect(acc.data.acceptSession.status).toBe('MANUAL');
    await h.contact.untilEof(); // the "agent joined" notice
    return h;
  }

  describe('canned replies', () => {
    const CREATE = 'mutation($i: CannedReplyCreateInput!) { createCannedReply(input: $i) { id title shortcut content staffId } }';
    const LIST = 'query($q: String, $staffId: Int) { cannedReplies(search: $q, staffId: $staffId) { id shortcut staffId } }';
    let shared: number;
    let own: number;
    let others: number;

    beforeAll(async () => {
      const a = await t.gql(CREATE, { i: { title: 'Refund policy', shortcut: '/refund', content: 'Refunds take 3 to 5 working days.' } }, merchant.token);
      expect(a.errors).toBeUndefined();
      shared = a.data.createCannedReply.id;
      own = (await t.gql(CREATE, { i: { title: 'Shipping times', shortcut: '/ship', content: 'We ship within 24 hours.', staffId: staff.id } }, merchant.token)).data.createCannedReply.id;
      others = (await t.gql(CREATE, { i: { title: 'Warranty', shortcut: '/warranty', content: 'Two years of warranty.', staffId: otherStaff.id } }, merchant.token)).data.createCannedReply.id;
    });

    it('are managed by the merchant only, with unique shortcuts and checked fields', async () => {
      expect(code(await t.gql(CREATE, { i: { title: 'x', shortcut: '/x', content: 'y' } }, agent.token))).toBe('FORBIDDEN');
      expect(code(await t.gql(CREATE, { i: { title: 'x', shortcut: '/x', content: 'y' } }))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(CREATE, { i: { title: 'Again', shortcut: '/refund', content: 'dup' } }, merchant.token))).toBe('CONFLICT');
      expect(code(await t.gql(CREATE, { i: { title: 'Bad', shortcut: 'two words', content: 'y' } }, merchant.token))).toBe('BAD_USER_INPUT');
      expect(code(await t.gql(CREATE, { i: { title: 'Foreign staff', shortcut: '/f', content: 'y', staffId: 999999 } }, merchant.token))).toBe('NOT_FOUND');
      const upd = await t.gql('mutation($id: Int!) { updateCannedReply(id: $id, input: { title: "Refunds" }) { title shortcut } }', { id: shared }, merchant.token);
      expect(upd.data.updateCannedReply).toEqual({ title: 'Refunds', shortcut: '/refund' });
      // Another tenant's reply is not found, for writes and reads alike.
      expect(code(await t.gql('mutation($id: Int!) { updateCannedReply(id: $id, input: { title: "x" }) { id } }', { id: shared }, stranger.token))).toBe('NOT_FOUND');
      expect(code(await t.gql('mutation($id: Int!) { deleteCannedReply(id: $id) }', { id: shared }, stranger.token))).toBe('NOT_FOUND');
      expect((await t.gql(LIST, {}, stranger.token)).data.cannedReplies).toEqual([]);
    });

    it('are searched by shortcut or words; an agent sees the shared ones and those of its staff', async () => {
      const ids = async (token: string, vars: Record<string, unknown> = {}) => (await t.gql(LIST, vars, token)).data.cannedReplies.map((r: any) => r.id).sort();
      expect(await ids(merchant.token)).toEqual([shared, own, others].sort());
      expect(await ids(agent.token)).toEqual([shared, own].sort());
      expect(await ids(outsider.token)).toEqual([shared, others].sort());
      expect(await ids(agent.token, { q: '/sh' })).toEqual([own]);
      expect(await ids(agent.token, { q: 'sh' })).toEqual([own]);
      expect(await ids(agent.token, { q: 'working days' })).toEqual([shared]);
      expect(await ids(agent.token, { q: 'days hours' })).toEqual([]);
      expect(await ids(merchant.token, { staffId: otherStaff.id })).toEqual([shared, others].sort());
      expect(await ids(agent.token, { q: '100%' })).toEqual([]);
    });

    it('are sent as the agent’s own message, under the rules of a typed reply', async () => {
      const { id, contact } = await accepted('canned-1');
      const SEND = 'mutation($s: Int!, $r: Int!, $c: String) { sendCannedReply(sessionId: $s, cannedReplyId: $r, clientMsgId: $c) { seq senderType content } }';
      const sent = await t.gql(SEND, { s: id, r: own, c: 'cr-1' }, agent.token);
      expect(sent.errors).toBeUndefined();
      expect(sent.data.sendCannedReply).toMatchObject({ senderType: 'AGENT', content: 'We ship within 24 hours.' });
      expect(await contact.untilEof()).toBe('We ship within 24 hours.');
      // Idempotent by clientMsgId, like sendMessage.
      expect((await t.gql(SEND, { s: id, r: own, c: 'cr-1' }, agent.token)).data.sendCannedReply.seq).toBe(sent.data.sendCannedReply.seq);
      // Not the session's owner; another staff's reply; another tenant.
      expect(code(await t.gql(SEND, { s: id, r: shared }, colleague.token))).toBe('FORBIDDEN');
      expect(code(await t.gql(SEND, { s: id, r: others }, merchant.token))).toBe('NOT_FOUND');
      expect(code(await t.gql(SEND, { s: id, r: shared }, stranger.token))).toBe('NOT_FOUND');
      expect(code(await t.gql(SEND, { s: id, r: others }, agent.token))).toBe('NOT_FOUND');
      contact.close();
    });
  });

  describe('internal notes', () => {
    it('are seen by the merchant and the staff’s agents, pushed to them, and never reach the contact', async () => {
      const { id, contact } = await accepted('note-1');
      const seen: any[] = [];
      const sub = t.wsClient({ token: colleague.token });
      sub.subscribe({ query: `subscription { noteAdded(sessionId: ${id}) { content authorKind authorId } }` }, { next: (v) => seen.push(v.data?.noteAdded), error: () => {}, complete: () => {} });
      await new Promise((r) => setTimeout(r, 200));

      const ADD = 'mutation($s: Int!, $c: String!) { addSessionNote(sessionId: $s, content: $c) { id afterSeq authorKind authorId content } }';
      const note = await t.gql(ADD, { s: id, c: 'VIP customer, offer the upgrade' }, agent.token);
      expect(note.errors).toBeUndefined();
      expect(note.data.addSessionNote).toMatchObject({ authorKind: 'AGENT', authorId: agent.id, content: 'VIP customer, offer the upgrade' });
      await expect.poll(() => seen).toEqual([{ content: 'VIP customer, offer the upgrade', authorKind: 'AGENT', authorId: agent.id }]);
      await t.gql(ADD, { s: id, c: 'merchant says yes' }, merchant.token);

      // The contact's next frame is the agent's next message: no note came before it.
      await t.gql('mutation($i: SendMessageInput!) { sendMessage(input: $i) { seq } }', { i: { sessionId: id, content: 'Let me check that for you' } }, agent.token);
      expect(await contact.untilEof()).toBe('Let me check that for you');

      const read = await t.gql('query($id: Int!) { session(id: $id) { notes { content authorKind } } messages(sessionId: $id) { content } }', { id }, colleague.token);
      expect(read.data.session.notes).toEqual([
        { content: 'VIP customer, offer the upgrade', authorKind: 'AGENT' },
        { content: 'merchant says yes', authorKind: 'MERCHANT' },
      ]);
      expect(read.data.messages.map((m: any) => m.content).join('\n')).not.toContain('VIP');

      // Outside the session's staff, or the tenant: not found.
      expect(code(await t.gql('query($id: Int!) { sessionNotes(sessionId: $id) { id } }', { id }, outsider.token))).toBe('NOT_FOUND');
      expect(code(await t.gql('query($id: Int!) { sessionNotes(sessionId: $id) { id } }', { id }, stranger.token))).toBe('NOT_FOUND');
      expect(code(await t.gql(ADD, { s: id, c: 'x' }, outsider.token))).toBe('NOT_FOUND');
      expect(code(await t.gql(ADD, { s: id, c: '   ' }, agent.token))).toBe('BAD_USER_INPUT');

      // Never used to answer: the summary and the suggestion read messages only.
      const after = await t.gql('query($id: Int!) { session(id: $id) { handoffSummary { text } } suggestedReply(sessionId: $id) { text } }', { id }, agent.token);
      expect(JSON.stringify(after.data)).not.toContain('VIP');
      contact.close();
    });
  });

  describe('labels', () => {
    it('are the merchant’s, put on sessions and contacts by it and its agents, and filter sessions', async () => {
      const CREATE = 'mutation($i: LabelInput!) { createLabel(input: $i) { id name colour } }';
      const vip = (await t.gql(CREATE, { i: { name: 'VIP', colour: '#FF0000' } }, merchant.token)).data.createLabel;
      expect(vip).toMatchObject({ name: 'VIP', colour: '#ff0000' });
      expect(code(await t.gql(CREATE, { i: { name: 'VIP' } }, merchant.token))).toBe('CONFLICT');
      expect(code(await t.gql(CREATE, { i: { name: 'Nope' } }, agent.token))).toBe('FORBIDDEN');
      expect(code(await t.gql(CREATE, { i: { name: 'Bad', colour: 'red' } }, merchant.token))).toBe('BAD_USER_INPUT');
      const foreign = (await t.gql(CREATE, { i: { name: 'Theirs' } }, stranger.token)).data.createLabel;

      const a = await handedOff('label-a');
      const b = await handedOff('label-b');
      const LABEL = 'mutation($s: Int!, $l: Int!, $on: Boolean) { labelSession(sessionId: $s, labelId: $l, on: $on) { id labels { name colour } contact { id } } }';
      const labelled = await t.gql(LABEL, { s: a.id, l: vip.id }, agent.token);
      expect(labelled.data.labelSession.labels).toEqual([{ name: 'VIP', colour: '#ff0000' }]);
      expect(code(await t.gql(LABEL, { s: a.id, l: foreign.id }, agent.token))).toBe('NOT_FOUND');
      expect(code(await t.gql(LABEL, { s: a.id, l: vip.id }, outsider.token))).toBe('NOT_FOUND');
      expect(code(await t.gql(LABEL, { s: a.id, l: foreign.id }, stranger.token))).toBe('NOT_FOUND');

      const byId = await t.gql('query($l: Int) { sessions(filter: { labelId: $l }) { total items { id } } }', { l: vip.id }, merchant.token);
      expect(byId.data.sessions).toEqual({ total: 1, items: [{ id: a.id }] });
      const byName = await t.gql('{ sessions(filter: { label: "VIP" }) { items { id labels { name } } } }', {}, agent.token);
      expect(byName.data.sessions.items).toEqual([{ id: a.id, labels: [{ name: 'VIP' }] }]);
      expect((await t.gql('{ sessions(filter: { label: "VIP" }) { total } }', {}, outsider.token)).data.sessions.total).toBe(0);
      expect((await t.gql('{ sessions(filter: { label: "VIP" }) { total } }', {}, stranger.token)).data.sessions.total).toBe(0);

      const contactId = labelled.data.labelSession.contact.id;
      const CONTACT = 'mutation($c: Int!, $l: Int!, $on: Boolean) { labelContact(contactId: $c, labelId: $l, on: $on) { labels { name } } }';
      expect((await t.gql(CONTACT, { c: contactId, l: vip.id }, merchant.token)).data.labelContact.labels).toEqual([{ name: 'VIP' }]);
      expect(code(await t.gql(CONTACT, { c: contactId, l: vip.id }, outsider.token))).toBe('NOT_FOUND');
      expect(code(await t.gql(CONTACT, { c: contactId, l: foreign.id }, stranger.token))).toBe('NOT_FOUND');
      const shown = await t.gql('query($id: Int!) { session(id: $id) { contact { labels { name } } } }', { id: a.id }, agent.token);
      expect(shown.data.session.contact.labels).toEqual([{ name: 'VIP' }]);
      expect((await t.gql(CONTACT, { c: contactId, l: vip.id, on: false }, agent.token)).data.labelContact.labels).toEqual([]);

      expect((await t.gql(LABEL, { s: a.id, l: vip.id, on: false }, agent.token)).data.labelSession.labels).toEqual([]);
      expect((await t.gql('query($l: Int) { sessions(filter: { labelId: $l }) { total } }', { l: vip.id }, merchant.token)).data.sessions.total).toBe(0);
      expect((await t.gql('{ labels { name } }', {}, agent.token)).data.labels).toEqual([{ name: 'VIP' }]);
      a.contact.close();
      b.contact.close();
    });
  });

  describe('handoff summary and suggested reply', () => {
    it('summarises what the contact asked and the AI answered, once a person is involved', async () => {
      const { id, contact, greeting } = await handedOff('summary-1');
      const res = await t.gql('query($id: Int!) { session(id: $id) { handoffReason handoffSummary { text questions answers generatedBy } } }', { id }, agent.token);
      expect(res.errors).toBeUndefined();
      const summary = res.data.session.handoffSummary;
      expect(summary).toMatchObject({ questions: ['hello there', 'I want to talk to a human about my order'], answers: [greeting], generatedBy: 'extractive' });
      expect(summary.text).toContain('The contact asked: hello there / I want to talk to a human about my order');
      expect(summary.text).toContain('asked for a person');
      // Kept: later messages do not change it.
      contact.send({ action: 'chat', content: 'are you there?' });
      await contact.untilEof();
      const again = await t.gql('query($id: Int!) { session(id: $id) { handoffSummary { questions } } }', { id }, merchant.token);
      expect(again.data.session.handoffSummary.questions).toEqual(summary.questions);

      // A session only the AI has had has no summary.
      const ai = await FrameClient.open(ws('/ws?contact_id=summary-ai'), basicAuth(staff.apiKey, staff.secretKey));
      ai.send({ action: 'chat', content: 'hello' });
      await ai.untilEof();
      const list = await t.gql('{ sessions(filter: { status: AI }) { items { contact { externalId } handoffSummary { text } } } }', {}, merchant.token);
      expect(list.data.sessions.items.find((s: any) => s.contact.externalId === 'summary-ai').handoffSummary).toBeNull();
      ai.close();
      contact.close();
    });

    it('suggests a reply to what the contact asked last, within the caller’s sessions', async () => {
      const { id, contact } = await handedOff('suggest-1');
      const Q = 'query($id: Int!) { suggestedReply(sessionId: $id) { text grounded confidence answerer } }';
      const res = await t.gql(Q, { id }, agent.token);
      expect(res.errors).toBeUndefined();
      // No knowledge: the built-in answerer offers a person, and says it is not grounded.
      expect(res.data.suggestedReply).toMatchObject({ grounded: false, answerer: 'builtin' });
      expect(res.data.suggestedReply.text.length).toBeGreaterThan(0);
      expect(code(await t.gql(Q, { id }, outsider.token))).toBe('NOT_FOUND');
      expect(code(await t.gql(Q, { id }, stranger.token))).toBe('NOT_FOUND');
      expect(code(await t.gql(Q, { id }))).toBe('UNAUTHENTICATED');
      // Nothing was sent.
      const msgs = await t.gql('query($id: Int!) { messages(sessionId: $id) { senderType } }', { id }, merchant.token);
      expect(msgs.data.messages.map((m: any) => m.senderType)).toEqual(['CONTACT', 'AI', 'CONTACT']);
      contact.close();
    });
  });
});

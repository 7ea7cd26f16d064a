import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type StaffFixture } from '../support/factories.js';
import { addDocument, waitForSync } from '../support/knowledge.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const RENTAL = `# Scooter rental

Voltra rents electric scooters by the hour, by the day and by the month. Every plan includes a helmet.

## Prices

- Hourly plan: 12 yuan per hour, with a minimum of two hours.
- Day pass: 68 yuan for 24 hours from pick-up.
- Monthly plan: 399 yuan per calendar month.

## Deposit

A refundable deposit of 500 yuan is held on your card when you pick up a scooter. The deposit is released within 3 working days after the scooter is returned undamaged.
`;

const RENTAL_ZH = `# 滑板车租赁

## 押金

取车时会在您的银行卡上冻结 500 元押金，可退还。车辆完好归还后，押金在三个工作日内解冻。
`;

describe('built-in answers over /ws: short, structured, small talk kept, one language per reply', () => {
  let t: TestApp;
  let token: string;
  let staff: StaffFixture;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;
  const ask = async (contactId: string, content: string, who: StaffFixture = staff) => {
    const c = await FrameClient.open(ws(`/ws?contact_id=${contactId}`), basicAuth(who.apiKey, who.secretKey));
    c.send({ action: 'chat', type: 'text', content });
    const text = await c.untilEof();
    c.close();
    return text;
  };
  const statusOf = async (contactId: string) => {
    const list = (await (await fetch(`${t.url}/api/sessions`, { headers: { 'auth-token': token } })).json()) as any;
    return list.data.find((s: any) => s.customerId === contactId)?.status;
  };

  beforeAll(async () => {
    t = await startTestApp();
    token = (await createMerchant(t)).token;
    staff = await createStaffWithKeys(t, token, { name: 'Vera', org_name: 'Voltra', language_response: 'English', greetings: '' });
    await addDocument(t, token, staff.id, 'rental.md', RENTAL);
    await addDocument(t, token, staff.id, 'rental-zh.md', RENTAL_ZH);
    await t.rest('/api/v1/customer/sync/doc', { staff_id: staff.id }, token);
    await waitForSync(t, token, staff.id);
  });
  afterAll(() => t?.close());

  it('answers with the sentence asked about, not the passage', async () => {
    expect(await ask('c-day', 'How much is the day pass?')).toBe('Day pass: 68 yuan for 24 hours from pick-up.');
    expect(await ask('c-deposit', 'How much is the deposit?')).toBe(
      'A refundable deposit of 500 yuan is held on your card when you pick up a scooter. The deposit is released within 3 working days after the scooter is returned undamaged.',
    );
    expect(await statusOf('c-day')).toBe('ai');
  });

  it('keeps a list as a list under its heading', async () => {
    expect(await ask('c-prices', 'What are the prices of the plans?')).toBe(
      'Prices:\n• Hourly plan: 12 yuan per hour, with a minimum of two hours.\n• Day pass: 68 yuan for 24 hours from pick-up.\n• Monthly plan: 399 yuan per calendar month.',
    );
  });

  it('answers a question that carries an order number and a name', async () => {
    expect(await ask('c-order', "Hi, I'm Zhang Wei, order VT-20931: how much is the deposit?")).toContain('500 yuan');
    expect(await statusOf('c-order')).toBe('ai');
  });

  it('answers a contact writing traditional characters from simplified documents', async () => {
    expect(await ask('c-trad', '押金是多少錢？')).toContain('500 元');
    expect(await statusOf('c-trad')).toBe('ai');
  });

  it('keeps small talk with the AI: a greeting, thanks and "are you a robot" get the persona, not a person', async () => {
    expect(await ask('c-hello', 'hello')).toBe("Hello! I'm Vera from Voltra. How can I help you today?");
    expect(await ask('c-thanks', 'Thanks a lot!')).toMatch(/welcome/);
    expect(await ask('c-bot', '你是机器人吗？')).toContain('AI 助手Vera');
    for (const id of ['c-hello', 'c-thanks', 'c-bot']) expect(await statusOf(id)).toBe('ai');
  });

  it('refuses a question the documents only seem to answer, and hands it to a person', async () => {
    const reply = await ask('c-yearly', 'How much is the yearly plan?');
    expect(reply).toContain("couldn't find the answer");
    await expect.poll(() => statusOf('c-yearly')).toBe('pending');
  });

  it('refuses a question about a thing the documents do not name, though it shares their other words', async () => {
    expect(await ask('c-car', 'How much is the deposit for a car rental?')).toContain("couldn't find the answer");
    await expect.poll(() => statusOf('c-car')).toBe('pending');
    expect(await ask('c-scooter', 'How much is the deposit for a scooter?')).toContain('500 yuan');
    expect(await statusOf('c-scooter')).toBe('ai');
  });

  it("meets a word through the merchant's synonym list (GraphQL updateStaff synonyms)", async () => {
    // "ticket" would meet "pass" through WordNet (a pass is a kind of ticket); a coupon is not one.
    expect(await ask('c-ticket-1', 'How much is the day coupon?')).toContain("couldn't find the answer");
    const bad = await t.gql('mutation($id: Int!) { updateStaff(id: $id, input: { synonyms: ["ticket"] }) { id } }', { id: staff.id }, token);
    expect(bad.errors?.[0]).toMatchObject({ message: expect.stringContaining('at least two words'), extensions: { code: 'BAD_USER_INPUT' } });
    const set = await t.gql('mutation($id: Int!) { updateStaff(id: $id, input: { synonyms: ["pass, coupon"] }) { synonyms } }', { id: staff.id }, token);
    expect(set.data.updateStaff.synonyms).toEqual(['pass, coupon']);
    expect(await ask('c-ticket-2', 'How much is the day coupon?')).toBe('Day pass: 68 yuan for 24 hours from pick-up.');
    expect(await statusOf('c-ticket-2')).toBe('ai');
  });

  it('learns from agents: a reply saved as an FAQ entry answers the next contact; entries are edited and deleted like documents', async () => {
    const question = 'Do you rent out child seats?';
    expect(await ask('c-seat-1', question)).toContain("couldn't find the answer");
    const save = `mutation($id: Int!, $q: String!, $a: String!, $r: Int) {
      saveFaqEntry(staffId: $id, question: $q, answer: $a, replacesDocumentId: $r) { id fileName syncState chunkCount } }`;
    const saved = (await t.gql(save, { id: staff.id, q: question, a: 'Yes, a child seat costs 10 yuan per day.' }, token)).data.saveFaqEntry;
    expect(saved).toMatchObject({ fileName: 'FAQ Do you rent out child seats.txt', syncState: 'READY', chunkCount: 1 });
    expect(await ask('c-seat-2', 'Can I rent a child seat?')).toBe('Yes, a child seat costs 10 yuan per day.');
    expect(await statusOf('c-seat-2')).toBe('ai');

    const other = await createMerchant(t);
    const otherStaff = await createStaffWithKeys(t, other.token);
    const denied = await t.gql(save, { id: otherStaff.id, q: question, a: 'x', r: saved.id }, other.token);
    expect(denied.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const empty = await t.gql(save, { id: staff.id, q: ' ', a: 'x' }, token);
    expect(empty.errors?.[0]).toMatchObject({ message: expect.stringContaining('question is required'), extensions: { code: 'BAD_USER_INPUT' } });

    const edited = (await t.gql(save, { id: staff.id, q: question, a: 'Yes, child seats are free with the monthly plan.', r: saved.id }, token)).data.saveFaqEntry;
    expect(await ask('c-seat-3', 'Can I rent a child seat?')).toBe('Yes, child seats are free with the monthly plan.');
    const docs = (await t.gql('query($id: Int!) { documents(staffId: $id) { items { id fileName } } }', { id: staff.id }, token)).data.documents.items;
    expect(docs.map((d: any) => d.id)).toContain(edited.id);
    expect(docs.map((d: any) => d.id)).not.toContain(saved.id);
    await t.gql('mutation($id: Int!, $ids: [Int!]!) { deleteDocuments(staffId: $id, ids: $ids) }', { id: staff.id, ids: [edited.id] }, token);
    expect(await ask('c-seat-4', 'Can I rent a child seat?')).toContain("couldn't find the answer");

    // The agent who answered saves it itself (for a staff it serves only), and its console's AI finds it.
    const agent = await createAgent(t, token, [staff.id]);
    const otherOwnStaff = await createStaffWithKeys(t, token, { name: 'Other' });
    const stranger = await createAgent(t, token, [otherOwnStaff.id]);
    const byAgent = await t.gql(save, { id: staff.id, q: 'Do you deliver helmets?', a: 'Yes, a helmet comes with every scooter at no charge.' }, agent.token);
    expect(byAgent.data.saveFaqEntry).toMatchObject({ syncState: 'READY' });
    expect((await t.gql(save, { id: staff.id, q: 'Do you deliver helmets?', a: 'x' }, stranger.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await ask('c-helmet', 'Do you deliver helmets?')).toBe('Yes, a helmet comes with every scooter at no charge.');
    const kf = await FrameClient.open(`${t.url.replace('http', 'ws')}/ws/kf`);
    kf.answerBeats();
    kf.send({ method: 'login', token: agent.token });
    expect(await kf.nextJson({ method: 'login' })).toMatchObject({ code: 0 });
    kf.send({ method: 'get_answer_from_ai', bid: staff.id, user_query: [{ type: 'text', value: { text: 'Do you deliver helmets?' } }] });
    expect(await kf.nextJson({ method: 'get_answer_from_ai' })).toMatchObject({ code: 0, data: { message_list: [{ type: 'text', value: { text: 'Yes, a helmet comes with every scooter at no charge.' } }] } });
    kf.close();
  });

  it('reads an FAQ entry back to edit it (faqEntry): the merchant and an assigned agent; another staff, tenant or a non-entry document do not answer', async () => {
    const save = `mutation($id: Int!, $q: String!, $a: String!) { saveFaqEntry(staffId: $id, question: $q, answer: $a) { id chunkCount } }`;
    const read = `query($id: Int!, $doc: Int!) { faqEntry(staffId: $id, documentId: $doc) { documentId question answer } }`;
    // Saved as typed: the question on one line, keeping the "?" its file name drops; the answer's lines kept (spaces
    // and blank lines collapsed), a line that reads as a question kept on the line before, so it stays one entry.
    const typed = 'Yes, once a year\n\n\nfor up to  30 days.\nQ: and after that? It renews.';
    const saved = (await t.gql(save, { id: staff.id, q: 'Can I  pause my monthly plan?', a: typed }, token)).data.saveFaqEntry;
    expect(saved.chunkCount).toBe(1);
    const entry = { documentId: saved.id, question: 'Can I pause my monthly plan?', answer: 'Yes, once a year\nfor up to 30 days. Q: and after that? It renews.' };
    expect((await t.gql(read, { id: staff.id, doc: saved.id }, token)).data.faqEntry).toEqual(entry);

    const agent = await createAgent(t, token, [staff.id]);
    expect((await t.gql(read, { id: staff.id, doc: saved.id }, agent.token)).data.faqEntry).toEqual(entry);
    const otherOwnStaff = await createStaffWithKeys(t, token, { name: 'Elsewhere' });
    const stranger = await createAgent(t, token, [otherOwnStaff.id]);
    expect((await t.gql(read, { id: staff.id, doc: saved.id }, stranger.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The staff must be the entry's: asked through another staff of the same merchant, it is not found.
    expect((await t.gql(read, { id: otherOwnStaff.id, doc: saved.id }, token)).errors?.[0]).toMatchObject({ message: `Document ${saved.id} not found`, extensions: { code: 'NOT_FOUND' } });

    const other = await createMerchant(t);
    const otherStaff = await createStaffWithKeys(t, other.token);
    const theirs = (await t.gql(save, { id: otherStaff.id, q: 'Is there a student discount?', a: 'Yes, 20 percent.' }, other.token)).data.saveFaqEntry;
    expect((await t.gql(read, { id: staff.id, doc: theirs.id }, token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(read, { id: otherStaff.id, doc: theirs.id }, token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(read, { id: otherStaff.id, doc: saved.id }, other.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // An uploaded document is no entry, even one named like an entry.
    await addDocument(t, token, staff.id, 'FAQ Opening hours.txt', 'We open at 9.\nWe close at 6.\n');
    const docs = (await t.gql('query($id: Int!) { documents(staffId: $id, page: { pageSize: 100 }) { items { id fileName } } }', { id: staff.id }, token)).data.documents.items;
    for (const name of ['rental.md', 'FAQ Opening hours.txt']) {
      const id = docs.find((d: any) => d.fileName === name).id;
      expect((await t.gql(read, { id: staff.id, doc: id }, token)).errors?.[0]).toMatchObject({ message: `Document ${id} is not an FAQ entry`, extensions: { code: 'BAD_USER_INPUT' } });
    }
  });

  it('keeps the lines and list items of a saved FAQ answer and of a plain-text document in the reply', async () => {
    const lina = await createStaffWithKeys(t, token, { name: 'Lina', org_name: 'Voltra', language_response: 'English', greetings: '' });
    const save = `mutation($id: Int!, $q: String!, $a: String!) { saveFaqEntry(staffId: $id, question: $q, answer: $a) { id chunkCount } }`;
    const typed = 'Report it in the app:\n- open Help\n-  tap Damage and add a photo\n\nWe answer within 2 hours.';
    const saved = (await t.gql(save, { id: lina.id, q: 'How do I report a damaged scooter?', a: typed }, token)).data.saveFaqEntry;
    expect(saved.chunkCount).toBe(1);
    const read = `query($id: Int!, $doc: Int!) { faqEntry(staffId: $id, documentId: $doc) { answer } }`;
    expect((await t.gql(read, { id: lina.id, doc: saved.id }, token)).data.faqEntry.answer).toBe(
      'Report it in the app:\n- open Help\n- tap Damage and add a photo\nWe answer within 2 hours.',
    );
    expect(await ask('c-damage', 'How can I report a damaged scooter?', lina)).toBe('Report it in the app:\n• open Help\n• tap Damage and add a photo\nWe answer within 2 hours.');

    await addDocument(t, token, lina.id, 'helmets.txt', 'Helmet sizes\n\n- Small: 52 to 55 cm\n- Medium: 56 to\n  59 cm\n- Large: 60 to 63 cm\n\nEvery rental comes with a helmet.\n');
    await t.rest('/api/v1/customer/sync/doc', { staff_id: lina.id }, token);
    await waitForSync(t, token, lina.id);
    // The title line heads the list, as a Markdown heading does.
    expect(await ask('c-sizes', 'What helmet sizes are there?', lina)).toBe('Helmet sizes:\n• Small: 52 to 55 cm\n• Medium: 56 to 59 cm\n• Large: 60 to 63 cm');
  });

  it('speaks one language per reply: a Chinese question to an English staff gets a Chinese refusal and a Chinese queue notice', async () => {
    const reply = await ask('c-zh', '你们卖宠物食品吗？');
    expect(reply).toContain('抱歉');
    expect(reply).toContain('正在为您转接人工客服');
    expect(reply).not.toMatch(/[A-Za-z]{3,}/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaffWithKeys, type AgentFixture, type MerchantFixture, type StaffFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FrameClient, basicAuth } from '../support/ws-clients.js';

const UPLOAD = 'mutation($s: Int!, $f: Upload!) { uploadSessionMedia(sessionId: $s, file: $f) { url mimeType size name } }';

describe('GraphQL: an agent’s pictures and files (multipart uploadSessionMedia) and a contact’s sessions', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let staff: StaffFixture;
  let agent: AgentFixture;
  let outsider: AgentFixture;
  let sessionId: number;
  let contactId: number;
  const ws = (p: string) => `${t.url.replace('http', 'ws')}${p}`;

  /** A GraphQL multipart request (the spec's operations, map and one file part). */
  async function upload(token: string, session: number, name: string, body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = { 'apollo-require-preflight': 'true' }) {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: UPLOAD, variables: { s: session, f: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob([body]), name);
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body: form });
    return { status: res.status, ...((await res.json()) as { data?: any; errors?: { extensions?: { code?: string; reason?: string } }[] }) };
  }

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_MAX_MB: '1' });
    merchant = await createMerchant(t);
    staff = await createStaffWithKeys(t, merchant.token, { language_response: 'English' });
    const other = await createStaffWithKeys(t, merchant.token, { language_response: 'English' });
    agent = await createAgent(t, merchant.token, [staff.id]);
    outsider = await createAgent(t, merchant.token, [other.id]);
    const contact = await FrameClient.open(ws('/ws?contact_id=media-contact'), basicAuth(staff.apiKey, staff.secretKey));
    contact.send({ action: 'chat', content: 'I want to talk to a human' });
    await contact.untilEof();
    const list = await t.gql('{ sessions(filter: { status: PENDING }) { items { id contact { id } } } }', {}, merchant.token);
    sessionId = list.data.sessions.items[0].id;
    contactId = list.data.sessions.items[0].contact.id;
    expect((await t.gql('mutation($id: Int!) { acceptSession(sessionId: $id) { status } }', { id: sessionId }, agent.token)).data.acceptSession.status).toBe('MANUAL');
    contact.close();
  });
  afterAll(() => t?.close());

  it('stores a picture for the session and sends it as a PICTURE message anyone can fetch', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const res = await upload(agent.token, sessionId, 'receipt.png', png);
    expect(res.errors).toBeUndefined();
    const media = res.data.uploadSessionMedia;
    expect(media).toMatchObject({ mimeType: 'image/png', size: png.length, name: 'receipt.png' });
    const file = await fetch(media.url.replace('https://cs.example.test', t.url));
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);

    const sent = await t.gql(
      'mutation($i: SendMessageInput!) { sendMessage(input: $i) { msgType content media { url name } } }',
      { i: { sessionId, msgType: 'PICTURE', content: '', media } },
      agent.token,
    );
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendMessage).toMatchObject({ msgType: 'PICTURE', media: { url: media.url, name: 'receipt.png' } });
  });

  it('refuses a file over UPLOAD_MAX_MB, a session the agent may not see, no token, and a request without the preflight header', async () => {
    const big = await upload(agent.token, sessionId, 'big.pdf', new Uint8Array(1024 * 1024 + 10));
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE' });
    const hidden = await upload(outsider.token, sessionId, 'a.pdf', new Uint8Array(10));
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await upload('', sessionId, 'a.pdf', new Uint8Array(10));
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Apollo's CSRF prevention: a multipart form without a preflight-forcing header is refused.
    expect((await upload(agent.token, sessionId, 'a.pdf', new Uint8Array(10), {})).status).toBe(400);
  });

  it('lists one contact’s sessions with the contactId filter', async () => {
    const mine = await t.gql('query($c: Int) { sessions(filter: { contactId: $c }) { total items { id contact { id } } } }', { c: contactId }, agent.token);
    expect(mine.data.sessions.total).toBe(1);
    expect(mine.data.sessions.items[0]).toEqual({ id: sessionId, contact: { id: contactId } });
    const none = await t.gql('query($c: Int) { sessions(filter: { contactId: $c }) { total } }', { c: contactId }, outsider.token);
    expect(none.data.sessions.total).toBe(0);
  });
});

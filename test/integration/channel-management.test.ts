import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const gateway = (staffId: number, over: Record<string, unknown> = {}) => ({
  staff_id: staffId,
  channel_type: 'douyin',
  account_id: `dy-${Math.random().toString(36).slice(2)}`,
  secret: 'gateway-secret-123',
  outbound_url: 'https://gw.example/outbound',
  ...over,
});
const wecom = (staffId: number, over: Record<string, unknown> = {}) => ({
  staff_id: staffId,
  channel_type: 'wecom',
  token: 'QDG6eK',
  encoding_aes_key: AES_KEY,
  corp_id: 'ww-corp-1',
  agent_id: '1000002',
  app_secret: 'app-secret-abcdef',
  ...over,
});

describe('channel management (REST and GraphQL)', { timeout: 60_000 }, () => {
  let t: TestApp;
  let m: MerchantFixture;
  let other: MerchantFixture;
  let staffId: number;
  let staff2: number;
  let otherStaff: number;

  beforeAll(async () => {
    t = await startTestApp();
    [m, other] = [await createMerchant(t), await createMerchant(t)];
    staffId = await createStaff(t, m.token);
    staff2 = await createStaff(t, m.token);
    otherStaff = await createStaff(t, other.token);
  });
  afterAll(() => t?.close());

  it('creates, lists with masked secrets, edits and deletes', async () => {
    const created = await t.rest('/api/v1/customer/create/channel', gateway(staffId, { account_id: 'dy-shop-1' }), m.token);
    expect(created.body.header.code).toBe(0);
    const id = created.body.data.id;
    expect(id).toBeGreaterThan(0);
    const w = await t.rest('/api/v1/customer/create/channel', wecom(staffId), m.token);
    expect(w.body.header.code).toBe(0);

    const list = await t.rest('/api/v1/customer/list/channel', { page_no: 0, page_size: 20 }, m.token);
    expect(list.body.header).toMatchObject({ code: 0, total: 2, count: 2 });
    const [g, wc] = list.body.data.list;
    expect(g).toMatchObject({ id, staff_id: staffId, channel_type: 'douyin', account_id: 'dy-shop-1', secret: 'ga****23', outbound_url: 'https://gw.example/outbound' });
    expect(wc).toMatchObject({ channel_type: 'wecom', account_id: 'ww-corp-1:1000002', corp_id: 'ww-corp-1', agent_id: '1000002', token: '****', encoding_aes_key: 'jW****2C', app_secret: 'ap****ef' });
    expect(JSON.stringify(list.body)).not.toContain('gateway-secret-123');
    expect(JSON.stringify(list.body)).not.toContain(AES_KEY);
    // Nor in the database.
    const rows = await t.app.orm.em.fork().getConnection().execute('select * from channel');
    expect(JSON.stringify(rows)).not.toContain('gateway-secret-123');
    expect(JSON.stringify(rows)).not.toContain(AES_KEY);

    expect((await t.rest('/api/v1/customer/edit/channel', { id, outbound_url: 'http://gw2.example/out', staff_id: staff2 }, m.token)).body.header.code).toBe(0);
    const edited = (await t.rest('/api/v1/customer/list/channel', { id }, m.token)).body.data.list[0];
    expect(edited).toMatchObject({ outbound_url: 'http://gw2.example/out', staff_id: staff2, secret: 'ga****23', account_id: 'dy-shop-1' });

    expect((await t.rest('/api/v1/customer/delete/channel', { id }, m.token)).body.header.code).toBe(0);
    expect((await t.rest('/api/v1/customer/list/channel', { id }, m.token)).body.header.total).toBe(0);
    expect((await t.rest('/api/v1/customer/delete/channel', { id }, m.token)).body.header.code).toBe(1006);
  });

  it('validates with clear 1003 messages', async () => {
    const bad = async (body: Record<string, unknown>) => (await t.rest('/api/v1/customer/create/channel', body, m.token)).body.header;
    expect(await bad(gateway(staffId, { channel_type: 'fax' }))).toMatchObject({ code: 1003, message: 'channel_type must be one of: wecom, wechat, douyin, jd' });
    expect(await bad(gateway(staffId, { outbound_url: 'ftp://x' }))).toMatchObject({ code: 1003, message: 'outbound_url: must be an http(s) URL' });
    expect(await bad(gateway(staffId, { secret: undefined }))).toMatchObject({ code: 1003, message: 'secret: is required' });
    expect((await bad(wecom(staffId, { token: undefined, corp_id: undefined }))).message).toBe('token: is required for a wecom channel; corp_id: is required');
    expect((await bad(wecom(staffId, { encoding_aes_key: 'short' }))).message).toMatch(/^encoding_aes_key: must be the 43-character EncodingAESKey/);
    expect(await bad(gateway(staffId, { staff_id: 'x' }))).toMatchObject({ code: 1003, message: 'staff_id: must be a whole number' });
    expect((await t.rest('/api/v1/customer/create/channel', '{nope', m.token)).body.header.code).toBe(1004);
  });

  it('refuses duplicates with 1005', async () => {
    const s = await createStaff(t, m.token);
    expect((await t.rest('/api/v1/customer/create/channel', gateway(s, { channel_type: 'jd', account_id: 'jd-1' }), m.token)).body.header.code).toBe(0);
    // The same account on another staff, even another merchant's: callbacks could not tell them apart.
    expect((await t.rest('/api/v1/customer/create/channel', gateway(otherStaff, { channel_type: 'jd', account_id: 'jd-1' }), other.token)).body.header).toMatchObject({ code: 1005 });
    // A second channel of one type on one staff.
    expect((await t.rest('/api/v1/customer/create/channel', gateway(s, { channel_type: 'jd', account_id: 'jd-2' }), m.token)).body.header).toMatchObject({ code: 1005, message: 'This staff already has a channel of this type' });
    // The same WeCom app twice.
    const s2 = await createStaff(t, m.token);
    expect((await t.rest('/api/v1/customer/create/channel', wecom(s2, { corp_id: 'ww-dup', account_id: 'a1' }), m.token)).body.header.code).toBe(0);
    expect((await t.rest('/api/v1/customer/create/channel', wecom(otherStaff, { corp_id: 'ww-dup', account_id: 'a2' }), other.token)).body.header).toMatchObject({ code: 1005 });
  });

  it("answers another merchant's channel or staff as not found, on REST and GraphQL", async () => {
    const mine = (await t.rest('/api/v1/customer/create/channel', gateway(staffId, { channel_type: 'wechat' }), m.token)).body.data.id;
    expect((await t.rest('/api/v1/customer/create/channel', gateway(otherStaff), m.token)).body.header).toMatchObject({ code: 1006, message: `Staff ${otherStaff} not found` });
    expect((await t.rest('/api/v1/customer/edit/channel', { id: mine, outbound_url: 'https://evil.example' }, other.token)).body.header).toMatchObject({ code: 1006, message: `Channel ${mine} not found` });
    expect((await t.rest('/api/v1/customer/delete/channel', { id: mine }, other.token)).body.header.code).toBe(1006);
    expect((await t.rest('/api/v1/customer/list/channel', { id: mine }, other.token)).body.header.total).toBe(0);

    const q = 'query($id: Int!) { channel(id: $id) { id accountId secret } }';
    expect((await t.gql(q, { id: mine }, other.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const upd = await t.gql('mutation($id: Int!) { updateChannel(id: $id, input: { outboundUrl: "https://evil.example" }) { id } }', { id: mine }, other.token);
    expect(upd.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql('mutation($id: Int!) { deleteChannel(id: $id) }', { id: mine }, other.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const agent = await createAgent(t, m.token, [staffId]);
    expect((await t.gql(q, { id: mine }, agent.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.rest('/api/v1/customer/list/channel', {}, undefined)).status).toBe(401);
    expect((await t.gql(q, { id: mine }, m.token)).data.channel).toMatchObject({ id: mine, secret: 'ga****23' });
  });

  it('manages channels over GraphQL', async () => {
    const s = await createStaff(t, m.token);
    const created = await t.gql(
      'mutation($i: ChannelCreateInput!) { createChannel(input: $i) { id channelType accountId secret outboundUrl staffId } }',
      { i: { staffId: s, channelType: 'JD', accountId: 'jd-gql', secret: 'jd-secret-xyz', outboundUrl: 'https://jd.example/o' } },
      m.token,
    );
    expect(created.data.createChannel).toMatchObject({ channelType: 'JD', accountId: 'jd-gql', secret: 'jd****yz', staffId: s });
    const id = created.data.createChannel.id;
    const bad = await t.gql('mutation($id: Int!) { updateChannel(id: $id, input: { outboundUrl: "mailto:x" }) { id } }', { id }, m.token);
    expect(bad.errors?.[0]).toMatchObject({ message: 'outbound_url: must be an http(s) URL', extensions: { code: 'BAD_USER_INPUT' } });
    const list = await t.gql('query($s: Int) { channels(staffId: $s) { total items { id accountId } } }', { s }, m.token);
    expect(list.data.channels).toEqual({ total: 1, items: [{ id, accountId: 'jd-gql' }] });
    expect((await t.gql('mutation($id: Int!) { deleteChannel(id: $id) }', { id }, m.token)).data.deleteChannel).toBe(true);
  });
});

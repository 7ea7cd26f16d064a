import { createHash, randomBytes } from 'node:crypto';
import { ADMIN_PASSWORD, ADMIN_USER, type TestApp } from './test-app.js';

/** What the REST factories use: an in-process test app, or a spawned server (test/support/spawned-app.ts). */
type ApiTarget = Pick<TestApp, 'rest' | 'mailbox'>;

export const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const unique = () => randomBytes(4).toString('hex');

export interface MerchantFixture {
  id: number;
  userName: string;
  email: string;
  password: string;
  token: string;
}

/** Registers a merchant through the real flow (code by e-mail, register, login) and returns its token. */
export async function createMerchant(t: ApiTarget, overrides: { userName?: string; email?: string; password?: string } = {}): Promise<MerchantFixture> {
  const tag = unique();
  const userName = overrides.userName ?? `merchant_${tag}`;
  const email = overrides.email ?? `${userName}@shop.example`;
  const password = overrides.password ?? md5(`pw-${tag}`);
  const sent = await t.rest('/api/v1/customer/send/code', { user_name: userName, email, action_type: 0, language: 'en' });
  if (sent.body.header.code !== 0) throw new Error(`send code failed: ${JSON.stringify(sent.body)}`);
  const code = await t.mailbox.code(email);
  const reg = await t.rest('/api/v1/customer/register', { user_name: userName, password, email, reg_code: code });
  if (reg.body.header.code !== 0) throw new Error(`register failed: ${JSON.stringify(reg.body)}`);
  const login = await t.rest('/api/v1/customer/login', { user_name: userName, password });
  if (login.body.header.code !== 0) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return { id: reg.body.data.id, userName, email, password, token: login.body.data.token };
}

export async function adminToken(t: TestApp): Promise<string> {
  const res = await t.rest('/api/v1/admin/login', { user_name: ADMIN_USER, password: md5(ADMIN_PASSWORD) });
  if (res.body.header.code !== 0) throw new Error(`admin login failed: ${JSON.stringify(res.body)}`);
  return res.body.data.token;
}

export function staffInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `AI staff ${unique()}`,
    org_name: '销售部',
    tone: 'friendly and sincere',
    output_length: 'normal-length',
    language_mode: 'written',
    language_response: 'Chinese',
    description: '销冠的潜质',
    greetings: '您好,我是1号员工,很高兴为您服务!',
    avatar_url: 'https://www.pic.com/avatar001.jpg',
    ...overrides,
  };
}

/** Creates a staff over REST and returns its id. */
export async function createStaff(t: ApiTarget, token: string, overrides: Record<string, unknown> = {}): Promise<number> {
  const res = await t.rest('/api/v1/customer/create/staff', staffInput(overrides), token);
  if (res.body.header.code !== 0) throw new Error(`create staff failed: ${JSON.stringify(res.body)}`);
  return res.body.data.id;
}

export function productInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `标准版包月套餐 ${unique()}`,
    price: '199',
    currency: 'CNY',
    state: 1,
    language: 'zh-CN',
    description: '标准版包月套餐,中小企业福利',
    trial_days: 7,
    expiring_days: 31,
    ...overrides,
  };
}

export async function createProduct(t: TestApp, token: string, overrides: Record<string, unknown> = {}): Promise<number> {
  const res = await t.rest('/api/v1/admin/create/production', productInput(overrides), token);
  if (res.body.header.code !== 0) throw new Error(`create product failed: ${JSON.stringify(res.body)}`);
  return res.body.data.id;
}

/** Moves an address's codes a minute into the past, so the once-a-minute rule lets the next one through. */
export async function ageCodes(t: TestApp, email: string): Promise<void> {
  await t.app.orm.em
    .fork()
    .getConnection()
    .execute(`update verification_code set created_at = created_at - interval '61 seconds' where email = ?`, [email.toLowerCase()]);
}

export interface StaffFixture {
  id: number;
  serialNo: string;
  apiKey: string;
  secretKey: string;
}

/** Creates a staff and returns its id, serial number and chat keys. */
export async function createStaffWithKeys(t: ApiTarget, token: string, overrides: Record<string, unknown> = {}): Promise<StaffFixture> {
  const id = await createStaff(t, token, overrides);
  const item = (await t.rest('/api/v1/customer/list/staff', { id }, token)).body.data.list[0];
  return { id, serialNo: item.serial_no, apiKey: item.api_key, secretKey: item.secret_key };
}

export interface AgentFixture {
  id: number;
  userName: string;
  password: string;
  token: string;
}

/** Creates an agent of the merchant for the given staff (REST), and logs it in. */
export async function createAgent(t: ApiTarget, merchantToken: string, staffIds: number[], overrides: Record<string, unknown> = {}): Promise<AgentFixture> {
  const tag = unique();
  const userName = (overrides.user_name as string) ?? `agent_${tag}`;
  const password = (overrides.password as string) ?? md5(`agent-${tag}`);
  const res = await t.rest('/api/v1/customer/create/agent', { user_name: userName, name: `Agent ${tag}`, staff_ids: staffIds, max_sessions: 5, ...overrides, password }, merchantToken);
  if (res.body.header.code !== 0) throw new Error(`create agent failed: ${JSON.stringify(res.body)}`);
  const login = await t.rest('/api/v1/agent/login', { user_name: userName, password });
  if (login.body.header.code !== 0) throw new Error(`agent login failed: ${JSON.stringify(login.body)}`);
  return { id: res.body.data.id, userName, password, token: login.body.data.token };
}

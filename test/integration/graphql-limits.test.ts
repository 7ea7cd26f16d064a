import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, createMerchant, createStaff, type MerchantFixture } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const aliased = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
const register = (i: number) => `register(input: { userName: "amp${i}", password: "secret123", email: "amp${i}@x.example", code: "123456" }) { id }`;
const registers = (n: number) => `mutation { ${Array.from({ length: n }, (_, i) => `a${i}: ${register(i)}`).join(' ')} }`;
const ask = (staffId: number) => `askStaff(staffId: ${staffId}, question: "What are your opening hours?") { text }`;

/** The first answer to one graphql-ws operation: its error list, or the first result. */
function firstAnswer(client: Client, query: string): Promise<any> {
  return new Promise((resolve) => {
    const stop = client.subscribe({ query }, { next: (r) => (resolve(r), stop()), error: resolve, complete: () => resolve('complete') });
  });
}

describe('GraphQL document limits and rate limits', () => {
  let t: TestApp;
  let merchant: MerchantFixture;
  let other: MerchantFixture;
  let admin: string;
  let staffA: number;
  let staffB: number;

  beforeAll(async () => {
    t = await startTestApp({ CODE_CHECKS_PER_IP_PER_MINUTE: '4', ASK_STAFF_PER_MINUTE: '5', ASK_STAFF_PER_STAFF_PER_MINUTE: '3' });
    merchant = await createMerchant(t); // each takes one of the 4 code checks
    other = await createMerchant(t);
    admin = await adminToken(t);
    staffA = await createStaff(t, merchant.token);
    staffB = await createStaff(t, merchant.token);
  });
  afterAll(() => t?.close());

  const merchantTotal = async () => (await t.gql('{ merchants { total } }', {}, admin)).data.merchants.total;

  it('refuses amplified register documents before any resolver runs: no code check is spent, no account made', async () => {
    const before = await merchantTotal();
    const refusals = [
      [registers(2400), /^Query document is too large: \d+ bytes, at most 65536 allowed$/],
      [registers(51), /^Aliases limit of 50 exceeded, found 51\.$/],
      [registers(10), /^Query is too costly: 5010 points, at most 5000 allowed$/],
    ] as const;
    for (const [doc, message] of refusals) {
      const res = await t.gql(doc);
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      expect(res.errors).toContainEqual(expect.objectContaining({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_LIMIT' } }));
    }
    expect(await merchantTotal()).toBe(before);
    // Two of the four checks are left: had any refused register run, these would be rate limited already.
    for (const expected of ['BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED']) {
      const res = await t.gql(`mutation { ${register(9000)} }`);
      expect(res.errors?.[0]?.extensions?.code).toBe(expected);
    }
    const reset = await t.gql('mutation { resetPassword(input: { email: "amp1@x.example", code: "123456", password: "secret123" }) }');
    expect(reset.errors?.[0]).toMatchObject({ message: 'Too many attempts from this address, wait a minute', extensions: { code: 'RATE_LIMITED' } });
    expect(await merchantTotal()).toBe(before);
  });

  it('refuses thousands of aliases at parse time by their tokens, over HTTP and graphql-ws', async () => {
    const tokens = /^Syntax Error: Document contains more that 2000 tokens\. Parsing aborted\.$/;
    const fields = await t.gql(`{ ${aliased(2000, '__typename')} }`);
    expect(fields.status).toBe(400);
    const parseFailed = { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' };
    expect(fields.errors?.[0]).toMatchObject({ message: expect.stringMatching(tokens), extensions: parseFailed });
    const asks = await t.gql(`{ ${aliased(500, ask(staffA))} }`, {}, merchant.token);
    expect(asks.status).toBe(400);
    expect(asks.errors?.[0]?.message).toMatch(tokens);

    const ws = t.wsClient({ token: merchant.token });
    const sub = await firstAnswer(ws, `subscription { ${aliased(2000, 'staffChanged { staffId }')} }`);
    expect(sub).toEqual([expect.objectContaining({ message: expect.stringMatching(tokens), extensions: parseFailed })]);
    const many = await firstAnswer(ws, `subscription { ${aliased(60, 'staffChanged { staffId }')} }`);
    expect(many).toEqual([expect.objectContaining({ message: 'Aliases limit of 50 exceeded, found 60.', extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_LIMIT' } })]);
    const big = await firstAnswer(ws, `subscription { staffChanged { staffId } } # ${'x'.repeat(70_000)}`);
    expect(big).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Query document is too large/), extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_LIMIT' } })]);
    const costly = await firstAnswer(ws, `subscription { ${aliased(6, `askStaffStream(staffId: ${staffA}, question: "hi") { delta }`)} }`);
    expect(costly[0]?.message).toBe('Query is too costly: 6006 points, at most 5000 allowed');
  });

  it('refuses an over-size document before parsing it, the limits over GET too, and a batch of operations', async () => {
    const big = await t.gql(`{ me { ${'x'.repeat(70_000)}`);
    expect(big.status).toBe(400);
    expect(big.errors?.[0]).toMatchObject({ message: 'Query document is too large: 70007 bytes, at most 65536 allowed', extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_LIMIT' } });
    const viaGet = await fetch(`${t.url}/graphql?query=${encodeURIComponent(`{ ${aliased(60, '__typename')} }`)}`);
    expect(viaGet.status).toBe(400);
    expect(((await viaGet.json()) as any).errors[0]).toMatchObject({ message: 'Aliases limit of 50 exceeded, found 60.', extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_LIMIT' } });
    const batch = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${merchant.token}` },
      body: JSON.stringify(Array.from({ length: 20 }, () => ({ query: `{ ${ask(staffA)} }` }))),
    });
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as any).errors[0]).toMatchObject({ message: 'Operation batching disabled.', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses 50 askStaff aliases by their cost, and lets an admin-sized query through', async () => {
    const res = await t.gql(`{ ${aliased(50, ask(staffA))} }`, {}, merchant.token);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({ message: 'Query is too costly: 50050 points, at most 5000 allowed', extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_LIMIT' } });
    const page = await t.gql(
      `{ me { role admin { id } }
         merchants(page: { pageSize: 20 }) { total items { id userName email isFrozen createdAt } }
         products { total items { id name price currency state } }
         trades { total items { tradeNo state payAmount currency createdAt } } }`,
      {},
      admin,
    );
    expect(page.errors).toBeUndefined();
    expect(page.data.merchants.total).toBeGreaterThanOrEqual(2);
  });

  it('rate-limits questions per staff and per caller, on both transports, after the tenancy check', async () => {
    const askOnce = (staffId: number, token = merchant.token) => t.gql(`{ ${ask(staffId)} }`, {}, token);
    // Another merchant naming this staff gets "not found", and spends none of its budget.
    for (let i = 0; i < 4; i++) expect((await askOnce(staffA, other.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // None of the refused documents above spent any either: three questions to A go through.
    for (let i = 0; i < 3; i++) expect((await askOnce(staffA)).errors).toBeUndefined();
    const perStaff = await askOnce(staffA);
    expect(perStaff.errors?.[0]).toMatchObject({ message: 'Too many questions to your staff, wait a minute', extensions: { code: 'RATE_LIMITED' } });
    // Five counted for the caller (the refused one too): B's first fits, then the caller's budget is spent.
    expect((await askOnce(staffB)).errors).toBeUndefined();
    expect((await askOnce(staffB)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const stream = await firstAnswer(t.wsClient({ token: merchant.token }), `subscription { askStaffStream(staffId: ${staffB}, question: "hi") { delta done } }`);
    expect(stream.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMerchant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('HTTP server: operations and GraphQL limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_MAX_COST: '500' });
  });
  afterAll(() => t?.close());

  it('answers /healthz and /readyz', async () => {
    const h = await fetch(`${t.url}/healthz`);
    expect(h.status).toBe(200);
    expect(await h.json()).toEqual({ status: 'ok' });
    const r = await fetch(`${t.url}/readyz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ready' });
  });

  it('serves GraphiQL with no outside resources, subscriptions over WS', async () => {
    const res = await fetch(`${t.url}/graphiql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/i);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/i);
    expect(html).toContain('/graphql');
    expect(html).toContain('"subscriptionsProtocol":"WS"');
  });

  it('echoes or creates a request id', async () => {
    const given = await fetch(`${t.url}/api/v1/customer/query/staff`, { method: 'POST', headers: { 'x-request-id': 'abc-123' }, body: '{}' });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await fetch(`${t.url}/api/v1/customer/query/staff`, { method: 'POST', body: '{}' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed GraphQL requests with 400 and BAD_USER_INPUT, never 5xx', async () => {
    const bad = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const syntax = await t.gql('{ me { ');
    expect(syntax.status).toBe(400);
    expect(syntax.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await t.gql('{ nope }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const wrongVar = await t.gql('query($id: Int!) { staff(id: $id) { id } }', { id: 'x' });
    expect(wrongVar.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const big = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ me { role } } #${'x'.repeat(1_100_000)}` }) });
    expect(big.status).toBe(413);
  });

  it('refuses queries deeper than 15 levels before execution', async () => {
    const m = await createMerchant(t);
    const nest = (levels: number) => `{ __schema { types { fields { type { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } } } } }`;
    const deep = await t.gql(nest(14), {}, m.token);
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.message).toBe('Query depth limit of 15 exceeded, found 19.');
    expect(deep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fits = await t.gql(nest(10), {}, m.token);
    expect(fits.errors).toBeUndefined();
  });

  it('runs the standard GraphiQL introspection query within the limits', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const res = await t.gql(getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
  });

  it('answers unknown paths with a JSON 404 and refuses WebSocket upgrades on unknown paths', async () => {
    const res = await fetch(`${t.url}/nope`);
    expect(res.status).toBe(404);
    const { default: WebSocket } = await import('ws');
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/nope`);
    const outcome = await new Promise<string>((resolve) => {
      ws.on('unexpected-response', (_req, r) => resolve(String(r.statusCode)));
      ws.on('error', () => resolve('error'));
      ws.on('open', () => resolve('open'));
    });
    expect(outcome).toBe('404');
  });
});

import http from 'node:http';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMerchant, md5, type MerchantFixture } from '../support/factories.js';
import { ADMIN_PASSWORD, ADMIN_USER, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every test client connects from 127.0.0.1 unless it binds another loopback address
 * (`from`): the whole of 127.0.0.0/8 reaches the server, so these are distinct clients.
 */
interface From {
  from?: string;
  headers?: Record<string, string>;
}

function post(t: TestApp, path: string, body: unknown, { from, headers = {} }: From = {}): Promise<number> {
  const url = new URL(path, t.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: from, agent: false, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(JSON.parse(text).header.code));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const login = (t: TestApp, userName: string, password: string, from?: From) => post(t, '/api/v1/customer/login', { user_name: userName, password }, from);

/** A merchant login mutation over graphql-ws, from `from`: the upgrade request carries the address and headers. */
function wsLogin(t: TestApp, userName: string, password: string, { from, headers = {} }: From = {}): Promise<string> {
  class BoundSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { localAddress: from, headers });
    }
  }
  const client = createClient({ url: `${t.url.replace('http', 'ws')}/graphql`, webSocketImpl: BoundSocket, retryAttempts: 0, lazy: true });
  return new Promise<string>((resolve, reject) => {
    client.subscribe(
      { query: 'mutation($u: String!, $p: String!) { login(input: { userName: $u, password: $p }) { token } }', variables: { u: userName, p: password } },
      {
        next: (v) => resolve(v.errors ? String(v.errors[0]?.extensions?.code) : 'OK'),
        error: (err) => (Array.isArray(err) ? resolve(String(err[0]?.extensions?.code)) : reject(err)),
        complete: () => {},
      },
    );
  }).finally(() => client.dispose());
}

const counts = (codes: number[]) => codes.reduce<Record<number, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});

describe('login limits (default: the socket address counts)', () => {
  let t: TestApp;
  let m: MerchantFixture;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_FAILURES_PER_IP_PER_MINUTE: '10' });
    m = await createMerchant(t);
  });
  afterAll(() => t?.close());

  it('checks only a few of 200 concurrent wrong passwords, and the real user still logs in from another address', async () => {
    const codes = await Promise.all(Array.from({ length: 200 }, (_, i) => login(t, m.userName, md5(`guess-${i}`), { from: '127.0.0.2' })));
    const seen = counts(codes);
    // Only a reserved attempt is checked (1002); the rest are refused before any hashing.
    expect(seen[1002] ?? 0).toBeLessThanOrEqual(10);
    expect(seen[429]).toBeGreaterThanOrEqual(190);
    expect(Object.keys(seen).sort()).toEqual(['1002', '429']);
    expect(await login(t, m.userName, m.password, { from: '127.0.0.3' })).toBe(0);
  });

  it('never locks the admin out: wrong passwords from one address leave it free elsewhere', async () => {
    const codes = await Promise.all(Array.from({ length: 200 }, () => post(t, '/api/v1/admin/login', { user_name: ADMIN_USER, password: md5('nope') }, { from: '127.0.0.4' })));
    expect(counts(codes)[429]).toBeGreaterThanOrEqual(190);
    expect(await post(t, '/api/v1/admin/login', { user_name: ADMIN_USER, password: md5(ADMIN_PASSWORD) }, { from: '127.0.0.5' })).toBe(0);
  });

  it('limits each address to 10 failures a minute over all accounts, even for the right password then', async () => {
    for (let i = 0; i < 10; i++) expect(await login(t, `nobody-${i}`, md5('x'), { from: '127.0.0.6' })).toBe(1002);
    expect(await login(t, m.userName, m.password, { from: '127.0.0.6' })).toBe(429);
    expect(await login(t, m.userName, m.password, { from: '127.0.0.7' })).toBe(0);
  });

  it('limits one address to 5 failures on one account, leaving other addresses free', async () => {
    for (let i = 0; i < 5; i++) expect(await login(t, m.userName, md5(`pair-${i}`), { from: '127.0.0.8' })).toBe(1002);
    expect(await login(t, m.userName, m.password, { from: '127.0.0.8' })).toBe(429);
    expect(await login(t, m.userName, m.password, { from: '127.0.0.9' })).toBe(0);
  });

  it('caps guesses from many addresses on one account, but not the addresses the user logged in from', async () => {
    const target = await createMerchant(t); // logs in from 127.0.0.1, which is now known for it
    const codes: number[] = [];
    for (let i = 1; i <= 25; i++) codes.push(await login(t, target.userName, md5(`spray-${i}`), { from: `127.0.1.${i}` }));
    expect(codes.slice(0, 20).every((c) => c === 1002)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429, 429, 429, 429]);
    // A new address is refused while the account is under attack; the user's own address is not.
    expect(await login(t, target.userName, target.password, { from: '127.0.2.1' })).toBe(429);
    expect(await login(t, target.userName, target.password, { from: '127.0.0.1' })).toBe(0);
  });

  it('ignores a spoofed X-Forwarded-For, over HTTP and on a WebSocket upgrade', async () => {
    for (let i = 0; i < 10; i++) expect(await login(t, `spoof-${i}`, md5('x'), { from: '127.0.0.10', headers: { 'x-forwarded-for': `203.0.113.${i}` } })).toBe(1002);
    expect(await login(t, m.userName, m.password, { from: '127.0.0.10', headers: { 'x-forwarded-for': '203.0.113.99' } })).toBe(429);
    expect(await wsLogin(t, m.userName, m.password, { from: '127.0.0.10', headers: { 'x-forwarded-for': '203.0.113.98' } })).toBe('RATE_LIMITED');
    expect(await wsLogin(t, m.userName, m.password, { from: '127.0.0.11' })).toBe('OK');
  });

  it('applies to agents and to GraphQL logins too', async () => {
    const agentLogin = (password: string) =>
      t.gql('mutation($p: String!) { agentLogin(input: { userName: "no-such-agent", password: $p }) { token } }', { p: password });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => agentLogin(md5(`a-${i}`))));
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(20);
    expect(codes.every((c) => c === 'RATE_LIMITED' || c === 'UNAUTHENTICATED')).toBe(true);
  });
});

describe('login limits behind a proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  let m: MerchantFixture;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_FAILURES_PER_IP_PER_MINUTE: '10', TRUST_PROXY: 'loopback' });
    m = await createMerchant(t);
  });
  afterAll(() => t?.close());

  it('counts the forwarded client address, over HTTP and on a WebSocket upgrade', async () => {
    const via = (client: string) => ({ headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < 10; i++) expect(await login(t, `proxied-${i}`, md5('x'), via('198.51.100.1'))).toBe(1002);
    expect(await login(t, m.userName, m.password, via('198.51.100.1'))).toBe(429);
    expect(await wsLogin(t, m.userName, m.password, via('198.51.100.1'))).toBe('RATE_LIMITED');
    // Other clients behind the same proxy are not limited.
    expect(await login(t, m.userName, m.password, via('198.51.100.2'))).toBe(0);
    expect(await wsLogin(t, m.userName, m.password, via('198.51.100.3'))).toBe('OK');
    // Only the hops the setting trusts count: an untrusted proxy's claim is not believed.
    expect(await login(t, m.userName, m.password, via('198.51.100.4, 198.51.100.1'))).toBe(429);
  });
});

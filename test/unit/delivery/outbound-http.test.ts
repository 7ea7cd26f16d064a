import { describe, expect, it } from 'vitest';
import { PermanentFailure } from '../../../src/services/delivery/delivery.worker.js';
import { isPublicAddress, postJson, urlProblem } from '../../../src/services/delivery/outbound-http.js';

describe('outbound URL guard (webhook endpoints, gateway outbound_url)', () => {
  it('counts only globally routable unicast addresses as public', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) expect([a, isPublicAddress(a)]).toEqual([a, true]);
    const internal = ['127.0.0.1', '10.0.0.5', '172.16.3.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '255.255.255.255', '224.0.0.1', '::1', '::', 'fe80::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip'];
    for (const a of internal) expect([a, isPublicAddress(a)]).toEqual([a, false]);
  });

  it('refuses non-http(s) URLs, credentials in the URL, and literal internal addresses unless allowed', async () => {
    expect(await urlProblem('ftp://example.com/x', false)).toBe('must be an http(s) URL');
    expect(await urlProblem('javascript:alert(1)', true)).toBe('must be an http(s) URL');
    expect(await urlProblem('not a url', false)).toBe('must be an http(s) URL');
    expect(await urlProblem('https://user:pass@93.184.216.34/', false)).toBe('must not contain a user name or password');
    expect(await urlProblem('http://169.254.169.254/latest/meta-data', false)).toContain('link-local');
    expect(await urlProblem('http://[::ffff:127.0.0.1]:8080/', false)).toContain('private, loopback');
    expect(await urlProblem('http://localhost:8080/', false)).toContain('private, loopback');
    expect(await urlProblem('https://93.184.216.34/hook', false)).toBeNull();
    expect(await urlProblem('http://127.0.0.1:9/x', true)).toBeNull();
  });

  it('refuses at send time too, before connecting, as a failure no retry fixes', async () => {
    const policy = { timeoutMs: 1000, allowPrivate: false };
    await expect(postJson('http://127.0.0.1:9/x', '{}', {}, policy)).rejects.toBeInstanceOf(PermanentFailure);
    // A name is checked on the address it resolves to, at connect time.
    await expect(postJson('http://localhost:9/x', '{}', {}, policy)).rejects.toBeInstanceOf(PermanentFailure);
  });
});

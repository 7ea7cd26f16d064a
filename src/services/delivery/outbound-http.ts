import dns, { type LookupAddress } from 'node:dns';
import http, { type RequestOptions } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { PermanentFailure } from './delivery.worker.js';

/** How the app calls URLs that merchants gave it (webhook endpoints, gateway outbound_url). */
export interface OutboundPolicy {
  /** One request, answer included. */
  timeoutMs: number;
  /** OUTBOUND_ALLOW_PRIVATE: also loopback, private, link-local and other non-public addresses. */
  allowPrivate: boolean;
}

const MAX_ANSWER_BYTES = 64 * 1024;

/** Only globally routable unicast addresses; an IPv4-mapped IPv6 address counts as its IPv4 one. */
export function isPublicAddress(address: string): boolean {
  try {
    return ipaddr.process(address).range() === 'unicast';
  } catch {
    return false;
  }
}

/**
 * Why `url` may not be called, or null when it may: it must be http(s), and (unless private
 * addresses are allowed) its host must resolve to public addresses only. Checked when a
 * merchant saves the URL; every request checks again at connect time, so a name that
 * later resolves elsewhere (DNS rebinding) is refused too.
 */
export async function urlProblem(url: string, allowPrivate: boolean): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an http(s) URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an http(s) URL';
  if (parsed.username || parsed.password) return 'must not contain a user name or password';
  if (allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await dns.promises.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return `its host ${host} does not resolve`;
  }
  const bad = addresses.find((a) => !isPublicAddress(a));
  return bad ? `must not point at a private, loopback or link-local address (${host} is ${bad})` : null;
}

/** dns.lookup that refuses non-public answers, so the check happens on the address actually connected to. */
function guardedLookup(hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(new PermanentFailure(`${hostname} resolves to ${bad.address}, a private or loopback address; refused`));
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

/** POSTs a JSON body; answers the status and (the start of) the body. Redirects are not followed. */
export async function postJson(url: string, body: string, headers: Record<string, string>, policy: OutboundPolicy): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new PermanentFailure('The URL is not http(s)');
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // A literal address is never looked up, so it is checked here.
  if (!policy.allowPrivate && isIP(host) && !isPublicAddress(host)) throw new PermanentFailure(`${host} is a private or loopback address; refused`);
  const options: RequestOptions = {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'cs-platform-webhooks', ...headers },
    signal: AbortSignal.timeout(policy.timeoutMs),
    ...(policy.allowPrivate ? {} : { lookup: guardedLookup as RequestOptions['lookup'] }),
  };
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(target, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER_BYTES) }));
      res.on('error', reject);
    });
    req.on('error', (err) => {
      if (err.name === 'AbortError' || err.name === 'TimeoutError') reject(new Error(`no answer within ${policy.timeoutMs} ms`));
      else reject(err);
    });
    req.end(body);
  });
}

import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** Whether the hop at `address`, `hop` steps from the socket, may tell who is behind it (Express's `trust proxy`). */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * Reads `TRUST_PROXY` in Express's `trust proxy` syntax: `true` (every hop), a hop count, or a
 * comma-separated list of addresses, CIDRs and the names `loopback`, `linklocal`, `uniquelocal`.
 * Unset or `false`: no hop is trusted, so forwarded headers never change the client address.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = value?.trim().toLowerCase() ?? '';
  if (v === '' || v === 'false') return () => false;
  if (v === 'true') return () => true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  // proxy-addr throws a TypeError naming the first bad entry.
  return proxyAddr.compile(v.split(',').map((s) => s.trim()).filter(Boolean));
}

/** The client's address: the socket's, or the nearest untrusted one of X-Forwarded-For behind trusted proxies. */
export function clientIp(req: IncomingMessage, trust: TrustProxy): string {
  if (!req.socket.remoteAddress) return 'unknown';
  return proxyAddr(req, trust);
}

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** Handles an HTTP upgrade whose path matched; `params` are the path's named parts. */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer, params: Record<string, string>) => void;

export interface UpgradeRoute {
  /** A path pattern such as `/ws/cs/:csId`. */
  path: string;
  handle: UpgradeHandler;
}

/** Answers an upgrade with a plain HTTP error, as a WebSocket client expects before the handshake. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string, body = ''): void {
  // A client that already hung up (or a socket the HTTP server's drain ended) gets nothing: writing would throw.
  if (!socket.writable) return void socket.destroy();
  const headers = [`HTTP/1.1 ${status} ${reason}`, 'Connection: close', 'Content-Type: application/json; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`];
  if (status === 401) headers.push('WWW-Authenticate: Basic realm="staff"');
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
}

/** Matches a path against `/a/:b/c` patterns. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const a = path.split('/');
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg.startsWith(':')) {
      if (!a[i]) return null;
      let value: string;
      try {
        value = decodeURIComponent(a[i]!);
      } catch {
        return null;
      }
      if (value.includes('\u0000')) return null;
      params[seg.slice(1)] = value;
    } else if (seg !== a[i]) {
      return null;
    }
  }
  return params;
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppConfig } from '../../core/config.js';
import { clientIp } from '../../core/http/client-address.js';
import { requestIdOf } from '../../core/http/request-context.js';
import { closeWebSockets } from '../../core/http/websocket-drain.js';
import type { Logger } from '../../core/logger.js';
import type { Services } from '../../services/index.js';
import type { AgentHub } from '../agents/agent-hub.js';
import type { ConsoleRegistry } from '../agents/console-registry.js';
import { sendBounded } from '../../core/ws/bounded-send.js';
import { TimerWheel } from '../../core/ws/timer-wheel.js';
import { MAX_FRAME_BYTES } from '../frames.js';
import type { UpgradeHandler } from '../upgrade.js';
import { AgentConsoleConnection, type ConsoleTransport } from './agent-console.protocol.js';

/** The `ws` adapter of the agent-console protocol: sockets in, frames to the protocol core, frames out. */
export function agentConsoleSockets(deps: { services: Services; hub: AgentHub; registry: ConsoleRegistry; config: AppConfig; log: Logger }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const log = deps.log.child({ component: 'agent-console' });
  let ownServer: http.Server | null = null;
  // Close handlers still running (an agent going offline), awaited at shutdown before the database closes.
  const closing = new Set<Promise<void>>();
  // Every connection's beat from one interval, not a timer (two, before login) per socket.
  const beats = new TimerWheel<AgentConsoleConnection>(deps.config.agentWsBeatMs, (conn) => conn.beat());

  const connDeps = { ...deps, log };
  const maxBuffered = deps.config.wsMaxBufferedBytes;

  const attach = (ws: WebSocket, meta: { ip: string; requestId: string }) => {
    const conn = new AgentConsoleConnection(connDeps, new SocketTransport(ws, maxBuffered), meta, { beats });
    // Frames are handled one at a time, in order.
    let chain = Promise.resolve();
    ws.on('message', (data, isBinary) => {
      chain = chain.then(() => conn.handle(isBinary ? '' : data.toString())).catch((err) => log.error({ err }, 'agent console frame failed'));
    });
    ws.on('close', () => {
      const done = chain.then(() => conn.onClosed()).catch((err) => log.warn({ err }, 'agent console close failed'));
      closing.add(done);
      void done.finally(() => closing.delete(done));
    });
    ws.on('error', () => ws.terminate());
  };

  const upgrade: UpgradeHandler = (req, socket, head) => {
    // Read from the request here, so the connection's closures keep two strings, not the request.
    const meta = { ip: clientIp(req, deps.config.trustProxy), requestId: requestIdOf(req) };
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => attach(ws, meta));
  };

  return {
    upgrade,
    /** Serves the protocol at `/` of AGENT_WS_PORT too, for consoles that expect their own port. */
    async listenOwnPort(): Promise<number | null> {
      if (deps.config.agentWsPort === undefined) return null;
      ownServer = http.createServer((_req, res) => res.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket only'));
      ownServer.on('upgrade', (req, socket, head) => upgrade(req, socket, head, {}));
      await new Promise<void>((resolve, reject) => {
        ownServer!.once('error', reject);
        ownServer!.listen(deps.config.agentWsPort, deps.config.host, () => resolve());
      });
      return (ownServer.address() as AddressInfo).port;
    },
    async close(): Promise<void> {
      beats.stop();
      await closeWebSockets(wss);
      await Promise.allSettled([...closing]);
      ownServer?.close();
    },
  };
}

/** A console's frames out, on its socket (a class, so idle connections share the methods). */
class SocketTransport implements ConsoleTransport {
  constructor(
    private readonly ws: WebSocket,
    private readonly maxBuffered: number,
  ) {}

  send(value: unknown): void {
    sendBounded(this.ws, JSON.stringify(value), this.maxBuffered);
  }

  sendRaw(text: string): void {
    sendBounded(this.ws, text, this.maxBuffered);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }
}

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
import { AgentConsoleConnection } from './agent-console.protocol.js';

/** The `ws` adapter of the agent-console protocol: sockets in, frames to the protocol core, frames out. */
export function agentConsoleSockets(deps: { services: Services; hub: AgentHub; registry: ConsoleRegistry; config: AppConfig; log: Logger }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const log = deps.log.child({ component: 'agent-console' });
  let ownServer: http.Server | null = null;
  // Close handlers still running (an agent going offline), awaited at shutdown before the database closes.
  const closing = new Set<Promise<void>>();
  // Every connection's beat from one interval, not a timer (two, before login) per socket.
  const beats = new TimerWheel<AgentConsoleConnection>(deps.config.agentWsBeatMs, (conn) => conn.beat());

  const upgrade: UpgradeHandler = (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const conn = new AgentConsoleConnection(
        { ...deps, log },
        {
          send: (value) => sendBounded(ws, JSON.stringify(value), deps.config.wsMaxBufferedBytes),
          sendRaw: (text) => sendBounded(ws, text, deps.config.wsMaxBufferedBytes),
          close: (code, reason) => ws.close(code, reason),
        },
        { ip: clientIp(req, deps.config.trustProxy), requestId: requestIdOf(req) },
        { beats },
      );
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
    });
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

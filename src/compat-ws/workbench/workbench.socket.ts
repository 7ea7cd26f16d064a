import { WebSocketServer, type WebSocket } from 'ws';
import { clientIp } from '../../core/http/client-address.js';
import { requestIdOf } from '../../core/http/request-context.js';
import { closeWebSockets } from '../../core/http/websocket-drain.js';
import type { Logger } from '../../core/logger.js';
import type { Services } from '../../services/index.js';
import type { AgentHub } from '../agents/agent-hub.js';
import { sendBounded } from '../../core/ws/bounded-send.js';
import { MAX_FRAME_BYTES } from '../frames.js';
import { refuseUpgrade, type UpgradeRoute } from '../upgrade.js';
import { WorkbenchConnection } from './workbench.protocol.js';

/** `/ws/cs/:csId?token=`: the path alone proves nothing, so the token must be that agent's. */
export function workbenchRoutes(services: Services, hub: AgentHub, log: Logger): { routes: UpgradeRoute[]; close: () => Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  // Outside the upgrade's scope, so a connection's closures keep what they name, not the request or its context.
  const attach = (ws: WebSocket, a: { agentId: number; merchantId: number; tokenId: number; staffIds: Set<number>; token: string | undefined; since: number | undefined; meta: { ip: string; requestId: string } }) => {
    const conn = new WorkbenchConnection(
      a.agentId,
      a.merchantId,
      a.tokenId,
      a.staffIds,
      services,
      () => services.contexts.forToken(a.token, a.meta),
      (value) => sendBounded(ws, JSON.stringify(value), services.config.wsMaxBufferedBytes),
      (code, reason) => ws.close(code, reason),
      log,
    );
    hub.add(conn, a.since);
    ws.on('message', (data) => void conn.handle(data.toString()));
    ws.on('close', () => hub.remove(conn));
    ws.on('error', () => ws.terminate());
    return conn;
  };
  const route: UpgradeRoute = {
    path: '/ws/cs/:csId',
    handle: (req, socket, head, params) => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      const token = query.get('token') ?? undefined;
      // The cursor of a workbench that reconnects: the last eventSeq it saw (docs/protocols.md, "Resuming").
      const sinceParam = query.get('since');
      if (sinceParam !== null && !/^\d{1,15}$/.test(sinceParam)) return refuseUpgrade(socket, 400, 'Bad Request', JSON.stringify({ code: 400, message: 'since must be an eventSeq (0 or more)' }));
      const since = sinceParam === null ? undefined : Number(sinceParam);
      const meta = { ip: clientIp(req, services.config.trustProxy), requestId: requestIdOf(req) };
      void (async () => {
        const ctx = await services.contexts.forToken(token, meta);
        if (ctx.actor.kind !== 'agent') return refuseUpgrade(socket, 401, 'Unauthorized', JSON.stringify({ code: 401, message: 'A valid agent token is required as ?token=' }));
        if (String(ctx.actor.agentId) !== params.csId) return refuseUpgrade(socket, 403, 'Forbidden', JSON.stringify({ code: 403, message: 'The token belongs to another agent' }));
        const { agentId, merchantId, tokenId } = ctx.actor;
        const staffIds = new Set(await services.sessions.staffIdsOfCaller(ctx));
        wss.handleUpgrade(req, socket, head, (ws) => {
          const conn = attach(ws, { agentId, merchantId, tokenId, staffIds, token, since, meta });
          if (since !== undefined) void hub.resume(conn, since, () => services.eventReplay.since(ctx, since));
        });
      })().catch((err) => {
        log.error({ err }, 'workbench upgrade failed');
        refuseUpgrade(socket, 500, 'Internal Server Error');
      });
    },
  };
  return { routes: [route], close: () => closeWebSockets(wss) };
}

import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { AppConfig } from '../core/config.js';
import { clientIp } from '../core/http/client-address.js';
import { requestIdOf } from '../core/http/request-context.js';
import { closeWebSockets } from '../core/http/websocket-drain.js';
import type { Logger } from '../core/logger.js';
import type { Services } from '../services/index.js';
import type { GqlContext } from './context.js';
import { formatGraphQLError } from './errors.js';
import { graphqlLimitsOf, prepareDocument } from './limits.js';
import { containsNul } from '../core/nul-guard.js';
import { boundedWebSocketClass } from '../core/ws/bounded-send.js';
import { pingSockets } from '../core/ws/heartbeat.js';
import { crossTenantEm } from '../core/db/tenancy.js';

export const MAX_WS_FRAME_BYTES = 1024 * 1024;
/** graphql-ws's own keep-alive period, kept; one timer wheel pings instead of a timer per socket. */
const KEEP_ALIVE_MS = 12_000;

/** The token a graphql-ws client sends: `{ token }` or `{ Authorization: "Bearer …" }` in connectionParams. */
export function tokenFromParams(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!params) return undefined;
  if (typeof params.token === 'string' && params.token) return params.token;
  const auth = params.Authorization ?? params.authorization;
  const m = typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth.trim()) : null;
  return m?.[1];
}

/** graphql-ws on `/graphql`: each operation gets its own request context from the connection's token. */
export function createGraphQLWsServer(deps: {
  schema: GraphQLSchema;
  orm: MikroORM;
  services: Services;
  config: AppConfig;
  log: Logger;
}): { wss: WebSocketServer; close: () => Promise<void> } {
  const { orm, services, config, log } = deps;
  // A subscriber that stops reading is closed with 1013 once its backlog passes WS_MAX_BUFFERED_BYTES.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_FRAME_BYTES, WebSocket: boundedWebSocketClass(config.wsMaxBufferedBytes) });
  const limits = graphqlLimitsOf(config);
  const format = (result: ExecutionResult): FormattedExecutionResult => ({
    ...result,
    errors: result.errors?.map((e) => formatGraphQLError(e.toJSON(), e, log)),
  });
  const cleanup = useServer(
    {
      schema: deps.schema,
      // A token that was sent but is not valid refuses the connection (4403) rather than silently going anonymous.
      onConnect: async (c) => {
        const token = tokenFromParams(c.connectionParams);
        if (!token) return true;
        const actor = await services.tokens.authenticate(() => crossTenantEm(orm), token);
        return actor.kind !== 'anonymous';
      },
      context: async (c): Promise<GqlContext> => {
        const req = c.extra.request;
        const ctx = await services.contexts.forToken(tokenFromParams(c.connectionParams), {
          requestId: requestIdOf(req),
          ip: clientIp(req, config.trustProxy),
        });
        return { ctx, bus: services.bus, services };
      },
      // The same document limits as over HTTP: this hook parses and validates, so graphql-ws does neither.
      onSubscribe: (_c, _id, payload) => {
        // Variables are not seen by validation rules; text with NUL characters is refused here.
        if (containsNul(payload.variables)) return [new GraphQLError('Text must not contain NUL characters', { extensions: { code: 'BAD_USER_INPUT' } })];
        const prepared = prepareDocument(deps.schema, payload.query, limits);
        if ('errors' in prepared) return prepared.errors;
        return { schema: deps.schema, document: prepared.document, operationName: payload.operationName, variableValues: payload.variables };
      },
      onNext: (_c, _id, _payload, _args, result) => format(result),
      onError: (_c, _id, _payload, errors) => errors.map((e) => formatGraphQLError(e.toJSON(), e, log)),
    },
    wss,
    0,
  );
  const stopPings = pingSockets(wss, KEEP_ALIVE_MS);
  return {
    wss,
    // Sockets first, each waiting for its close handshake (1001), so none is cut with the HTTP server.
    close: async () => {
      stopPings();
      await closeWebSockets(wss);
      await cleanup.dispose();
    },
  };
}

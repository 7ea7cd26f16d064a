import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

export interface GraphqlConnection {
  client: Client;
  /** The graphql-ws socket every subscription shares (its events tell "connected" from "reconnecting"). */
  ws: WsClient;
  dispose(): void;
}

const wsUrl = () => `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;

/**
 * One urql client per token: queries and mutations over HTTP with `Authorization: Bearer`, subscriptions
 * over graphql-ws with `{ token }` in connectionParams (src/graphql/graphql-ws.server.ts). The socket
 * retries forever with backoff; subscriptions re-subscribe on reconnect, each resuming from its own cursor.
 */
export function createGraphqlConnection(token: string | null, onUnauthenticated: () => void): GraphqlConnection {
  const ws = createWsClient({
    url: wsUrl(),
    connectionParams: token ? { token } : {},
    lazy: true,
    keepAlive: 10_000,
    retryAttempts: Infinity,
    // 4403: the server refused the token (revoked or expired); retrying would not help.
    shouldRetry: (event) => !(event && typeof event === 'object' && 'code' in event && event.code === 4403),
    on: { closed: (event) => void (event && typeof event === 'object' && 'code' in event && event.code === 4403 && onUnauthenticated()) },
  });
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : {} }),
    exchanges: [
      cacheExchange,
      mapExchange({ onError: (error) => void (token && isUnauthenticated(error) && onUnauthenticated()) }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return { subscribe: (sink) => ({ unsubscribe: ws.subscribe(input, sink) }) };
        },
      }),
    ],
  });
  return { client, ws, dispose: () => void ws.dispose() };
}

/** The error's code: `extensions.code` of the first GraphQL error (src/graphql/errors.ts), or NETWORK. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.networkError) return 'NETWORK';
  const first = error.graphQLErrors[0]?.extensions;
  return (typeof first?.reason === 'string' ? first.reason : undefined) ?? (typeof first?.code === 'string' ? first.code : undefined);
}

// By reason: a wrong password (INVALID_CREDENTIALS) shares the UNAUTHENTICATED code but does not end the session.
const isUnauthenticated = (error: CombinedError) => error.graphQLErrors.some((e) => (e.extensions?.reason ?? e.extensions?.code) === 'UNAUTHENTICATED');

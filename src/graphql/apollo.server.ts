import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { GraphQLSchema } from 'graphql';
import type { RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';
import type { AppConfig } from '../core/config.js';
import { contextOf } from '../core/http/request-context.js';
import type { Logger } from '../core/logger.js';
import type { Services } from '../services/index.js';
import type { GqlContext } from './context.js';
import { formatGraphQLError } from './errors.js';
import { checkDocument, graphqlLimitsOf, noNulStrings, type GraphqlLimits } from './limits.js';
import { metricsPlugin } from './metrics.plugin.js';

/** Characters of accepted documents the guard remembers (clients send the same few documents again and again). */
const ACCEPTED_DOCUMENTS_CHARS = 4_000_000;

/**
 * Refuses, with 400 in the GraphQL envelope, a document over the size, token
 * or limit rules before Apollo sees it. Apollo has no hook before its own
 * validation that can answer 400 (a plugin's throw there is a 500), so the
 * check runs in front; Apollo then parses the (bounded) document once more,
 * or finds it in its own document cache. A document that passed once passes
 * again (the schema and limits are fixed): it is not parsed a second time.
 */
function documentGuard(schema: GraphQLSchema, limits: GraphqlLimits, log: Logger): RequestHandler {
  const accepted = new LRUCache<string, true>({ maxSize: ACCEPTED_DOCUMENTS_CHARS, sizeCalculation: (_v, source) => Math.max(1, source.length) });
  return (req, res, next) => {
    const source: unknown = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
    // Anything else (no query, a batch array, a persisted-query hash) is Apollo's to answer.
    if (typeof source !== 'string' || accepted.has(source)) return next();
    const checked = checkDocument(schema, source, limits);
    if (!('errors' in checked)) {
      accepted.set(source, true);
      return next();
    }
    res.status(400).json({ errors: checked.errors.map((e) => formatGraphQLError(e.toJSON(), e, log)) });
  };
}

/** GraphQL over HTTP at /graphql. */
export async function createApollo(deps: {
  schema: GraphQLSchema;
  httpServer: Server;
  services: Services;
  config: AppConfig;
  log: Logger;
}): Promise<{ middleware: RequestHandler[]; stop: () => Promise<void> }> {
  const { log } = deps;
  const apollo = new ApolloServer<GqlContext>({
    schema: deps.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    validationRules: [noNulStrings],
    // A JSON array of operations would multiply every per-document limit: batching stays off (400).
    allowBatchedHttpRequests: false,
    formatError: (formatted, error) => formatGraphQLError(formatted, error, log),
    logger: { debug: () => {}, info: () => {}, warn: (m) => log.warn(m), error: (m) => log.error(m) },
    plugins: [
      // Apollo's landing page loads from a CDN; GraphiQL is served at /graphiql instead.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are set or read here; Apollo's default cache-control plugin would still wrap every field.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: deps.httpServer }),
      metricsPlugin(),
    ],
  });
  await apollo.start();
  const middleware = expressMiddleware(apollo, {
    context: async ({ req }) => ({ ctx: contextOf(req), bus: deps.services.bus, services: deps.services }),
  }) as RequestHandler;
  return { middleware: [documentGuard(deps.schema, graphqlLimitsOf(deps.config), log), middleware], stop: () => apollo.stop() };
}

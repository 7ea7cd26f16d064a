import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { GraphQLSchema } from 'graphql';
import type { RequestHandler } from 'express';
import type { AppConfig } from '../core/config.js';
import { contextOf } from '../core/http/request-context.js';
import type { Logger } from '../core/logger.js';
import type { Services } from '../services/index.js';
import type { GqlContext } from './context.js';
import { formatGraphQLError } from './errors.js';
import { noNulStrings, queryLimits } from './limits.js';

/** GraphQL over HTTP at /graphql. */
export async function createApollo(deps: {
  schema: GraphQLSchema;
  httpServer: Server;
  services: Services;
  config: AppConfig;
  log: Logger;
}): Promise<{ middleware: RequestHandler; stop: () => Promise<void> }> {
  const { log } = deps;
  const apollo = new ApolloServer<GqlContext>({
    schema: deps.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    validationRules: [queryLimits(deps.config.graphqlMaxDepth, deps.config.graphqlMaxCost), noNulStrings],
    formatError: (formatted, error) => formatGraphQLError(formatted, error, log),
    logger: { debug: () => {}, info: () => {}, warn: (m) => log.warn(m), error: (m) => log.error(m) },
    plugins: [
      // Apollo's landing page loads from a CDN; GraphiQL is served at /graphiql instead.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: deps.httpServer }),
    ],
  });
  await apollo.start();
  const middleware = expressMiddleware(apollo, {
    context: async ({ req }) => ({ ctx: contextOf(req), bus: deps.services.bus, services: deps.services }),
  }) as RequestHandler;
  return { middleware, stop: () => apollo.stop() };
}

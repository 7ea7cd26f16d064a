import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type AuthChecker, type ContainerType } from 'type-graphql';
import { forbidden } from '../core/errors.js';
import type { EventBus } from '../core/events/event-bus.js';
import { resolvers } from '../resolvers/index.js';
import type { Services } from '../services/index.js';
import type { GqlContext } from './context.js';

/** Role checks for @Authorized: the context's own checks, so codes and messages match the other surfaces. */
const authChecker: AuthChecker<GqlContext> = ({ context }, roles) => {
  const { ctx } = context;
  const actor = ctx.requireAuthenticated();
  if (roles.length && !roles.includes(actor.kind)) {
    throw forbidden(`Access denied: this operation is for ${roles.join(' or ')} accounts`);
  }
  return true;
};

/** Resolvers are built once per app with the services injected. */
function servicesContainer(services: Services): ContainerType {
  const instances = new Map<unknown, unknown>();
  return {
    get(cls: new (s: Services) => unknown) {
      if (!instances.has(cls)) instances.set(cls, new cls(services));
      return instances.get(cls);
    },
  };
}

export async function buildAppSchema(services?: Services, bus?: EventBus): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    // type-graphql requires a pubSub; the subscriptions here use their own `subscribe` over the bus.
    pubSub: bus ?? { publish: () => undefined, subscribe: () => (async function* () {})() },
    container: services ? servicesContainer(services) : undefined,
    validate: false,
  });
}

/** The SDL as committed in schema/schema.graphql. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

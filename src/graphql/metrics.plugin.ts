import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { graphqlDuration, secondsSince } from '../core/metrics/metrics.js';

/**
 * Times each GraphQL operation over HTTP. Operations are named by their first root field, not the
 * client's operation name, which any caller may choose: the label values stay within the schema.
 */
export function metricsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, errors, response }) {
          const type = operation?.operation ?? 'invalid';
          const field = operation ? firstRootField(operation) : 'none';
          const failed = Boolean(errors?.length) || (response.body.kind === 'single' && Boolean(response.body.singleResult.errors?.length));
          graphqlDuration.observe({ type, field, outcome: failed ? 'error' : 'ok' }, secondsSince(started));
        },
      };
    },
  };
}

function firstRootField(op: OperationDefinitionNode): string {
  const first = op.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  return first && first.kind === Kind.FIELD ? first.name.value : 'fragment';
}

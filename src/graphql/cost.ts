import {
  GraphQLError,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { Extensions } from 'type-graphql';

/**
 * Points a field costs. Fields that do I/O weigh what they do: a root query
 * field is at least a database round trip, a mutation writes, and the named
 * ones below hash a password, send mail, call a payment provider or put a
 * question to retrieval and possibly a paid LLM. A list field's children
 * count LIST_FACTOR times, a rough stand-in for a page of results.
 */
export const Cost = {
  field: 1,
  rootQuery: 10,
  mutation: 100,
  /** A password hash, an e-mail or a payment provider's API. */
  heavyMutation: 500,
  /** Retrieval, and with LLM_BASE_URL a paid model call. */
  answer: 1000,
} as const;

const LIST_FACTOR = 10;

/** Gives a query, mutation or subscription field its weight (read by `ioCostRule`). */
export const Weight = (points: number) => Extensions({ cost: points });

function returnsList(type: GraphQLOutputType): boolean {
  let t: GraphQLOutputType = type;
  while (isNonNullType(t)) t = t.ofType;
  return isListType(t);
}

function weightOf(def: GraphQLField<unknown, unknown> | undefined, parent: GraphQLCompositeType, ctx: ValidationContext): number {
  const declared = def?.extensions?.cost;
  if (typeof declared === 'number') return declared;
  const schema = ctx.getSchema();
  if (parent === schema.getMutationType()) return Cost.mutation;
  if (def && (parent === schema.getQueryType() || parent === schema.getSubscriptionType())) return Cost.rootQuery;
  return Cost.field;
}

function measure(
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  fragments: Record<string, FragmentDefinitionNode>,
  ctx: ValidationContext,
  seen: Set<string>,
  memo: Map<string, number>,
): number {
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === 'Field') {
      const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
      const def = fields[sel.name.value];
      let child = 0;
      let list = false;
      if (sel.selectionSet) {
        const named = def ? getNamedType(def.type) : undefined;
        // Introspection fields are not in getFields(): their children count one point each.
        child = named && isCompositeType(named) ? measure(sel.selectionSet, named, fragments, ctx, seen, memo) : countFields(sel.selectionSet);
        list = def ? returnsList(def.type) : false;
      }
      cost += weightOf(def, parent, ctx) + child * (list ? LIST_FACTOR : 1);
    } else if (sel.kind === 'InlineFragment') {
      const cond = sel.typeCondition ? ctx.getSchema().getType(sel.typeCondition.name.value) : parent;
      cost += measure(sel.selectionSet, cond && isCompositeType(cond) ? cond : parent, fragments, ctx, seen, memo);
    } else {
      const frag = fragments[sel.name.value];
      if (!frag || seen.has(frag.name.value)) continue; // unknown or cyclic: other rules report it
      // A fragment costs the same wherever it is spread: measured once, or nested spreads cost exponential time.
      let m = memo.get(frag.name.value);
      if (m === undefined) {
        const cond = ctx.getSchema().getType(frag.typeCondition.name.value);
        m = measure(frag.selectionSet, cond && isCompositeType(cond) ? cond : parent, fragments, ctx, new Set([...seen, frag.name.value]), memo);
        memo.set(frag.name.value, m);
      }
      cost += m;
    }
  }
  return cost;
}

/** Fields of a selection set whose types are unknown (introspection), fragments ignored. */
function countFields(set: SelectionSetNode): number {
  let n = 0;
  for (const sel of set.selections) {
    if (sel.kind === 'FragmentSpread') continue;
    n += (sel.kind === 'Field' ? 1 : 0) + (sel.selectionSet ? countFields(sel.selectionSet) : 0);
  }
  return n;
}

/**
 * Refuses operations costlier than `maxCost` points (see `Cost`).
 *
 * Hand-written because GraphQL Armor's cost-limit is schema-blind: it charges
 * every object and scalar alike (times a depth factor) and knows lists only by
 * `first`/`last` arguments, so it cannot tell `askStaff` (an LLM call) from
 * `__typename`, nor a mutation from a read.
 */
export function ioCostRule(maxCost: number, refuse: (message: string) => GraphQLError): ValidationRule {
  return (ctx: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of ctx.getDocument().definitions) {
      if (def.kind === 'FragmentDefinition') fragments[def.name.value] = def;
    }
    return {
      OperationDefinition(op) {
        const schema = ctx.getSchema();
        const root = op.operation === 'query' ? schema.getQueryType() : op.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        if (!root) return;
        const cost = measure(op.selectionSet, root, fragments, ctx, new Set(), new Map());
        if (cost > maxCost) ctx.reportError(refuse(`Query is too costly: ${cost} points, at most ${maxCost} allowed`));
      },
    };
  };
}

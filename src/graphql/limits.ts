import {
  GraphQLError,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** A list field's children count this many times: a rough stand-in for a page of results. */
const LIST_FACTOR = 10;

interface Measure {
  cost: number;
  depth: number;
}

function returnsList(type: GraphQLOutputType): boolean {
  let t: GraphQLOutputType = type;
  while (isNonNullType(t)) t = t.ofType;
  return isListType(t);
}

function measure(
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  fragments: Record<string, FragmentDefinitionNode>,
  ctx: ValidationContext,
  seen: Set<string>,
  memo: Map<string, Measure>,
): Measure {
  let cost = 0;
  let depth = 0;
  for (const sel of set.selections) {
    if (sel.kind === 'Field') {
      const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
      const def = fields[sel.name.value];
      let child: Measure = { cost: 0, depth: 0 };
      let list = false;
      if (sel.selectionSet) {
        const named = def ? getNamedType(def.type) : undefined;
        const childParent = named && isCompositeType(named) ? named : undefined;
        // Introspection fields are not in getFields(); measure their depth against nothing, so nesting still counts.
        child = childParent ? measure(sel.selectionSet, childParent, fragments, ctx, seen, memo) : measureShape(sel.selectionSet);
        list = def ? returnsList(def.type) : false;
      }
      cost += 1 + child.cost * (list ? LIST_FACTOR : 1);
      depth = Math.max(depth, 1 + child.depth);
    } else if (sel.kind === 'InlineFragment') {
      const cond = sel.typeCondition ? ctx.getSchema().getType(sel.typeCondition.name.value) : parent;
      const m = measure(sel.selectionSet, cond && isCompositeType(cond) ? cond : parent, fragments, ctx, seen, memo);
      cost += m.cost;
      depth = Math.max(depth, m.depth);
    } else {
      const frag = fragments[sel.name.value];
      if (!frag || seen.has(frag.name.value)) continue; // unknown or cyclic: other rules report it
      // A fragment measures the same wherever it is spread: measured once, or nested spreads cost exponential time.
      let m = memo.get(frag.name.value);
      if (!m) {
        const cond = ctx.getSchema().getType(frag.typeCondition.name.value);
        m = measure(frag.selectionSet, cond && isCompositeType(cond) ? cond : parent, fragments, ctx, new Set([...seen, frag.name.value]), memo);
        memo.set(frag.name.value, m);
      }
      cost += m.cost;
      depth = Math.max(depth, m.depth);
    }
  }
  return { cost, depth };
}

/** Depth and count of a selection set whose types are unknown (introspection), fragments ignored. */
function measureShape(set: SelectionSetNode): Measure {
  let cost = 0;
  let depth = 0;
  for (const sel of set.selections) {
    if (sel.kind === 'FragmentSpread') continue;
    const child = sel.selectionSet ? measureShape(sel.selectionSet) : { cost: 0, depth: 0 };
    cost += (sel.kind === 'Field' ? 1 : 0) + child.cost;
    depth = Math.max(depth, (sel.kind === 'Field' ? 1 : 0) + child.depth);
  }
  return { cost, depth };
}

/**
 * Refuses, before execution, operations nested deeper than `maxDepth` or
 * costlier than `maxCost` (one point a field, list fields' children ×10), so
 * thousands of aliased fields or deep nesting never reach a resolver.
 */
export function queryLimits(maxDepth: number, maxCost: number): ValidationRule {
  return (ctx: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of ctx.getDocument().definitions) {
      if (def.kind === 'FragmentDefinition') fragments[def.name.value] = def;
    }
    return {
      OperationDefinition(op) {
        const root =
          op.operation === 'query'
            ? ctx.getSchema().getQueryType()
            : op.operation === 'mutation'
              ? ctx.getSchema().getMutationType()
              : ctx.getSchema().getSubscriptionType();
        if (!root) return;
        const { cost, depth } = measure(op.selectionSet, root, fragments, ctx, new Set(), new Map());
        if (depth > maxDepth) {
          ctx.reportError(new GraphQLError(`Query is too deep: ${depth} levels, at most ${maxDepth} allowed`, { nodes: [op] }));
        }
        if (cost > maxCost) {
          ctx.reportError(new GraphQLError(`Query is too costly: ${cost} points, at most ${maxCost} allowed`, { nodes: [op] }));
        }
      },
    };
  };
}

/** Refuses string literals holding NUL characters, which PostgreSQL text cannot store. */
export const noNulStrings: ValidationRule = (ctx) => ({
  StringValue(node) {
    if (node.value.includes('\u0000')) ctx.reportError(new GraphQLError('Text must not contain NUL characters', { nodes: [node] }));
  },
});

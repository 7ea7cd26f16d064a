import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import type { AppConfig } from '../core/config.js';
import { ioCostRule } from './cost.js';

/** What one GraphQL document may hold, on every transport. */
export interface GraphqlLimits {
  /** UTF-8 bytes of the document text, checked before parsing. */
  maxDocumentBytes: number;
  /** Lexical tokens, counted while parsing (parsing stops at the limit). */
  maxTokens: number;
  maxAliases: number;
  maxDirectives: number;
  maxDepth: number;
  maxCost: number;
}

export function graphqlLimitsOf(config: AppConfig): GraphqlLimits {
  return {
    maxDocumentBytes: config.graphqlMaxDocumentBytes,
    maxTokens: config.graphqlMaxTokens,
    maxAliases: config.graphqlMaxAliases,
    maxDirectives: config.graphqlMaxDirectives,
    maxDepth: config.graphqlMaxDepth,
    maxCost: config.graphqlMaxCost,
  };
}

/** A document over a limit: `BAD_USER_INPUT` with reason `QUERY_LIMIT`, before any resolver runs. */
export function limitExceeded(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_LIMIT' } });
}

export function documentSizeError(source: string, limits: GraphqlLimits): GraphQLError | null {
  const bytes = Buffer.byteLength(source, 'utf8');
  return bytes > limits.maxDocumentBytes ? limitExceeded(`Query document is too large: ${bytes} bytes, at most ${limits.maxDocumentBytes} allowed`) : null;
}

// GraphQL Armor's rules report through onReject; their own message starts "Syntax Error:", which this is not.
const armor = { propagateOnRejection: false, onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(limitExceeded(err.message.replace(/^Syntax Error: /, '')))] };

/**
 * Rules that bound the work a document asks for. They run on their own,
 * before graphql-js's validation, so an amplified document is refused after
 * one cheap walk and never reaches the costlier rules or a resolver.
 */
export function limitRules(limits: GraphqlLimits): ValidationRule[] {
  return [
    // __typename aliases count too: Armor lets them through by default, and 2,000 of them are still 2,000 fields.
    maxAliasesRule({ ...armor, n: limits.maxAliases, allowList: [] }),
    maxDirectivesRule({ ...armor, n: limits.maxDirectives }),
    // Fragments add no level, and introspection counts like any other selection.
    maxDepthRule({ ...armor, n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: false }),
    ioCostRule(limits.maxCost, limitExceeded),
  ];
}

/** Refuses string literals holding NUL characters, which PostgreSQL text cannot store. */
export const noNulStrings: ValidationRule = (ctx) => ({
  StringValue(node) {
    if (node.value.includes('\u0000')) ctx.reportError(new GraphQLError('Text must not contain NUL characters', { nodes: [node] }));
  },
});

/**
 * Size before parsing, tokens while parsing, then the limit rules: the checks
 * every transport makes before graphql-js validates the document.
 */
export function checkDocument(schema: GraphQLSchema, source: string, limits: GraphqlLimits): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  const tooLarge = documentSizeError(source, limits);
  if (tooLarge) return { errors: [tooLarge] };
  let document: DocumentNode;
  try {
    document = parse(source, { maxTokens: limits.maxTokens });
  } catch (err) {
    const e = err instanceof GraphQLError ? err : new GraphQLError('Query could not be parsed');
    return { errors: [new GraphQLError(e.message, { source: e.source, positions: e.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } })] };
  }
  const refused = validate(schema, document, limitRules(limits));
  return refused.length ? { errors: refused } : { document };
}

/** `checkDocument`, then graphql-js's validation: for a transport that runs documents itself (graphql-ws). */
export function prepareDocument(schema: GraphQLSchema, source: string, limits: GraphqlLimits): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  const checked = checkDocument(schema, source, limits);
  if ('errors' in checked) return checked;
  const invalid = validate(schema, checked.document, [...specifiedRules, noNulStrings]);
  return invalid.length ? { errors: invalid } : checked;
}

import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode, isAppError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

/** GraphQL's `extensions.code` for each domain code; `extensions.reason` keeps the finer domain code. */
const codes: Record<ErrorCode, string> = {
  [ErrorCode.Unauthenticated]: 'UNAUTHENTICATED',
  [ErrorCode.InvalidCredentials]: 'UNAUTHENTICATED',
  [ErrorCode.Forbidden]: 'FORBIDDEN',
  [ErrorCode.AccountFrozen]: 'FORBIDDEN',
  [ErrorCode.StaffUnavailable]: 'FORBIDDEN',
  [ErrorCode.BadUserInput]: 'BAD_USER_INPUT',
  [ErrorCode.InvalidJson]: 'BAD_USER_INPUT',
  [ErrorCode.PayloadTooLarge]: 'BAD_USER_INPUT',
  [ErrorCode.InvalidVerificationCode]: 'BAD_USER_INPUT',
  [ErrorCode.NotFound]: 'NOT_FOUND',
  [ErrorCode.AlreadyExists]: 'CONFLICT',
  [ErrorCode.Conflict]: 'CONFLICT',
  [ErrorCode.RateLimited]: 'RATE_LIMITED',
  [ErrorCode.ResyncRequired]: 'CONFLICT',
  [ErrorCode.Internal]: 'INTERNAL_SERVER_ERROR',
};

// Errors GraphQL itself raises for a bad document or bad variables.
const inputCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e && chain.length < 6; e = (e as { originalError?: unknown }).originalError) chain.push(e);
  return chain;
}

// By name, not instanceof: Apollo and graphql-js may come from different module copies.
const isGraphQLError = (e: unknown) => e instanceof Error && (e.name === 'GraphQLError' || e.name === 'ValidationError' || e.name === 'SyntaxError');

/** Renders any error for a GraphQL client; unknown ones are logged and hidden. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const chain = causes(error);
  const appError = chain.find(isAppError) as AppError | undefined;
  const base = { locations: formatted.locations, path: formatted.path };
  if (appError) {
    return { ...base, message: appError.message, extensions: { code: codes[appError.code], reason: appError.code } };
  }
  const code = formatted.extensions?.code;
  // Parse, validation and variable errors come from graphql-js itself and end in a GraphQLError, not a thrown Error.
  const deepest = chain[chain.length - 1];
  if ((typeof code === 'string' && inputCodes.has(code)) || isGraphQLError(deepest)) {
    return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT', ...(typeof code === 'string' && code !== 'BAD_USER_INPUT' ? { reason: code } : {}) } };
  }
  log.error({ err: deepest }, 'unhandled error in GraphQL resolver');
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

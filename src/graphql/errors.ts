import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode, isAppError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

/** GraphQL's `extensions.code` for each domain code; `extensions.reason` keeps the finer domain code. */
const codes: Record<ErrorCode, string> = {
  [ErrorCode.Unauthenticated]: 'UNAUTHENTICATED',
  [ErrorCode.InvalidCredentials]: 'UNAUTHENTICATED',
  [ErrorCode.Forbidden]: 'FORBIDDEN',
  [ErrorCode.AccountFrozen]: 'FORBIDDEN',
  [ErrorCode.BadUserInput]: 'BAD_USER_INPUT',
  [ErrorCode.InvalidJson]: 'BAD_USER_INPUT',
  [ErrorCode.PayloadTooLarge]: 'BAD_USER_INPUT',
  [ErrorCode.InvalidVerificationCode]: 'BAD_USER_INPUT',
  [ErrorCode.NotFound]: 'NOT_FOUND',
  [ErrorCode.AlreadyExists]: 'CONFLICT',
  [ErrorCode.Conflict]: 'CONFLICT',
  [ErrorCode.RateLimited]: 'RATE_LIMITED',
  [ErrorCode.Internal]: 'INTERNAL_SERVER_ERROR',
};

// Errors GraphQL itself raises for a bad document or bad variables.
const inputCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

function findAppError(error: unknown): AppError | undefined {
  let e: unknown = error;
  for (let i = 0; i < 5 && e; i++) {
    if (isAppError(e)) return e;
    e = (e as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/** Renders any error for a GraphQL client; unknown ones are logged and hidden. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const appError = findAppError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (appError) {
    return { ...base, message: appError.message, extensions: { code: codes[appError.code], reason: appError.code } };
  }
  const code = formatted.extensions?.code;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (typeof code === 'string' && inputCodes.has(code) && !original) {
    return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT', reason: code } };
  }
  if (!original && error instanceof GraphQLError && !code) {
    // Errors from graphql-js itself (coercion of variables, validation) carry no original error.
    return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  log.error({ err: original ?? error }, 'unhandled error in GraphQL resolver');
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

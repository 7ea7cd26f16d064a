/**
 * The one error model. Services throw AppError with a code from this list; each
 * surface (GraphQL, ai-staff REST, later the WebSocket protocols) maps the code
 * into its own envelope. Anything else thrown is an internal error: logged, and
 * shown to clients only as "Internal server error".
 */
export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  BadUserInput: 'BAD_USER_INPUT',
  InvalidJson: 'INVALID_JSON',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  NotFound: 'NOT_FOUND',
  AlreadyExists: 'ALREADY_EXISTS',
  Conflict: 'CONFLICT',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  InvalidVerificationCode: 'INVALID_VERIFICATION_CODE',
  AccountFrozen: 'ACCOUNT_FROZEN',
  /** A staff that may not work now: frozen, expired, not activated, deleted, or its merchant frozen. */
  StaffUnavailable: 'STAFF_UNAVAILABLE',
  RateLimited: 'RATE_LIMITED',
  /** A stream's resume cursor is past what is kept (or not this server's): reload, then follow from now. */
  ResyncRequired: 'RESYNC_REQUIRED',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Authentication required: send a valid token') =>
  new AppError(ErrorCode.Unauthenticated, message);
export const forbidden = (message = 'Access denied') => new AppError(ErrorCode.Forbidden, message);
export const badInput = (message: string) => new AppError(ErrorCode.BadUserInput, message);
export const notFound = (what: string) => new AppError(ErrorCode.NotFound, `${what} not found`);
export const alreadyExists = (message: string) => new AppError(ErrorCode.AlreadyExists, message);
export const conflict = (message: string) => new AppError(ErrorCode.Conflict, message);
export const rateLimited = (message = 'Too many requests, try again later') =>
  new AppError(ErrorCode.RateLimited, message);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

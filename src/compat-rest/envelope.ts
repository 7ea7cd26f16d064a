import { AppError, ErrorCode } from '../core/errors.js';

/** The ai-staff seed's envelope: `{header: {code, message, total, count}, data}` (schema: src/http/openapi/envelopes.ts). */
export interface LegacyEnvelope<T = unknown> {
  header: { code: number; message: string; total: number; count: number };
  data: T;
}

const codes: Record<ErrorCode, number> = {
  [ErrorCode.Forbidden]: 1000,
  [ErrorCode.Unauthenticated]: 1001,
  [ErrorCode.InvalidCredentials]: 1002,
  [ErrorCode.BadUserInput]: 1003,
  [ErrorCode.PayloadTooLarge]: 1003,
  [ErrorCode.Conflict]: 1003,
  [ErrorCode.ResyncRequired]: 1003,
  [ErrorCode.InvalidJson]: 1004,
  [ErrorCode.AlreadyExists]: 1005,
  [ErrorCode.NotFound]: 1006,
  [ErrorCode.InvalidVerificationCode]: 1008,
  [ErrorCode.AccountFrozen]: 1012,
  [ErrorCode.StaffUnavailable]: 1012,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.Internal]: 500,
};

const statuses: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.Internal]: 500,
};

export function okEnvelope<T>(data: T, total = 1, count = 1): LegacyEnvelope<T> {
  return { header: { code: 0, message: 'OK', total, count }, data };
}

export function errorEnvelope(err: AppError): { status: number; body: LegacyEnvelope<Record<string, never>> } {
  return {
    status: statuses[err.code] ?? 200,
    body: { header: { code: codes[err.code], message: err.message, total: 0, count: 0 }, data: {} },
  };
}

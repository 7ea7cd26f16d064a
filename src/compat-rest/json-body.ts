import { AppError, ErrorCode, badInput } from '../core/errors.js';
import { rejectNul } from '../core/nul-guard.js';

/**
 * A legacy request body: JSON sent with any content type, or none (empty is `{}`).
 * Not JSON → INVALID_JSON; not an object, or text with NUL characters → BAD_USER_INPUT.
 */
export function parseJsonObject(raw: unknown): Record<string, unknown> {
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8').trim() : '';
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError(ErrorCode.InvalidJson, 'Request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badInput('Request body must be a JSON object');
  rejectNul(value);
  return value as Record<string, unknown>;
}

import { badInput } from './errors.js';

/** True when a string anywhere in `value` holds a NUL, which PostgreSQL text cannot store. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}

/** Refuses input with NUL characters as bad input, before it can reach the database as a 5xx. */
export function rejectNul(value: unknown): void {
  if (containsNul(value)) throw badInput('Text must not contain NUL characters');
}

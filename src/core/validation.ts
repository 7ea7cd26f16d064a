import type { z } from 'zod';
import { badInput } from './errors.js';

/** Parses service input; a failure becomes BAD_USER_INPUT naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const message = result.error.issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
  throw badInput(message);
}

/**
 * A service input as callers may send it: enum-typed string fields widen to
 * string, since the service's schema, not the caller's type, checks the value.
 */
export type LooseInput<T> = {
  [K in keyof T]: NonNullable<T[K]> extends string ? string | Extract<T[K], undefined> : T[K];
};

import { z } from 'zod';

/** Building blocks for the environment schema; every config module uses these, so messages read alike. */

/** A string variable; empty or blank counts as unset. */
export const optionalString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

export const intVar = (def: number, min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(def);

/** An optional URL whose scheme is one of `protocols` (e.g. `['http:', 'https:']`). */
export const urlVar = (protocols: string[]) =>
  optionalString.refine(
    (v) => {
      if (v === undefined) return true;
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

/** A true/false variable; unset gives `def` (or undefined, for a default decided elsewhere). */
export const boolVar = <D extends boolean | undefined>(def: D) =>
  z
    .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], 'must be true or false')
    .optional()
    .transform((v): boolean | D => (v === undefined ? def : ['true', '1', 'on', 'yes'].includes(v)));

import { z } from 'zod';

/*
 * Field schemas of the ai-staff API, with the seed's comments as descriptions. Requests are
 * described as loosely as LegacyBody reads them (ids also as "12", flags also as 0/1); answers
 * exactly as the presenters write them.
 */

const d = (description: string) => ({ description });

/** A whole number, or its decimal digits as a string. */
export const intField = (description: string) => z.union([z.int(), z.string().regex(/^\s*-?\d{1,15}\s*$/)]).meta(d(description));
export const strField = (description: string) => z.string().meta(d(description));
export const flagField = (description: string) => z.union([z.boolean(), z.literal(0), z.literal(1)]).meta(d(description));
/** A decimal amount: "199.00" or 199. */
export const amountField = (description: string) => z.union([z.string(), z.number()]).meta(d(description));

export const pageFields = {
  page_no: intField('页码, from 0').optional(),
  page_size: intField('每页条数, 1 to 100 (default 20)').optional(),
};

/** Answers. */
export const int = (description: string) => z.int().meta(d(description));
export const str = (description: string) => z.string().meta(d(description));
export const bool = (description: string) => z.boolean().meta(d(description));
export const seedTime = (description: string) =>
  z.string().meta(d(`${description} (\`YYYY-MM-DD HH:mm:ss\` in TIMEZONE; "" for none)`));
export const decimal = (description: string) => z.string().regex(/^-?\d+(\.\d+)?$/).meta(d(`${description}, a decimal string such as "199.00"`));

export const createdTime = seedTime('创建时间');
export const updatedTime = seedTime('更新时间');
export const idData = (description: string) => z.strictObject({ id: int(description) });

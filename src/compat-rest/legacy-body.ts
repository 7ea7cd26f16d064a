import { badInput } from '../core/errors.js';

/**
 * Typed reads of a legacy JSON body. Legacy clients are loose (ids as "1",
 * flags as 0/1), so reads accept those spellings; anything else is a 1003
 * naming the field. Business rules stay in the services.
 */
export class LegacyBody {
  /** `declared`: the fields the route's schema documents; reading any other is a bug, not a client error. */
  constructor(
    private readonly fields: Record<string, unknown>,
    private readonly declared: ReadonlySet<string>,
  ) {}

  /** The field's value as sent, for the reads below and for lists the route checks itself. */
  raw(key: string): unknown {
    if (!this.declared.has(key)) throw new Error(`The route reads "${key}", which its body schema does not declare`);
    return this.fields[key];
  }

  has(key: string): boolean {
    return this.raw(key) !== undefined && this.raw(key) !== null;
  }

  int(key: string): number | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
    if (typeof v === 'string' && /^-?\d{1,15}$/.test(v.trim())) return Number(v.trim());
    throw badInput(`${key}: must be a whole number`);
  }

  /** The seed's filters use 0 and "" for "no filter". */
  intFilter(key: string): number | undefined {
    const v = this.int(key);
    return v === 0 ? undefined : v;
  }

  str(key: string): string | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    throw badInput(`${key}: must be a string`);
  }

  strFilter(key: string): string | undefined {
    const v = this.str(key)?.trim();
    return v ? v : undefined;
  }

  bool(key: string): boolean | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 0 || v === 1) return v === 1;
    throw badInput(`${key}: must be true or false`);
  }

  /** A decimal amount: a string such as "199.00", or a JSON number. */
  amount(key: string): string | number | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return v;
    throw badInput(`${key}: must be a decimal string such as "199.00"`);
  }

  page(): { pageNo?: number; pageSize?: number } {
    return { pageNo: this.int('page_no'), pageSize: this.int('page_size') || undefined };
  }
}

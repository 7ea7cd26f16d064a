import { describe, expect, it } from 'vitest';
import { LegacyBody } from '../../src/compat-rest/legacy-body.js';
import { isAppError } from '../../src/core/errors.js';

describe('LegacyBody reads only the fields its route declares', () => {
  const body = new LegacyBody({ id: '12', name: 'x', hidden: 1 }, new Set(['id', 'name', 'flag']));

  it('reads declared fields, loosely as legacy clients send them', () => {
    expect(body.int('id')).toBe(12);
    expect(body.str('name')).toBe('x');
    expect(body.bool('flag')).toBeUndefined();
  });

  it('refuses to read a field the schema does not declare, as a bug rather than a client error', () => {
    let thrown: unknown;
    try {
      body.int('hidden');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(isAppError(thrown)).toBe(false);
    expect((thrown as Error).message).toContain('"hidden"');
  });
});

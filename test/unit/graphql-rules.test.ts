import { GraphQLError, parse, validate, specifiedRules } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../src/core/errors.js';
import { formatGraphQLError } from '../../src/graphql/errors.js';
import { queryLimits } from '../../src/graphql/limits.js';
import { buildAppSchema } from '../../src/graphql/schema.js';

const silent = pino({ level: 'silent' });

describe('GraphQL query limits', () => {
  it('counts list children ten times, aliases and fragments included', async () => {
    const schema = await buildAppSchema();
    const check = (q: string, cost: number) => validate(schema, parse(q), [...specifiedRules, queryLimits(15, cost)]).map((e) => e.message);
    const q = '{ staffs { total items { id name } } }'; // staffs 1 + total 1 + items (1 + 2×10) = 23
    expect(check(q, 23)).toEqual([]);
    expect(check(q, 22)).toEqual(['Query is too costly: 23 points, at most 22 allowed']);
    const frag = 'query { a: staffs { ...F } b: staffs { ...F } } fragment F on StaffPage { total }';
    expect(check(frag, 3)).toEqual(['Query is too costly: 4 points, at most 3 allowed']);
    const cyclic = 'query { staffs { ...F } } fragment F on StaffPage { ...F }';
    expect(() => check(cyclic, 100)).not.toThrow();
  });

  it('measures fragments that spread each other twice once each (2^40 spreads would never finish), and refuses the cost', async () => {
    const schema = await buildAppSchema();
    const n = 40;
    const frags = Array.from({ length: n }, (_, i) => (i < n - 1 ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }` : `fragment F${i} on Query { __typename }`));
    const errors = validate(schema, parse(`query { ...F0 } ${frags.join(' ')}`), [queryLimits(15, 5000)]).map((e) => e.message);
    expect(errors[0]).toMatch(/too costly/);
  });
});

describe('GraphQL error rendering', () => {
  const fmt = (error: unknown) => formatGraphQLError({ message: (error as Error).message }, error, silent);

  it('maps domain codes, keeping the finer one as reason', () => {
    const wrapped = new GraphQLError('x', { originalError: new AppError(ErrorCode.AlreadyExists, 'taken') });
    expect(fmt(wrapped)).toMatchObject({ message: 'taken', extensions: { code: 'CONFLICT', reason: 'ALREADY_EXISTS' } });
    expect(fmt(new GraphQLError('x', { originalError: new AppError(ErrorCode.AccountFrozen, 'frozen') })).extensions).toEqual({ code: 'FORBIDDEN', reason: 'ACCOUNT_FROZEN' });
  });

  it('hides unknown errors from clients', () => {
    const boom = new GraphQLError('db password is hunter2', { originalError: new TypeError('db password is hunter2') });
    expect(fmt(boom)).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('treats graphql-js own errors as bad input', () => {
    expect(fmt(new GraphQLError('Cannot query field "x"')).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});

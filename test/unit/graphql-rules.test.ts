import { GraphQLError, parse, validate, specifiedRules } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../src/core/errors.js';
import { formatGraphQLError } from '../../src/graphql/errors.js';
import { ioCostRule } from '../../src/graphql/cost.js';
import { limitExceeded, limitRules, prepareDocument, type GraphqlLimits } from '../../src/graphql/limits.js';
import { buildAppSchema } from '../../src/graphql/schema.js';

const silent = pino({ level: 'silent' });

const limits: GraphqlLimits = { maxDocumentBytes: 65_536, maxTokens: 2000, maxAliases: 50, maxDirectives: 50, maxDepth: 15, maxCost: 5000 };
const aliased = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

describe('GraphQL cost', () => {
  const cost = async (q: string, max: number) => validate(await buildAppSchema(), parse(q), [...specifiedRules, ioCostRule(max, limitExceeded)]).map((e) => e.message);

  it('counts list children ten times, aliases and fragments included', async () => {
    const q = '{ staffs { total items { id name } } }'; // staffs 10 (root query) + total 1 + items (1 + 2×10) = 32
    expect(await cost(q, 32)).toEqual([]);
    expect(await cost(q, 31)).toEqual(['Query is too costly: 32 points, at most 31 allowed']);
    const frag = 'query { a: staffs { ...F } b: staffs { ...F } } fragment F on StaffPage { total }';
    expect(await cost(frag, 21)).toEqual(['Query is too costly: 22 points, at most 21 allowed']);
    const cyclic = 'query { staffs { ...F } } fragment F on StaffPage { ...F }';
    await expect(cost(cyclic, 100)).resolves.toBeDefined();
  });

  it('weighs mutations, and more the ones that hash, mail or pay, and questions to a staff most', async () => {
    expect(await cost('mutation { logout }', 99)).toEqual(['Query is too costly: 100 points, at most 99 allowed']);
    const register = 'register(input: { userName: "u", password: "secret1", email: "u@x.example", code: "123456" }) { id }';
    expect(await cost(`mutation { ${aliased(10, register)} }`, 5000)).toEqual(['Query is too costly: 5010 points, at most 5000 allowed']);
    expect(await cost(`{ ${aliased(50, 'askStaff(staffId: 1, question: "hi") { text }')} }`, 5000)).toEqual(['Query is too costly: 50050 points, at most 5000 allowed']);
    expect(await cost('{ askStaff(staffId: 1, question: "hi") { text sources { fileName } } }', 5000)).toEqual([]);
    expect(await cost('subscription { askStaffStream(staffId: 1, question: "hi") { delta } }', 1000)).toEqual(['Query is too costly: 1001 points, at most 1000 allowed']);
  });

  it('measures fragments that spread each other twice once each (2^40 spreads would never finish), and refuses the cost', async () => {
    const schema = await buildAppSchema();
    const n = 40;
    const frags = Array.from({ length: n }, (_, i) => (i < n - 1 ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }` : `fragment F${i} on Query { __typename }`));
    const errors = validate(schema, parse(`query { ...F0 } ${frags.join(' ')}`), limitRules(limits)).map((e) => e.message);
    expect(errors).toEqual([expect.stringMatching(/too costly/)]);
  });
});

describe('GraphQL document limits', () => {
  const check = async (q: string, l: Partial<GraphqlLimits> = {}) => {
    const prepared = prepareDocument(await buildAppSchema(), q, { ...limits, ...l });
    return 'errors' in prepared ? prepared.errors.map((e) => e.message) : [];
  };

  it('refuses 2,000 aliased fields, __typename included', async () => {
    expect(await check(`{ ${aliased(2000, 'me { role }')} }`, { maxTokens: 100_000 })).toContain('Aliases limit of 50 exceeded, found 2000.');
    expect(await check(`{ ${aliased(51, '__typename')} }`)).toEqual(['Aliases limit of 50 exceeded, found 51.']);
    expect(await check(`{ ${aliased(50, '__typename')} }`)).toEqual([]);
  });

  it('refuses 2,400 aliased register mutations and 500 aliased askStaff at parse time, by their tokens', async () => {
    const register = 'register(input: $input) { id }';
    expect(await check(`mutation($input: RegisterInput!) { ${aliased(2400, register)} }`, { maxDocumentBytes: 1024 * 1024 })).toEqual(['Syntax Error: Document contains more that 2000 tokens. Parsing aborted.']);
    expect(await check(`{ ${aliased(500, 'askStaff(staffId: 1, question: "hi") { text }')} }`)).toEqual(['Syntax Error: Document contains more that 2000 tokens. Parsing aborted.']);
  });

  it('refuses an over-size document before parsing it', async () => {
    const big = `{ me { ${'x'.repeat(70_000)}`; // unparseable too: the size is what is reported
    expect(await check(big)).toEqual(['Query document is too large: 70007 bytes, at most 65536 allowed']);
    expect(await check('{ me { role } }')).toEqual([]);
  });

  it('refuses depth and directives over their limits', async () => {
    const nest = (levels: number) => `{ __schema { types { fields { type { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } } } } }`;
    expect(await check(nest(14))).toEqual(['Query depth limit of 15 exceeded, found 19.']);
    expect(await check(nest(10))).toEqual([]);
    expect(await check(`{ me { role ${'@include(if: true) '.repeat(51)} } }`)).toEqual(['Directives limit of 50 exceeded, found 51.']);
  });

  it('lets an admin-sized page through', async () => {
    const q = `{ me { role admin { id } }
      merchants(page: { pageSize: 20 }) { total items { id userName email isFrozen createdAt } }
      products { total items { id name price currency state } }
      trades { total items { tradeNo state payAmount currency createdAt } } }`;
    expect(await check(q)).toEqual([]);
  });

  it('reports graphql-js validation once the limits pass', async () => {
    expect(await check('{ nope }')).toEqual(['Cannot query field "nope" on type "Query".']);
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

  it('renders a document over a limit as bad input, reason QUERY_LIMIT', () => {
    const refused = limitExceeded('Aliases limit of 50 exceeded, found 60.');
    expect(formatGraphQLError(refused.toJSON(), refused, silent)).toMatchObject({ message: 'Aliases limit of 50 exceeded, found 60.', extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_LIMIT' } });
  });
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildAppSchema, printSortedSchema } from '../../src/graphql/schema.js';

describe('schema/schema.graphql', () => {
  it('is the SDL the resolvers emit (run `npm run schema` after changing them)', async () => {
    const committed = await readFile(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printSortedSchema(await buildAppSchema()));
  });
});

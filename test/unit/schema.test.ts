import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildAppSchema, printSortedSchema } from '../../src/graphql/schema.js';

const file = new URL('../../schema/schema.graphql', import.meta.url);

describe('schema/schema.graphql', () => {
  it('is the SDL the resolvers emit (`npm run schema` rewrites it)', async () => {
    const emitted = printSortedSchema(await buildAppSchema());
    if (process.env.UPDATE_SCHEMA) await writeFile(file, emitted);
    expect(await readFile(file, 'utf8')).toBe(emitted);
  });
});

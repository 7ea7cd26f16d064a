// Writes schema/schema.graphql from the resolvers (`npm run schema`); a unit test fails when it is stale.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { buildAppSchema, printSortedSchema } from '../graphql/schema.js';

const target = new URL('../../schema/schema.graphql', import.meta.url);
await writeFile(target, printSortedSchema(await buildAppSchema()));
console.log(`wrote ${target.pathname}`);

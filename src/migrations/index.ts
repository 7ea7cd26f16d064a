import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121194310 } from './Migration20261121194310.js';

/** Migrations in the order they apply; `npm run migration:create` writes a new file, which is then added here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261121194310', class: Migration20261121194310 },
];

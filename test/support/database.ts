import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrl } from './template-database.js';

/**
 * A database of its own on the test PostgreSQL server: a copy of the run's migrated template (global-setup.ts),
 * or with `empty`, a fresh one for the tests of migrating itself.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = inject('pgServerUrl');
  const name = `cs_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(options.empty ? `create database "${name}"` : `create database "${name}" template "${inject('pgTemplateDatabase')}"`);
  await admin.end();
  return {
    url: databaseUrl(serverUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

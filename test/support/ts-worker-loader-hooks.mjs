// Node module hooks for test/support/ts-worker-loader.mjs: `./x.js` imports of our sources find `./x.ts`,
// and .ts files are stripped of their types (with vite's oxc transform, as vitest does).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

let transform;

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    const ours = context.parentURL?.endsWith('.ts') && /^(\.|\/|file:)/.test(specifier) && specifier.endsWith('.js');
    if (!ours || err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
    return next(`${specifier.slice(0, -3)}.ts`, context);
  }
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  transform ??= (await import('vite')).transformWithOxc;
  const { code } = await transform(await readFile(file, 'utf8'), file, { lang: 'ts', sourcemap: false });
  return { format: 'module', source: code, shortCircuit: true };
}

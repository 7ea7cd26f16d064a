// Builds dist/ (the server) and web/dist/ (the browser app) when missing or older than their sources, so `npm start` works on a fresh clone.
// An install without dev dependencies (`npm ci --omit=dev`) has no compiler: it runs the dist/ it was given,
// and web/dist/ it was given, built beforehand by `npm run build` (README "Deploy").
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const stamp = path.join(root, 'dist', 'main.js');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const webStamp = path.join(root, 'web', 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const built = existsSync(stamp);
const stale = () => statSync(stamp).mtimeMs < Math.max(newestMtime(path.join(root, 'src')), statSync(path.join(root, 'tsconfig.json')).mtimeMs);
if (!existsSync(tsc)) {
  if (!built) {
    console.error('dist/ is missing and TypeScript is not installed (an install without dev dependencies): run `npm run build` where dev dependencies are installed, and ship dist/ with the install (README "Deploy").');
    process.exit(1);
  }
} else if (!built || stale()) {
  console.error('Building dist/ …');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}

const web = path.join(root, 'web');
const webStale = () =>
  statSync(webStamp).mtimeMs < Math.max(newestMtime(path.join(web, 'src')), ...['index.html', 'vite.config.ts', 'tsconfig.json'].map((f) => statSync(path.join(web, f)).mtimeMs));
if (!existsSync(vite)) {
  if (!existsSync(webStamp)) console.error('web/dist/ is missing and Vite is not installed: the browser app is not served until `npm run build` is run where dev dependencies are installed.');
} else if (!existsSync(webStamp) || webStale()) {
  console.error('Building web/dist/ …');
  execFileSync(process.execPath, [vite, 'build', '--config', path.join(web, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'production' } });
}

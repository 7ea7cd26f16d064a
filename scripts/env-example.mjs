// Writes .env.example from README's configuration table, so the two cannot disagree
// (test/unit/env-example.test.ts checks both against the variables the config reads).
import { readFileSync, writeFileSync } from 'node:fs';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const start = readme.indexOf('## Configuration');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
const plain = (cell) => cell.replace(/`/g, '').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
const lines = [
  '# Every variable the server reads, as documented in README "Configuration" (the meaning and default of each).',
  '# Copy to .env (read at start when present; variables already set in the environment win).',
  '# An empty value counts as unset: the default applies. Regenerate with: npm run env:example',
];
for (const row of section.split('\n').filter((l) => l.startsWith('| `'))) {
  const [, names, defaults, meaning] = row.split(/(?<!\\)\|/).map((c) => c.trim());
  lines.push('', `# ${plain(meaning)} (default: ${plain(defaults)})`, ...[...names.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => `${m[1]}=`));
}
writeFileSync(new URL('../.env.example', import.meta.url), `${lines.join('\n')}\n`);

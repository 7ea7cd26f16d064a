import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractLimits } from '../../../src/core/knowledge/knowledge-config.js';
import { createLogger } from '../../../src/core/logger.js';
import { ExtractionError } from '../../../src/services/knowledge/extract/index.js';
import { TextIndexerPool } from '../../../src/services/knowledge/text-indexer.pool.js';

const DEFAULTS: ExtractLimits = { timeoutMs: 20_000, maxMemoryMb: 512, maxChars: 3_000_000, maxChunks: 10_000 };
const pools: TextIndexerPool[] = [];
const poolWith = (limits: Partial<ExtractLimits>, threads = 1) => {
  const pool = new TextIndexerPool({ ...DEFAULTS, ...limits }, threads, createLogger('silent'));
  pools.push(pool);
  return pool;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

/** What a document comes to: its chunk count, or the error the merchant would read. */
const outcome = (pool: TextIndexerPool, name: string, text: string) =>
  pool.index(name, Buffer.from(text)).then(
    (rows) => ({ chunks: rows.length, rows }),
    (err: Error) => ({ error: err.message, readable: err instanceof ExtractionError }),
  );

// About a megabyte each. Each of these once took minutes (backtracking patterns, repeated scans of a growing text,
// call-stack overflows) and blocked the server; now each is read within the default time limit, or refused by a size limit.
const HOSTILE: Record<string, string> = {
  'angles.md': '<'.repeat(1_000_000),
  'brackets.md': '['.repeat(1_000_000),
  'short-lines.txt': 'x\n'.repeat(500_000),
  'short-lines.md': 'x\n'.repeat(500_000),
  'stars.md': '*'.repeat(1_000_000),
  'hashes.md': '#'.repeat(1_000_000),
  'pipes.md': '|'.repeat(1_000_000),
  'backticks.md': '`'.repeat(1_000_000),
  'cr-only.md': 'a line\r'.repeat(150_000),
  'cr-only.txt': 'a line\r'.repeat(150_000),
  'nested-list.md': `${'- '.repeat(50_000)}x\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}- item`).join('\n')}`,
  'nested-quotes.md': `${'> '.repeat(500_000)}x`,
  'links.md': '[a]('.repeat(250_000),
  'emphasis.md': ' *a'.repeat(330_000),
  'open-fence.md': `\`\`\`\n${'中文\n'.repeat(300_000)}`,
  'faq-lines.txt': `Q: a question\n${'A: b\n'.repeat(200_000)}`,
  'nested.html': `${'<div>'.repeat(200_000)}x`,
  'angles.html': '<'.repeat(1_000_000),
  'quotes.csv': '"'.repeat(1_000_000),
};

describe('text indexer on hostile documents', () => {
  it('reads each within the time limit, or refuses it with a readable error', async () => {
    const pool = poolWith({}, 2);
    // Both workers started first: a worker's start under the test's TypeScript loader, on a loaded CI machine, is not
    // the time a document takes to read.
    await Promise.all([outcome(pool, 'warm-1.txt', 'hello'), outcome(pool, 'warm-2.txt', 'hello')]);
    const results = await Promise.all(Object.entries(HOSTILE).map(async ([name, text]) => [name, await outcome(pool, name, text)] as const));
    for (const [name, r] of results) {
      if ('error' in r) {
        expect(r.error, name).not.toMatch(/took longer|stopped its worker/);
        expect(r.readable, name).toBe(true);
      } else expect(r.chunks, name).toBeGreaterThan(0);
    }
    const byName = Object.fromEntries(results);
    // The text is kept, not lost to the markup it looks like.
    expect((byName['angles.md'] as { rows: { content: string }[] }).rows[0]!.content).toMatch(/^<{100}/);
    expect((byName['brackets.md'] as { rows: { content: string }[] }).rows[0]!.content).toMatch(/^\[{100}/);
  }, 120_000);

  it('refuses a table of more rows than a document may have passages', async () => {
    const r = await outcome(poolWith({}), 'faq.csv', `question,answer\n${'q,a\n'.repeat(250_000)}`);
    expect(r).toMatchObject({ error: 'The file makes 250,000 passages, more than the 10,000 a document may have: split it into smaller files', readable: true });
  }, 60_000);

  it('refuses more text than a document may hold', async () => {
    const r = await outcome(poolWith({ maxChars: 1000 }), 'long.txt', 'word '.repeat(400));
    expect(r).toMatchObject({ error: 'The file holds 1,999 characters of text, more than the 1,000 a document may have: split it into smaller files' });
  }, 60_000);
});

describe('text indexer limits', () => {
  it('ends a document over the time limit, and reads the next', async () => {
    const slow = poolWith({ timeoutMs: 100 });
    expect(await outcome(slow, 'big.txt', 'x\n'.repeat(1_000_000))).toMatchObject({ error: expect.stringMatching(/^Reading the file took longer than 0.1 s/), readable: true });
    const pool = poolWith({});
    expect(await outcome(pool, 'ok.md', '# Returns\n\nWithin thirty days.')).toMatchObject({ chunks: 1 });
  }, 60_000);

  it('ends a worker over the memory limit and replaces it for the next document', async () => {
    const pool = poolWith({ maxMemoryMb: 64, maxChars: 100_000_000, maxChunks: 1_000_000 });
    expect(await outcome(pool, 'huge.txt', 'x\n'.repeat(20_000_000))).toMatchObject({ error: expect.stringMatching(/over the 64 MB memory limit/), readable: true });
    expect(await outcome(pool, 'ok.md', '# Returns\n\nWithin thirty days.')).toMatchObject({ chunks: 1 });
  }, 60_000);

  it('hands a document back, not failed, when closed while reading it', async () => {
    const pool = poolWith({});
    const reading = outcome(pool, 'big.txt', 'x\n'.repeat(1_000_000));
    await new Promise((r) => setTimeout(r, 200));
    await pool.close();
    expect(await reading).toMatchObject({ readable: false });
  }, 60_000);
});

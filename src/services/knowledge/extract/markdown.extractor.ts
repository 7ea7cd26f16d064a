import { appendBlocks, paragraphsWithQa, type Block } from './blocks.js';
import { parseTableRows, tableBlocks } from './table.extractor.js';
import { decodeText } from './text.extractor.js';

/**
 * Inline Markdown to plain text: links and images keep their text, tags,
 * emphasis and code marks go. No pattern may scan past the next opening
 * character (`[`, `(`, `<`), so each character is looked at a bounded number
 * of times: a line of 300,000 `<` or `[` takes linear time.
 */
function stripInline(s: string): string {
  return s
    .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\[([^[\]]+)\]\([^()]*\)/g, '$1')
    .replace(/<[^<>]+>/g, '')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|\s)[*_](\S[^*_]*\S|\S)[*_](?=\s|$|[.,;:!?，。；：！？])/g, '$1$2');
}

/** Markdown by its structure: ATX and setext headings, paragraphs, list items, fenced code, pipe tables. */
export function extractMarkdown(bytes: Buffer): Block[] {
  const lines = decodeText(bytes).replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  let table: string[] = [];
  let fence: string | null = null;
  const flushPara = () => {
    if (para.length) appendBlocks(blocks, paragraphsWithQa([para.map(stripInline)]));
    para = [];
  };
  const flushTable = () => {
    if (table.length) appendBlocks(blocks, tableBlocks(parseTableRows(table)));
    table = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      if (fenceMark && line.trim().startsWith(fence)) {
        fence = null;
        flushPara();
      } else para.push(line);
      continue;
    }
    if (fenceMark) {
      flushPara();
      flushTable();
      fence = fenceMark[1]!;
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flushPara();
      table.push(line);
      continue;
    }
    flushTable();
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/.exec(line);
    if (atx) {
      flushPara();
      blocks.push({ kind: 'heading', level: atx[1]!.length, text: stripInline(withoutClosingHashes(atx[2] ?? '')) });
      continue;
    }
    const next = lines[i + 1];
    if (para.length === 0 && line.trim() && next !== undefined && /^\s{0,3}(=+|-+)\s*$/.test(next) && !/^\s*[-*+]\s/.test(line)) {
      blocks.push({ kind: 'heading', level: next.trim().startsWith('=') ? 1 : 2, text: stripInline(line.trim()) });
      i++;
      continue;
    }
    if (!line.trim() || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flushPara();
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      // Each list item is its own line of the paragraph, so sentences never run across items.
      flushPara();
      para.push(`• ${item[1]!}`);
      flushPara();
      continue;
    }
    para.push(line.replace(/^\s{0,3}>\s?/, ''));
  }
  flushPara();
  flushTable();
  return blocks;
}

/** `## Title ##` → `Title`, with string operations: a regex for this backtracks badly on long lines. */
function withoutClosingHashes(text: string): string {
  const t = text.trimEnd();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  // Closing hashes count only after a space (or when the whole text is hashes).
  if (end === 0 || end === t.length || t[end - 1] === ' ' || t[end - 1] === '\t') return t.slice(0, end).trim();
  return t.trim();
}

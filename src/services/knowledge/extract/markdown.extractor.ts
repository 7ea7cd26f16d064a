import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { appendBlocks, paragraphsWithQa, type Block } from './blocks.js';
import { extractHtml } from './html.extractor.js';
import { tableBlocks } from './table.extractor.js';
import { decodeText } from './text.extractor.js';

// Raw HTML is kept as tokens and read by the HTML extractor; nothing here is ever rendered.
const parser = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * An inline token's text as lines: soft and hard breaks end a line (so "Q: …" / "A: …" lines stay
 * apart), links and images keep their text, inline HTML tags go.
 */
function inlineLines(token: Token): string[] {
  const lines: string[] = [''];
  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'softbreak':
      case 'hardbreak':
        lines.push('');
        break;
      case 'text':
      case 'code_inline':
        lines[lines.length - 1] += child.content;
        break;
      case 'image':
        lines[lines.length - 1] += child.children?.map((c: Token) => c.content).join('') ?? child.content;
        break;
      default:
        break;
    }
  }
  return lines;
}

/** Markdown by its structure, from markdown-it's tokens: headings, paragraphs, list items, code, tables, HTML blocks. */
export function extractMarkdown(bytes: Buffer): Block[] {
  const tokens = parser.parse(decodeText(bytes), {});
  const blocks: Block[] = [];
  let paragraphs: string[][] = [];
  const flush = () => {
    if (paragraphs.length) appendBlocks(blocks, paragraphsWithQa(paragraphs));
    paragraphs = [];
  };
  let listDepth = 0;
  let table: string[][] | null = null;
  let heading = 0;
  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        flush();
        heading = Number(token.tag.slice(1));
        break;
      case 'heading_close':
        heading = 0;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        flush();
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        break;
      case 'table_open':
        flush();
        table = [];
        break;
      case 'table_close':
        if (table) appendBlocks(blocks, tableBlocks(table));
        table = null;
        break;
      case 'tr_open':
        table?.push([]);
        break;
      case 'fence':
      case 'code_block':
        flush();
        paragraphs.push(token.content.split('\n'));
        flush();
        break;
      case 'html_block':
        flush();
        appendBlocks(blocks, extractHtml(token.content));
        break;
      case 'inline': {
        const lines = inlineLines(token);
        if (table) {
          table[table.length - 1]?.push(lines.join(' '));
        } else if (heading) {
          const text = lines.join(' ').trim();
          if (text) blocks.push({ kind: 'heading', level: heading, text });
        } else if (listDepth > 0) {
          // Each list item is its own paragraph, so sentences never run across items.
          flush();
          paragraphs.push([`• ${lines.join(' ').trim()}`]);
          flush();
        } else {
          flush();
          paragraphs.push(lines);
          flush();
        }
        break;
      }
      default:
        break;
    }
  }
  flush();
  return blocks;
}

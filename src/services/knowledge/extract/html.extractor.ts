import { Parser } from 'htmlparser2';
import { appendBlocks, cleanInline, paragraphsWithQa, type Block } from './blocks.js';
import { tableBlocks } from './table.extractor.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'nav', 'iframe', 'object']);
const BREAKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'blockquote', 'pre', 'li', 'ul', 'ol', 'dl',
  'br', 'hr', 'form', 'fieldset', 'figure', 'figcaption', 'address', 'summary', 'details', 'caption',
]);

/** HTML (also mammoth's rendering of DOCX) by its structure: h1–h6, paragraphs, list items, tables, dt/dd pairs. */
export function extractHtml(html: string): Block[] {
  const blocks: Block[] = [];
  let skipDepth = 0;
  let text = '';
  let heading = 0;
  let term: string | null = null;
  let inDd = false;
  let table: string[][] | null = null;
  let row: string[] | null = null;
  let cell: string | null = null;
  let tableDepth = 0;

  const flush = () => {
    const t = cleanInline(text);
    text = '';
    if (!t) return;
    if (heading) blocks.push({ kind: 'heading', level: heading, text: t });
    else if (inDd && term !== null) blocks.push({ kind: 'qa', question: term, answer: t });
    else appendBlocks(blocks, paragraphsWithQa([[t]]));
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipDepth++;
        if (skipDepth) return;
        if (name === 'table') {
          tableDepth++;
          if (tableDepth === 1) {
            flush();
            table = [];
          }
          return;
        }
        if (table && tableDepth === 1) {
          if (name === 'tr') row = [];
          else if ((name === 'td' || name === 'th') && row) cell = '';
          else if (name === 'br' && cell !== null) cell += ' ';
          return;
        }
        const h = /^h([1-6])$/.exec(name);
        if (h) {
          flush();
          heading = Number(h[1]);
        } else if (name === 'dt') {
          flush();
          term = '';
          inDd = false;
        } else if (name === 'dd') {
          flush();
          inDd = true;
        } else if (BREAKS.has(name)) flush();
      },
      ontext(data) {
        if (skipDepth) return;
        if (cell !== null) cell += data;
        else if (term !== null && !inDd) term += data;
        else text += data;
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth) return;
        if (name === 'table') {
          tableDepth = Math.max(0, tableDepth - 1);
          if (tableDepth === 0 && table) {
            appendBlocks(blocks, tableBlocks(table));
            table = null;
          }
          return;
        }
        if (table && tableDepth === 1) {
          if ((name === 'td' || name === 'th') && row && cell !== null) {
            row.push(cell);
            cell = null;
          } else if (name === 'tr' && row) {
            table.push(row);
            row = null;
          }
          return;
        }
        if (/^h[1-6]$/.test(name)) {
          flush();
          heading = 0;
        } else if (name === 'dt') {
          term = cleanInline(term ?? '');
        } else if (name === 'dd') {
          flush();
          inDd = false;
        } else if (name === 'dl') {
          term = null;
        } else if (BREAKS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

import ExcelJS from 'exceljs';
import { appendBlocks, cleanInline, ExtractionError, type Block } from './blocks.js';
import { decodeText } from './text.extractor.js';

const QUESTION_HEADER = /^(q|question|questions|faq|问|问题|提问|常见问题|用户问题|客户问题)$/i;
const ANSWER_HEADER = /^(a|answer|answers|reply|response|答|答案|回答|解答|回复|标准答案)$/i;
const SECTION_HEADER = /^(category|topic|section|分类|类别|类型|主题)$/i;

const norm = (cell: string) => cleanInline(cell).replace(/[:：]$/, '');

/**
 * An FAQ table into Q&A entries. A header row naming question and answer
 * columns (in English or Chinese) picks them; without one, the first two
 * columns are question and answer. A one-column table is plain paragraphs.
 */
export function tableBlocks(rows: string[][], sheetName?: string): Block[] {
  const cleaned = rows.map((r) => r.map((c) => cleanInline(c ?? ''))).filter((r) => r.some((c) => c));
  if (!cleaned.length) return [];
  const blocks: Block[] = [];
  if (sheetName) blocks.push({ kind: 'heading', level: 1, text: sheetName });
  let q = 0;
  let a = 1;
  let section = -1;
  let start = 0;
  for (let i = 0; i < Math.min(3, cleaned.length); i++) {
    const row = cleaned[i]!.map(norm);
    const qi = row.findIndex((c) => QUESTION_HEADER.test(c));
    const ai = row.findIndex((c) => ANSWER_HEADER.test(c));
    if (qi >= 0 && ai >= 0 && qi !== ai) {
      q = qi;
      a = ai;
      section = row.findIndex((c) => SECTION_HEADER.test(c));
      start = i + 1;
      break;
    }
  }
  const width = cleaned.reduce((max, r) => Math.max(max, r.length), 0);
  for (const row of cleaned.slice(start)) {
    if (width < 2) {
      if (row[0]) blocks.push({ kind: 'paragraph', text: row[0] });
      continue;
    }
    const question = row[q] ?? '';
    const answer = row[a] ?? '';
    if (question && answer) {
      blocks.push({ kind: 'qa', question, answer, ...(section >= 0 && row[section] ? { section: row[section] } : {}) });
    } else if (question || answer) {
      blocks.push({ kind: 'paragraph', text: question || answer });
    }
  }
  return blocks;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes); ',', ';' or tab, whichever the header uses most. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const delimiter = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const).sort((x, y) => y[1] - x[1])[0]![0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function extractCsv(bytes: Buffer): Block[] {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new ExtractionError('The CSV file is binary, not text');
  return tableBlocks(parseCsv(text));
}

/** `| a | b |` lines of a Markdown table, without the `|---|` rule. */
export function parseTableRows(lines: string[]): string[][] {
  return lines
    .filter((l) => !/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(l))
    .map((l) => l.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim()));
}

/** Every worksheet of an XLSX workbook, each an FAQ table under the sheet's name. */
export async function extractXlsx(bytes: Buffer): Promise<Block[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new ExtractionError(`Could not read the XLSX file: ${(err as Error).message}`);
  }
  const blocks: Block[] = [];
  const several = workbook.worksheets.length > 1;
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text ?? '';
      });
      rows.push(Array.from(cells, (c) => c ?? ''));
    });
    appendBlocks(blocks, tableBlocks(rows, several ? sheet.name : undefined));
  });
  return blocks;
}

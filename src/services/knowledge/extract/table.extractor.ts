import { parse as parseCsvText } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
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

/** The delimiter the header line uses most: ',', ';' or tab (csv-parse takes one and does not guess). */
function csvDelimiter(text: string): string {
  const newline = text.indexOf('\n');
  const firstLine = newline >= 0 ? text.slice(0, newline) : text;
  return [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const).sort((x, y) => y[1] - x[1])[0]![0];
}

/** CSV rows through csv-parse, tolerant of ragged rows and stray quotes as spreadsheets export them. */
export function parseCsv(text: string): string[][] {
  try {
    return parseCsvText(text, {
      delimiter: csvDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (err) {
    throw new ExtractionError(`Could not read the CSV file: ${(err as Error).message}`);
  }
}

export function extractCsv(bytes: Buffer): Block[] {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new ExtractionError('The CSV file is binary, not text');
  return tableBlocks(parseCsv(text));
}

/** A cell as the text a reader sees: dates as ISO days (with the time when it has one). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
  }
  return String(value);
}

/** Every worksheet of an XLSX workbook, each an FAQ table under the sheet's name. */
export async function extractXlsx(bytes: Buffer): Promise<Block[]> {
  let sheets: Awaited<ReturnType<typeof readExcelFile>>;
  try {
    sheets = await readExcelFile(bytes);
  } catch (err) {
    throw new ExtractionError(`Could not read the XLSX file: ${(err as Error).message}`);
  }
  const blocks: Block[] = [];
  const several = sheets.length > 1;
  for (const { sheet, data } of sheets) {
    const rows = data.map((row) => row.map(cellText));
    appendBlocks(blocks, tableBlocks(rows, several ? sheet : undefined));
  }
  return blocks;
}

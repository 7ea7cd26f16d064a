import path from 'node:path';
import { ExtractionError, type Block } from './blocks.js';
import { extractDocx } from './docx.extractor.js';
import { extractHtml } from './html.extractor.js';
import { extractMarkdown } from './markdown.extractor.js';
import { extractPdf } from './pdf.extractor.js';
import { extractCsv, extractXlsx } from './table.extractor.js';
import { decodeText, extractPlainText } from './text.extractor.js';
import { assertSafeZip } from './zip-guard.js';

export { ExtractionError, type Block } from './blocks.js';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf', '.csv', '.xlsx'];

/** Whether a file of this name can be read into passages. */
export const isSupportedFile = (fileName: string) => SUPPORTED_EXTENSIONS.includes(path.extname(fileName).toLowerCase());

export const unsupportedTypeMessage = (fileName: string) =>
  `Unsupported file type "${path.extname(fileName).toLowerCase() || fileName}": use text, Markdown, HTML, DOCX, PDF, CSV or XLSX (${SUPPORTED_EXTENSIONS.join(', ')})`;

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A file's text as structured blocks, chosen by extension and checked against the content's magic bytes. */
export async function extractBlocks(fileName: string, bytes: Buffer): Promise<Block[]> {
  const ext = path.extname(fileName).toLowerCase();
  if (bytes.length === 0) throw new ExtractionError('The file is empty');
  let blocks: Block[];
  switch (ext) {
    case '.txt':
      blocks = extractPlainText(bytes);
      break;
    case '.md':
    case '.markdown':
      blocks = extractMarkdown(bytes);
      break;
    case '.html':
    case '.htm':
      blocks = extractHtml(decodeText(bytes));
      break;
    case '.docx':
      if (!isZip(bytes)) throw new ExtractionError('Could not read the DOCX file: it is not a DOCX (ZIP) package');
      assertSafeZip(bytes, 'DOCX');
      blocks = await extractDocx(bytes);
      break;
    case '.xlsx':
      if (!isZip(bytes)) throw new ExtractionError('Could not read the XLSX file: it is not an XLSX (ZIP) package');
      assertSafeZip(bytes, 'XLSX');
      blocks = await extractXlsx(bytes);
      break;
    case '.pdf':
      if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) throw new ExtractionError('Could not read the PDF file: no PDF header');
      blocks = await extractPdf(bytes);
      break;
    case '.csv':
      blocks = extractCsv(bytes);
      break;
    default:
      throw new ExtractionError(unsupportedTypeMessage(fileName));
  }
  if (!blocks.some((b) => b.kind !== 'heading')) {
    throw new ExtractionError(ext === '.pdf' ? 'No text found in the PDF (a scanned PDF needs OCR first)' : 'No text found in the file');
  }
  return blocks;
}

import { appendBlocks, cleanInline, ExtractionError, isQuestionLine, paragraphsWithQa, shownLines, type Block } from './blocks.js';

/** Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (common for Chinese .txt files). */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new ExtractionError('The text file is neither UTF-8 nor GB18030 encoded');
    }
  }
}

/** Splits text into paragraphs (runs of non-blank lines). */
export function paragraphsOf(text: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim()) current.push(line);
    else if (current.length) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length) paragraphs.push(current);
  return paragraphs;
}

// A title ends in no sentence mark and is short: a few words, or a Chinese phrase.
const TITLE_END = /[.!?。！？:：;；,，、]$/;
const isTitleLine = (line: string) =>
  !TITLE_END.test(line) && !isQuestionLine(line) && shownLines([line])[0] === line && (/\p{Script=Han}/u.test(line) ? line.length <= 30 : line.split(/\s+/).length <= 10);

/**
 * Plain text into blocks. A paragraph of one short line without a sentence end, before more text, is a title: the
 * first one the document's, later ones its sections' (an article pasted from a web page: "River Tavish", then
 * "History"). As headings they name every chunk under them, so a sentence that says "it" is still about the river.
 */
export function extractPlainText(bytes: Buffer): Block[] {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new ExtractionError('The file is binary, not text');
  const paragraphs = paragraphsOf(text);
  const blocks: Block[] = [];
  let run: string[][] = [];
  paragraphs.forEach((lines, i) => {
    const line = lines[0]!.trim();
    const next = paragraphs[i + 1];
    if (lines.length === 1 && next && !(next.length === 1 && isTitleLine(next[0]!.trim())) && isTitleLine(line)) {
      appendBlocks(blocks, paragraphsWithQa(run));
      run = [];
      blocks.push({ kind: 'heading', level: blocks.some((b) => b.kind === 'heading') ? 2 : 1, text: cleanInline(line) });
    } else run.push(lines);
  });
  appendBlocks(blocks, paragraphsWithQa(run));
  return blocks;
}

import { ExtractionError, paragraphsWithQa, type Block } from './blocks.js';

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

export function extractPlainText(bytes: Buffer): Block[] {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new ExtractionError('The file is binary, not text');
  return paragraphsWithQa(paragraphsOf(text));
}

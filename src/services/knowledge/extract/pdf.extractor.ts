import { extractText, getDocumentProxy } from 'unpdf';
import { appendBlocks, ExtractionError, paragraphsWithQa, type Block } from './blocks.js';
import { paragraphsOf } from './text.extractor.js';

const SENTENCE_END = /[.!?。！？:：;；,，、)]$/;

/** Text of every page (pdf.js through unpdf, pure JS); the first short unpunctuated line of a paragraph is taken as a heading. */
export async function extractPdf(bytes: Buffer): Promise<Block[]> {
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, useSystemFonts: false });
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.destroy();
    }
  } catch (err) {
    throw new ExtractionError(`Could not read the PDF file: ${(err as Error).message}`);
  }
  const blocks: Block[] = [];
  for (const page of pages) {
    for (const para of paragraphsOf(page)) {
      const first = para[0]!.trim();
      if (para.length > 1 && first.length <= 40 && !SENTENCE_END.test(first)) {
        blocks.push({ kind: 'heading', level: 2, text: first });
        appendBlocks(blocks, paragraphsWithQa([para.slice(1)]));
      } else {
        appendBlocks(blocks, paragraphsWithQa([para]));
      }
    }
  }
  return blocks;
}

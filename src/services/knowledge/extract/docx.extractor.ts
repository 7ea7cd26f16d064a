import mammoth from 'mammoth';
import { ExtractionError, type Block } from './blocks.js';
import { extractHtml } from './html.extractor.js';

/** DOCX through mammoth's HTML (Heading 1–6 styles become h1–h6), then the HTML extractor. */
export async function extractDocx(bytes: Buffer): Promise<Block[]> {
  let html: string;
  try {
    // Images are dropped: only text is indexed, and base64 images would bloat the HTML.
    html = (await mammoth.convertToHtml({ buffer: bytes }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) })).value;
  } catch (err) {
    throw new ExtractionError(`Could not read the DOCX file: ${(err as Error).message}`);
  }
  return extractHtml(html);
}

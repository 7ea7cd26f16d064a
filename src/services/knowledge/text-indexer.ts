import { chunkBlocks } from './chunker.js';
import type { ChunkRow } from './chunk.repository.js';
import { ExtractionError, extractBlocks, type Block } from './extract/index.js';
import { searchText } from './text-segmenter.js';

export interface IndexTask {
  fileName: string;
  bytes: Uint8Array;
  maxChars: number;
  maxChunks: number;
}

/** What a worker thread answers: the chunk rows, or why the file cannot be indexed (the document's `sync_error`). */
export type IndexOutcome = { ok: true; rows: ChunkRow[] } | { ok: false; error: string };

const textLength = (b: Block) => (b.kind === 'qa' ? b.question.length + b.answer.length : b.text.length);
const count = (n: number) => n.toLocaleString('en-US');

/**
 * A file into chunk rows (extraction, chunking, search tokens): the CPU-heavy
 * part of indexing, run on a worker thread. A file that cannot be read, or
 * holds more than the limits, answers an error the merchant can act on.
 */
export async function indexText(task: IndexTask): Promise<IndexOutcome> {
  try {
    const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    const blocks = await extractBlocks(task.fileName, bytes);
    const chars = blocks.reduce((n, b) => n + textLength(b), 0);
    if (chars > task.maxChars) {
      throw new ExtractionError(`The file holds ${count(chars)} characters of text, more than the ${count(task.maxChars)} a document may have: split it into smaller files`);
    }
    const chunks = chunkBlocks(blocks);
    if (chunks.length > task.maxChunks) {
      throw new ExtractionError(`The file makes ${count(chunks.length)} passages, more than the ${count(task.maxChunks)} a document may have: split it into smaller files`);
    }
    return { ok: true, rows: chunks.map((c) => ({ ...c, searchHeading: searchText(c.heading), searchText: searchText(c.content) })) };
  } catch (err) {
    const message = err instanceof ExtractionError ? err.message : `Could not read the file: ${(err as Error).message}`;
    return { ok: false, error: message };
  }
}

import type { Block } from './extract/index.js';

export interface ChunkDraft {
  kind: 'text' | 'qa';
  /** Section path ("Returns › Exceptions"); for a Q&A entry, its question. */
  heading: string;
  content: string;
}

export interface ChunkOptions {
  /** Aim for chunks about this long (characters). */
  target: number;
  /** Never longer than this, except a single unbreakable sentence. */
  max: number;
  /** Characters of the previous chunk's last sentences repeated at the start of the next, within a section. */
  overlap: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = { target: 450, max: 800, overlap: 100 };

const CJK_ENDS = new Set(['。', '！', '？', '；']);
const CJK_CLOSERS = new Set(['”', '’', '」', '』', '）', ')']);
const LATIN_ENDS = new Set(['!', '?', ';']);
const LATIN_CLOSERS = new Set(['"', "'", ')', ']']);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
/** Whether text[start, dot) is a list number starting a line ("2" of "2. Tap Return"). */
const isListNumber = (text: string, start: number, dot: number) =>
  dot - start <= 3 && (start === 0 || text[start - 1] === '\n') && /^\d+$/.test(text.slice(start, dot));

/**
 * Splits text after sentence ends: Chinese 。！？；, and . ! ? ; followed by
 * a space (so 3.5 and e.g. stay whole, and a list number "1. " starting a
 * line stays with its item), and at line breaks. A plain scan, so the time
 * stays linear on any input (long runs of dots included).
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const push = (s: string) => {
    const t = s.trim();
    if (t) out.push(t);
  };
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      push(text.slice(start, i));
      start = ++i;
    } else if (CJK_ENDS.has(c)) {
      let j = i;
      while (j < text.length && CJK_ENDS.has(text[j]!)) j++;
      while (j < text.length && CJK_CLOSERS.has(text[j]!)) j++;
      push(text.slice(start, j));
      start = i = j;
    } else if (c === '.' || LATIN_ENDS.has(c)) {
      let j = i;
      const same = c === '.' ? (x: string) => x === '.' : (x: string) => LATIN_ENDS.has(x);
      while (j < text.length && same(text[j]!)) j++;
      let k = j;
      while (k < text.length && LATIN_CLOSERS.has(text[k]!)) k++;
      if (isSpace(text[k]) && !isListNumber(text, start, i)) {
        push(text.slice(start, k));
        start = i = k;
      } else {
        i = j;
      }
    } else {
      i++;
    }
  }
  push(text.slice(start));
  return out.length ? out : [text.trim()].filter(Boolean);
}

const HAN_EDGE = /\p{Script=Han}|[。！？；，、：]/u;

/** Joins sentences with a space between Latin text, none between Chinese. */
export function joinSentences(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    // A leading line break marks the first sentence of a paragraph.
    const newParagraph = part.startsWith('\n');
    const p = newParagraph ? part.slice(1) : part;
    if (!out) out = p;
    else if (newParagraph) out += `\n${p}`;
    else if (HAN_EDGE.test(out.at(-1)!) || HAN_EDGE.test(p[0]!)) out += p;
    else out += ` ${p}`;
  }
  return out;
}

/** A sentence longer than `max` is cut at the last space or Chinese comma before the limit (or hard at it). */
function splitLong(sentence: string, max: number): string[] {
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf(' '), window.lastIndexOf('，'), window.lastIndexOf(','));
    const at = cut > max / 2 ? cut + 1 : max;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * Blocks into retrieval chunks that follow the document's structure: a
 * heading starts a new chunk and names the section; paragraphs are packed up
 * to the target size and broken only at sentence ends; each Q&A entry is its
 * own chunk (long answers split, the question kept as heading).
 */
export function chunkBlocks(blocks: Block[], opts: ChunkOptions = DEFAULT_CHUNKING): ChunkDraft[] {
  const chunks: ChunkDraft[] = [];
  const path: string[] = [];
  let buffer: string[] = [];
  let size = 0;
  const sectionName = () => path.filter(Boolean).join(' › ');

  const emit = (keepOverlap: boolean) => {
    if (!buffer.length) return;
    chunks.push({ kind: 'text', heading: sectionName(), content: joinSentences(buffer) });
    const carried: string[] = [];
    let carriedSize = 0;
    if (keepOverlap && opts.overlap > 0) {
      for (let i = buffer.length - 1; i > 0; i--) {
        const s = buffer[i]!;
        if (carriedSize + s.length > opts.overlap) break;
        carried.unshift(s);
        carriedSize += s.length;
      }
    }
    buffer = carried;
    size = carriedSize;
  };
  const endSection = () => {
    emit(false);
    buffer = [];
    size = 0;
  };
  const add = (sentence: string) => {
    if (size + sentence.length > opts.max || (size >= opts.target && buffer.length)) emit(true);
    buffer.push(sentence);
    size += sentence.length;
  };

  for (const block of blocks) {
    if (block.kind === 'heading') {
      endSection();
      const level = Math.min(Math.max(block.level, 1), 6);
      path.length = level;
      path[level - 1] = block.text;
      for (let i = 0; i < level - 1; i++) path[i] ??= '';
    } else if (block.kind === 'paragraph') {
      // A paragraph that fits is kept whole: break before it rather than inside it.
      if (buffer.length && size + block.text.length > opts.target && block.text.length <= opts.max) emit(true);
      const pieces = sentences(block.text).flatMap((s) => splitLong(s, opts.max));
      pieces.forEach((piece, i) => add(i === 0 ? `\n${piece}` : piece));
    } else {
      endSection();
      const section = block.section ?? sectionName();
      const question = block.question;
      const heading = section ? `${section} › ${question}` : question;
      let part: string[] = [];
      let partSize = 0;
      // Each line of the answer (a paragraph, a list item) starts with a line break, as a paragraph does above.
      const pieces = block.answer.split('\n').flatMap((line) => sentences(line).flatMap((x) => splitLong(x, opts.max)).map((x, i) => (i === 0 ? `\n${x}` : x)));
      for (const s of pieces) {
        if (partSize + s.length > opts.max && part.length) {
          chunks.push({ kind: 'qa', heading, content: joinSentences(part) });
          part = [];
          partSize = 0;
        }
        part.push(s);
        partSize += s.length;
      }
      if (part.length) chunks.push({ kind: 'qa', heading, content: joinSentences(part) });
    }
  }
  endSection();
  return chunks;
}

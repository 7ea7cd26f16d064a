/** What extraction yields: the document's structure, which the chunker follows. */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'qa'; question: string; answer: string; section?: string };

/** A file that cannot be read; the message becomes the document's `sync_error`. */
export class ExtractionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractionError';
  }
}

/** Appends in place; `push(...items)` overflows the call stack beyond about 100,000 items. */
export function appendBlocks(into: Block[], items: Block[]): void {
  for (const item of items) into.push(item);
}

/** Collapses runs of spaces and tabs; keeps the text's own line breaks out (callers split on them first). */
export function cleanInline(text: string): string {
  // One pass over any whitespace (line breaks, NBSP, ideographic spaces): linear even on long runs.
  return text.replace(/\s+/g, ' ').trim();
}

const HAN_END = /\p{Script=Han}$/u;
const HAN_START = /^\p{Script=Han}/u;

/**
 * Joins wrapped lines: no space between Chinese characters, one space
 * otherwise. Built from parts and tested against the previous line only, so a
 * paragraph of a million lines takes linear time.
 */
export function joinLines(lines: string[]): string {
  const parts: string[] = [];
  let previous = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!parts.length) parts.push(line);
    else if (HAN_END.test(previous) && HAN_START.test(line)) parts.push(line);
    else if (previous.endsWith('-') && /^[a-z]/.test(line)) {
      parts[parts.length - 1] = previous.slice(0, -1);
      parts.push(line);
    } else parts.push(' ', line);
    previous = line;
  }
  return parts.join('');
}

const QUESTION = /^(?:q|question|问|问题|提问)\s*[:：.、]\s*(.*)$/i;
const ANSWER = /^(?:a|answer|答|回答|答案)\s*[:：.、]\s*(.*)$/i;

/**
 * Paragraph text into blocks, recognising FAQ lines ("Q: …" / "A: …",
 * "问：…" / "答：…") as question-and-answer entries.
 */
export function paragraphsWithQa(paragraphs: string[][]): Block[] {
  const blocks: Block[] = [];
  let question: string | null = null;
  let answer: string[] = [];
  const flushQa = () => {
    if (question !== null) {
      const a = joinLines(answer);
      if (a) blocks.push({ kind: 'qa', question, answer: a });
      else if (question) blocks.push({ kind: 'paragraph', text: question });
    }
    question = null;
    answer = [];
  };
  for (const lines of paragraphs) {
    let plain: string[] = [];
    const flushPlain = () => {
      const text = joinLines(plain);
      if (text) blocks.push({ kind: 'paragraph', text });
      plain = [];
    };
    let inAnswer = false;
    for (const line of lines) {
      const q = QUESTION.exec(line.trim());
      const a = ANSWER.exec(line.trim());
      if (q) {
        flushPlain();
        flushQa();
        question = cleanInline(q[1] ?? '');
        inAnswer = false;
      } else if (a && question !== null) {
        answer.push(a[1] ?? '');
        inAnswer = true;
      } else if (question !== null && inAnswer) {
        answer.push(line);
      } else if (question !== null && !inAnswer) {
        question = cleanInline(`${question} ${line}`);
      } else {
        plain.push(line);
      }
    }
    // A blank line ends an answer only when the next paragraph does not continue it.
    if (question === null) flushPlain();
    else if (!inAnswer) flushQa();
    else flushPlain();
  }
  flushQa();
  return blocks;
}

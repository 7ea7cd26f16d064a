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

/** A list item's number at the start of a line ("1. ", "1) ", "1、", "（1）"): kept as the item's text. */
export const LIST_NUMBER = /^(?:\d{1,3}[.)）]\s|\d{1,3}、|[（(]\d{1,3}[）)])/;
// A bullet needs a space after - and * ("-5 degrees", "*note*" are text); • and · are only ever bullets.
const BULLET = /^(?:[-*]\s+|[•·]\s*)(?=\S)/;

/**
 * A paragraph's lines as the lines it shows: a list item (a bullet or a number) starts a new line, each other line
 * joins the one before as a wrapped line (joinLines). A bullet becomes "• ", as Markdown list items do.
 */
export function shownLines(lines: string[]): string[] {
  const out: string[] = [];
  let item: string[] = [];
  let bullet = false;
  const flush = () => {
    const text = joinLines(item);
    if (text) out.push(bullet ? `• ${text}` : text);
    item = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    const marker = BULLET.exec(line);
    if (marker || LIST_NUMBER.test(line)) {
      flush();
      bullet = marker !== null;
      item.push(marker ? line.slice(marker[0].length) : line);
    } else item.push(line);
  }
  flush();
  return out;
}

const QUESTION = /^(?:q|question|问|问题|提问)\s*[:：.、]\s*(.*)$/i;
const ANSWER = /^(?:a|answer|答|回答|答案)\s*[:：.、]\s*(.*)$/i;

/** Whether a line starts a question ("Q: …", "问：…"): it ends the answer before it. */
export const isQuestionLine = (line: string) => QUESTION.test(line.trim());

/**
 * Paragraph text into blocks, recognising FAQ lines ("Q: …" / "A: …", "问：…" / "答：…") as question-and-answer
 * entries. An answer runs to the next question, over blank lines: its paragraphs and list items are its lines
 * (joined with '\n'), as a paragraph's list items are paragraphs of their own.
 */
export function paragraphsWithQa(paragraphs: string[][]): Block[] {
  const blocks: Block[] = [];
  let question: string | null = null;
  let answer: string[] = [];
  let inAnswer = false;
  const flushQa = () => {
    if (question !== null) {
      const a = answer.join('\n');
      if (a) blocks.push({ kind: 'qa', question, answer: a });
      else if (question) blocks.push({ kind: 'paragraph', text: question });
    }
    question = null;
    answer = [];
    inAnswer = false;
  };
  for (const lines of paragraphs) {
    // The paragraph's lines outside an entry, or of the answer.
    let run: string[] = [];
    const flushRun = () => {
      for (const text of shownLines(run)) {
        if (inAnswer) answer.push(text);
        else blocks.push({ kind: 'paragraph', text });
      }
      run = [];
    };
    for (const line of lines) {
      const q = QUESTION.exec(line.trim());
      const a = ANSWER.exec(line.trim());
      if (q) {
        flushRun();
        flushQa();
        question = cleanInline(q[1] ?? '');
      } else if (a && question !== null && !inAnswer) {
        inAnswer = true;
        run.push(a[1] ?? '');
      } else if (inAnswer || question === null) {
        // Inside an answer an "A: …" line is the answer's own text ("a. the first option").
        run.push(line);
      } else {
        question = cleanInline(`${question} ${line}`);
      }
    }
    flushRun();
    // A blank line ends a question that has no answer yet.
    if (question !== null && !inAnswer) flushQa();
  }
  flushQa();
  return blocks;
}

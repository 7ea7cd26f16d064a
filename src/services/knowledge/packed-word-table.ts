import { countLines } from './sorted-table.js';

/**
 * A read-only word → number table held in typed arrays. jieba's IDF table (270,000 words) as a `Map` put about
 * 540,000 objects on the heap, which every full garbage collection had to mark: under load that was a 100–170 ms
 * stall of the whole process. Here the collector sees four objects; lookups hash the word (FNV-1a over its UTF-16
 * code units) into an open-addressed slot array and compare code units.
 */
export class PackedWordTable {
  private constructor(
    private readonly chars: Uint16Array,
    private readonly starts: Uint32Array,
    private readonly lengths: Uint16Array,
    private readonly values: Float64Array,
    /** Entry index + 1 per slot; 0 is empty. */
    private readonly slots: Uint32Array,
    readonly size: number,
  ) {}

  /** From lines of `word value` (the value after the last space); a word given twice keeps its last value, like `Map.set`. */
  static fromLines(text: string): PackedWordTable {
    const lines = countLines(text);
    const chars = new Uint16Array(text.length);
    const starts = new Uint32Array(lines);
    const lengths = new Uint16Array(lines);
    const values = new Float64Array(lines);
    let capacity = 1;
    while (capacity < lines * 2) capacity <<= 1;
    const slots = new Uint32Array(capacity);
    const mask = capacity - 1;
    let size = 0;
    let used = 0;
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const sp = text.lastIndexOf(' ', end - 1);
      if (sp > start && sp - start <= 0xffff) {
        for (let i = start; i < sp; i++) chars[used + i - start] = text.charCodeAt(i);
        const value = Number(text.slice(sp + 1, end));
        let slot = hash(text, start, sp) & mask;
        for (;;) {
          const entry = slots[slot]!;
          if (entry === 0) {
            starts[size] = used;
            lengths[size] = sp - start;
            values[size] = value;
            slots[slot] = ++size;
            used += sp - start;
            break;
          }
          if (holds(chars, starts[entry - 1]!, lengths[entry - 1]!, text, start, sp)) {
            values[entry - 1] = value;
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
      start = end + 1;
    }
    return new PackedWordTable(chars.slice(0, used), starts.slice(0, size), lengths.slice(0, size), values.slice(0, size), slots, size);
  }

  get(word: string): number | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash(word, 0, word.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return undefined;
      if (holds(this.chars, this.starts[entry - 1]!, this.lengths[entry - 1]!, word, 0, word.length)) return this.values[entry - 1];
    }
  }
}

/** FNV-1a over the UTF-16 code units of `text` from `from` to `to`. */
function hash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** True when the entry at `start` (`length` code units) is `text` from `from` to `to`. */
function holds(chars: Uint16Array, start: number, length: number, text: string, from: number, to: number): boolean {
  if (length !== to - from) return false;
  for (let i = 0; i < length; i++) if (chars[start + i] !== text.charCodeAt(from + i)) return false;
  return true;
}

/**
 * A table of sorted lines ("key\tcolumn\tcolumn"), searched by halving over their start offsets. One string and one
 * Uint32Array instead of a Map: tens of thousands of entries as a Map would be as many objects for every full
 * garbage collection to mark (docs/architecture.md, "Memory and garbage collection"). Made on the first lookup.
 */
export class SortedTable {
  private text = '';
  private starts: Uint32Array | null = null;

  constructor(private readonly source: () => string) {}

  /** The columns after the key on its line, or null when the key has no line. */
  row(key: string): string[] | null {
    const at = this.lineStarts();
    let lo = 0;
    let hi = at.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = at[mid]!;
      const tab = this.text.indexOf('\t', start);
      const word = this.text.slice(start, tab);
      if (word === key) {
        const end = this.text.indexOf('\n', tab);
        return this.text.slice(tab + 1, end < 0 ? undefined : end).split('\t');
      }
      if (word < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  private lineStarts(): Uint32Array {
    if (this.starts) return this.starts;
    this.text = this.source();
    const lines = countLines(this.text);
    const starts = new Uint32Array(lines);
    for (let i = 0, at = 0; i < lines; i++, at = this.text.indexOf('\n', at) + 1) starts[i] = at;
    return (this.starts = starts);
  }
}

/** The number of lines of a text: one more than its line breaks. */
export function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

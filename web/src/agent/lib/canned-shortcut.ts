/** What the composer needs of a canned reply. */
export interface Canned {
  id: number;
  shortcut: string;
  title: string;
}

/**
 * The shortcut being typed: a draft that starts with "/" and is one word so far ("/ref"), else null.
 * Leading spaces are ignored; "/" alone lists them all.
 */
export function shortcutQuery(draft: string): string | null {
  const text = draft.trimStart();
  return /^\/\S*$/.test(text) ? text.toLowerCase() : null;
}

/** Replies whose shortcut starts with the query, the exact one first, then by shortcut. */
export function matchCanned<T extends Canned>(replies: readonly T[], query: string): T[] {
  const q = query.toLowerCase();
  return replies
    .filter((r) => r.shortcut.toLowerCase().startsWith(q))
    .sort((a, b) => Number(b.shortcut.toLowerCase() === q) - Number(a.shortcut.toLowerCase() === q) || a.shortcut.localeCompare(b.shortcut));
}

/** The canned reply a draft names exactly ("/refund", any case, surrounding spaces ignored), or null: sending the draft sends it. */
export function cannedOf<T extends Canned>(replies: readonly T[], draft: string): T | null {
  const q = draft.trim().toLowerCase();
  return q.startsWith('/') ? (replies.find((r) => r.shortcut.toLowerCase() === q) ?? null) : null;
}

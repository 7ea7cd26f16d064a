import type { DocumentSyncState } from '../gql/graphql';

/** A document row as the knowledge page shows it. */
export interface DocRow {
  id: number;
  fileName: string;
  fileSize: number;
  syncState: DocumentSyncState;
  syncError?: string | null;
  chunkCount: number;
}

/** One documentSync event (the fields the page asks for). */
export interface SyncEvent {
  documentId: number;
  state: DocumentSyncState;
  error?: string | null;
  chunkCount: number;
  document?: DocRow | null;
}

/**
 * The list after a sync event: the row takes the event's state (and the document's latest fields);
 * a deleted document (no document) leaves; a document not listed yet (uploaded elsewhere) is added.
 */
export function applySyncEvent(rows: readonly DocRow[], e: SyncEvent): DocRow[] {
  if (e.document === null) return rows.filter((r) => r.id !== e.documentId);
  const known = rows.some((r) => r.id === e.documentId);
  const patch = (r: DocRow): DocRow => ({ ...r, ...(e.document ?? {}), syncState: e.state, syncError: e.error ?? e.document?.syncError ?? null, chunkCount: e.chunkCount });
  if (known) return rows.map((r) => (r.id === e.documentId ? patch(r) : r));
  return e.document ? [...rows, patch(e.document)].sort((a, b) => a.id - b.id) : [...rows];
}

/** Adds or replaces rows by id (an upload's answer, a fresh list), oldest first. */
export function mergeRows(rows: readonly DocRow[], incoming: readonly DocRow[]): DocRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const r of incoming) byId.set(r.id, { ...byId.get(r.id), ...r });
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** 0–100 for a progress bar: queued 10, reading 50, done 100 (failed shows as done, with its error). */
export const syncPercent = (state: DocumentSyncState): number => ({ PENDING: 10, INDEXING: 50, READY: 100, FAILED: 100 })[state];

/** FAQ entries are Q&A documents the server names "FAQ <question>.txt". */
export const FAQ_PREFIX = 'FAQ ';
export const isFaq = (fileName: string) => fileName.startsWith(FAQ_PREFIX) && fileName.endsWith('.txt');
export const faqQuestion = (fileName: string) => fileName.slice(FAQ_PREFIX.length, -'.txt'.length);

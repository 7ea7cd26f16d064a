import { EventCursor } from './event-cursor';
import type { ResumableSink } from './resumable';

export interface SessionChange<S> {
  eventSeq: string;
  session: S;
}

export interface SessionFollowDeps<S> {
  /** Subscribes to `sessionChanged(since: since())`; answers the unsubscribe. */
  subscribe(since: () => string | null, sink: ResumableSink<SessionChange<S>>): () => void;
  /** Reads the lists (null: failed or stopped). */
  load(): Promise<S[] | null>;
  /** The lists as loaded: they replace what the page had. */
  replace(sessions: S[]): void;
  /** Sessions as changes carry them: each replaces the page's copy. */
  apply(sessions: S[]): void;
}

/**
 * Lists loaded once, then kept by the change stream. Changes that arrive while the lists load are
 * applied after them; a change at or before the cursor is skipped; RESYNC_REQUIRED drops the cursor,
 * subscribes again from now and reloads. `reconnected()`: the socket is back; without a cursor (no
 * change seen before the drop) there is nothing to resume from, so the lists are loaded again.
 */
export function followSessions<S>(deps: SessionFollowDeps<S>): { reconnected(): void; stop(): void } {
  const cursor = new EventCursor();
  let stopped = false;
  let loading = 0;
  let buffered: S[] = [];
  let unsubscribe = () => {};
  const load = async () => {
    const mine = ++loading;
    const list = await deps.load();
    // A later load (after a resync) supersedes this one; a failed one leaves the lists as they were.
    if (stopped || mine !== loading) return;
    if (list) deps.replace(list);
    loading = 0;
    if (buffered.length) deps.apply(buffered);
    buffered = [];
  };
  const follow = () => {
    unsubscribe = deps.subscribe(() => cursor.since, {
      next(change) {
        if (stopped || !cursor.accept(change.eventSeq)) return;
        if (loading) buffered.push(change.session);
        else deps.apply([change.session]);
      },
      error(codes) {
        if (stopped || !codes.includes('RESYNC_REQUIRED')) return;
        cursor.reset();
        follow();
        void load();
      },
    });
  };
  follow();
  void load();
  return {
    reconnected: () => void (!stopped && cursor.since === null && load()),
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}

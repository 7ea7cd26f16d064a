import { describe, expect, it } from 'vitest';
import type { Client as WsClient } from 'graphql-ws';
import { MessageAdded } from '../../../web/src/agent/agent-operations';
import { cannedOf, matchCanned, shortcutQuery } from '../../../web/src/agent/lib/canned-shortcut';
import { EventCursor } from '../../../web/src/agent/lib/event-cursor';
import { mediaSrc } from '../../../web/src/agent/lib/media-url';
import { lastSeq, mergeBySeq } from '../../../web/src/agent/lib/message-log';
import { arrivals, formatWait, queueOrder, waitedSeconds } from '../../../web/src/agent/lib/queue';
import { subscribeResumable, type ResumableSink } from '../../../web/src/agent/lib/resumable';
import { followSessions, type SessionChange } from '../../../web/src/agent/lib/session-follow';

describe('resume cursors', () => {
  it('merges a replay that overlaps the history: each seq once, in order, the cursor at the greatest', () => {
    const have = [{ seq: 1, c: 'a' }, { seq: 2, c: 'b' }];
    const merged = mergeBySeq(have, [{ seq: 3, c: 'c' }, { seq: 2, c: 'b' }, { seq: 5, c: 'e' }, { seq: 4, c: 'd' }]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(lastSeq(merged)).toBe(5);
    expect(lastSeq([])).toBe(0);
    expect(mergeBySeq(have, [])).toBe(have);
  });

  it('skips session changes at or before the last eventSeq, compared as 64-bit numbers, and forgets it on a resync', () => {
    const cursor = new EventCursor();
    expect(cursor.since).toBeNull();
    expect(cursor.accept('9')).toBe(true);
    expect(cursor.accept('10')).toBe(true); // not "10" < "9" as strings
    expect(cursor.accept('10')).toBe(false);
    expect(cursor.accept('7')).toBe(false);
    expect(cursor.accept('9007199254740993')).toBe(true);
    expect(cursor.accept('9007199254740992')).toBe(false); // beyond a double's precision
    expect(cursor.since).toBe('9007199254740993');
    cursor.reset();
    expect(cursor.since).toBeNull();
    expect(cursor.accept('1')).toBe(true);
  });

  it('sends the cursor as it is each time graphql-ws (re)sends the subscription', () => {
    let payload: unknown;
    const ws = { subscribe: (p: unknown) => ((payload = p), () => {}) } as unknown as WsClient;
    let after = 3;
    subscribeResumable(ws, MessageAdded, () => ({ sessionId: 7, after }), { next: () => {}, error: () => {} });
    const sent = () => JSON.parse(JSON.stringify(payload)) as { query: string; variables: unknown };
    expect(sent().variables).toEqual({ sessionId: 7, after: 3 });
    expect(sent().query).toContain('messageAdded(sessionId: $sessionId, after: $after)');
    after = 9; // messages arrived, then the socket dropped: the resend asks only for what came after
    expect(sent().variables).toEqual({ sessionId: 7, after: 9 });
  });
});

describe('the queue', () => {
  const s = (id: number, queuedAt: string | null, status = 'PENDING') => ({ id, status, queuedAt, createdAt: '2026-12-01T10:00:00Z' });

  it('orders the waiting by the time they queued (then id), numbering from 1, leaving out the others', () => {
    const order = queueOrder([s(4, '2026-12-01T10:05:00Z'), s(2, '2026-12-01T10:01:00Z'), s(9, '2026-12-01T10:01:00Z'), s(1, '2026-12-01T09:00:00Z', 'MANUAL'), s(3, null)]);
    expect(order.map((x) => [x.id, x.position])).toEqual([[3, 1], [2, 2], [9, 3], [4, 4]]);
  });

  it('tells waiting times and new arrivals', () => {
    expect(waitedSeconds('2026-12-01T10:00:00Z', Date.parse('2026-12-01T10:01:15.900Z'))).toBe(75);
    expect(waitedSeconds('2026-12-01T10:00:05Z', Date.parse('2026-12-01T10:00:00Z'))).toBe(0);
    expect([5, 75, 3725].map(formatWait)).toEqual(['0:05', '1:15', '1:02:05']);
    expect(arrivals(new Set([1, 2]), [{ id: 2 }, { id: 3 }, { id: 4 }])).toEqual([3, 4]);
  });
});

describe('canned replies by shortcut', () => {
  const replies = [
    { id: 1, shortcut: '/refund', title: 'Refunds' },
    { id: 2, shortcut: '/ref', title: 'Reference' },
    { id: 3, shortcut: '/Thanks', title: 'Thanks' },
  ];

  it('reads a shortcut only while the draft is one word starting with "/"', () => {
    expect(shortcutQuery('/re')).toBe('/re');
    expect(shortcutQuery('  /TH')).toBe('/th');
    expect(shortcutQuery('/')).toBe('/');
    expect(shortcutQuery('/refund please')).toBeNull();
    expect(shortcutQuery('hello /refund')).toBeNull();
    expect(shortcutQuery('')).toBeNull();
  });

  it('offers the matches, the exact one first, and sends the one a draft names exactly', () => {
    expect(matchCanned(replies, '/ref').map((r) => r.id)).toEqual([2, 1]);
    expect(matchCanned(replies, '/refu').map((r) => r.id)).toEqual([1]);
    expect(matchCanned(replies, '/th').map((r) => r.id)).toEqual([3]);
    expect(matchCanned(replies, '/').map((r) => r.id)).toEqual([2, 1, 3]);
    expect(cannedOf(replies, ' /thanks ')?.id).toBe(3);
    expect(cannedOf(replies, '/refun')).toBeNull();
    expect(cannedOf(replies, 'refund')).toBeNull();
  });
});

describe('stored files', () => {
  it('loads a stored file by its path on this origin, and nothing from elsewhere', () => {
    const origin = 'http://127.0.0.1:8080';
    expect(mediaSrc('https://cs.example.test/assets/files/ab%20c.png', origin)).toBe('/assets/files/ab%20c.png');
    expect(mediaSrc('http://127.0.0.1:8080/assets/audio/x.mp3', origin)).toBe('/assets/audio/x.mp3');
    expect(mediaSrc('https://www.pic.com/avatar001.jpg', origin)).toBeNull();
    expect(mediaSrc('not a url ::', origin)).toBe('/not%20a%20url%20::');
  });
});

describe('following the sessions', () => {
  type S = { id: number; status: string };
  /** A change stream and list loads the test drives by hand. */
  function harness() {
    const subs: { since: () => string | null; sink: ResumableSink<SessionChange<S>>; open: boolean }[] = [];
    const loads: ((list: S[] | null) => void)[] = [];
    const shown = new Map<number, S>();
    const replaced: number[][] = [];
    const following = followSessions<S>({
      subscribe(since, sink) {
        const sub = { since, sink, open: true };
        subs.push(sub);
        return () => void (sub.open = false);
      },
      load: () => new Promise((resolve) => loads.push(resolve)),
      replace(list) {
        shown.clear();
        for (const s of list) shown.set(s.id, s);
        replaced.push(list.map((s) => s.id));
      },
      apply: (list) => list.forEach((s) => shown.set(s.id, s)),
    });
    const settle = () => new Promise((r) => setTimeout(r, 0));
    return { subs, loads, shown, replaced, following, settle };
  }

  it('applies changes that arrive while the lists load after them, and skips one it already has', async () => {
    const h = harness();
    expect(h.subs[0]!.since()).toBeNull();
    h.subs[0]!.sink.next({ eventSeq: '5', session: { id: 1, status: 'MANUAL' } });
    h.loads[0]!([{ id: 1, status: 'PENDING' }, { id: 2, status: 'PENDING' }]);
    await h.settle();
    expect(h.shown.get(1)?.status).toBe('MANUAL'); // the change is newer than what the list read
    h.subs[0]!.sink.next({ eventSeq: '5', session: { id: 1, status: 'PENDING' } }); // a replayed duplicate
    expect(h.shown.get(1)?.status).toBe('MANUAL');
    h.subs[0]!.sink.next({ eventSeq: '6', session: { id: 2, status: 'CLOSED' } });
    expect(h.shown.get(2)?.status).toBe('CLOSED');
    expect(h.subs[0]!.since()).toBe('6'); // what a resend after a drop would ask from
    h.following.reconnected();
    expect(h.loads).toHaveLength(1); // there is a cursor: the stream resumes, no reload
  });

  it('on RESYNC_REQUIRED drops the cursor, subscribes again from now and reloads the lists', async () => {
    const h = harness();
    h.loads[0]!([{ id: 1, status: 'PENDING' }]);
    await h.settle();
    h.subs[0]!.sink.next({ eventSeq: '40', session: { id: 1, status: 'MANUAL' } });
    h.subs[0]!.sink.error(['CONFLICT'], 'something else'); // not a resync: nothing happens
    expect(h.subs).toHaveLength(1);
    h.subs[0]!.sink.error(['RESYNC_REQUIRED'], 'The cursor is older than the kept events');
    expect(h.subs).toHaveLength(2);
    expect(h.subs[1]!.since()).toBeNull();
    expect(h.loads).toHaveLength(2);
    h.subs[1]!.sink.next({ eventSeq: '3', session: { id: 9, status: 'PENDING' } }); // numbering as the server has it now
    h.loads[1]!([{ id: 7, status: 'PENDING' }]);
    await h.settle();
    expect(h.replaced).toEqual([[1], [7]]);
    expect([...h.shown.keys()].sort()).toEqual([7, 9]);
  });

  it('reloads after a reconnect when no change was seen before the drop, and stops cleanly', async () => {
    const h = harness();
    h.loads[0]!([]);
    await h.settle();
    h.following.reconnected();
    expect(h.loads).toHaveLength(2);
    h.following.stop();
    expect(h.subs[0]!.open).toBe(false);
    h.loads[1]!([{ id: 3, status: 'PENDING' }]);
    await h.settle();
    expect(h.shown.size).toBe(0);
  });
});

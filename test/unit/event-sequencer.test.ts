import { describe, expect, it } from 'vitest';
import { EventSequencer, ResumeGate } from '../../src/core/events/event-sequencer.js';

describe('the event sequencer (per merchant)', () => {
  it('tells the next event, a duplicate and a gap apart, from the seeded heads', () => {
    const s = new EventSequencer();
    s.seed(new Map([[1, 10]]));
    expect(s.judge(1, 11)).toEqual({ kind: 'next' });
    expect(s.judge(1, 10)).toEqual({ kind: 'duplicate' });
    expect(s.judge(1, 14)).toEqual({ kind: 'gap', after: 10, seq: 14 });
    // A merchant with no event yet starts at 0.
    expect(s.judge(2, 1)).toEqual({ kind: 'next' });
    expect(s.judge(2, 2)).toEqual({ kind: 'gap', after: 0, seq: 2 });
  });

  it('never moves back, and lists the merchants behind the heads', () => {
    const s = new EventSequencer();
    s.delivered(1, 5);
    s.delivered(1, 3);
    expect(s.lastOf(1)).toBe(5);
    // Seeding later does not undo what was delivered.
    s.seed(new Map([[1, 2]]));
    expect(s.lastOf(1)).toBe(5);
    expect(s.behind(new Map([[1, 5], [2, 4], [3, 0]]))).toEqual([[2, 4]]);
    expect(s.behind(new Map([[1, 7]]))).toEqual([[1, 7]]);
  });
});

describe('the resume gate (one stream)', () => {
  it('holds live items during the replay and releases only those after it, in arrival order', () => {
    const g = new ResumeGate<string>(5, true);
    expect(g.offer(7, 'e7')).toBe(false);
    expect(g.offer(6, 'e6')).toBe(false);
    expect(g.offer(0, 'notice')).toBe(false);
    expect(g.offer(9, 'e9')).toBe(false);
    // The replay gave 6 to 7: their live copies are dropped; the unnumbered notice is kept.
    g.replayed(7);
    expect(g.drain()).toEqual(['notice', 'e9']);
    expect(g.offer(10, 'e10')).toBe(false);
    expect(g.drain()).toEqual(['e10']);
    expect(g.drain()).toEqual([]);
    g.open();
    expect(g.offer(11, 'e11')).toBe(true);
    expect(g.offer(7, 'late copy of e7')).toBe(false);
  });

  it('passes everything through when not replaying, except what the cursor already covers', () => {
    const g = new ResumeGate<string>(3, false);
    expect(g.offer(3, 'old')).toBe(false);
    expect(g.offer(4, 'new')).toBe(true);
    expect(new ResumeGate<string>(0, false).offer(1, 'x')).toBe(true);
  });
});

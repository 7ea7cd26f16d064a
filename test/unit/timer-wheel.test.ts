import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimerWheel } from '../../src/core/ws/timer-wheel.js';

describe('TimerWheel: one interval ticks every member once per period', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds one timer for a thousand members and ticks each once per period, a slot at a time', () => {
    const ticks = new Map<number, number>();
    const wheel = new TimerWheel<number>(1000, (m) => ticks.set(m, (ticks.get(m) ?? 0) + 1), 10);
    for (let i = 0; i < 1000; i++) wheel.add(i);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(899);
    expect(ticks.size).toBe(0);
    vi.advanceTimersByTime(101);
    expect(ticks.size).toBe(1000);
    vi.advanceTimersByTime(3000);
    expect(new Set(ticks.values())).toEqual(new Set([4]));
  });

  it('spreads members that join over time across the slots', () => {
    const seen: number[] = [];
    const wheel = new TimerWheel<number>(1000, (m) => seen.push(m), 10);
    wheel.add(1);
    vi.advanceTimersByTime(500);
    wheel.add(2);
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([1, 2]);
  });

  it('forgets a removed member, and stops its timer when the last one leaves', () => {
    const seen: string[] = [];
    const wheel = new TimerWheel<string>(1000, (m) => seen.push(m));
    wheel.add('a');
    wheel.add('b');
    wheel.delete('a');
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['b']);
    wheel.delete('b');
    expect(wheel.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('lets a tick remove its own member', () => {
    const wheel = new TimerWheel<number>(100, (m) => wheel.delete(m));
    for (let i = 0; i < 5; i++) wheel.add(i);
    vi.advanceTimersByTime(100);
    expect(wheel.size).toBe(0);
  });
});

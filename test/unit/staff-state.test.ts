import { describe, expect, it } from 'vitest';
import { StaffState } from '../../src/entities/staff/staff-enums.js';
import { staffStateAt } from '../../src/entities/staff/staff-state.js';
import { addDays } from '../../src/core/time.js';

const now = new Date('2026-01-10T12:00:00Z');

describe('staff state rule', () => {
  it('is inactive with neither a trial nor a paid period', () => {
    expect(staffStateAt(null, null, now, 3)).toBe(StaffState.INACTIVE);
  });

  it('is normal while the later end is beyond the warning window', () => {
    expect(staffStateAt(addDays(now, 7), null, now, 3)).toBe(StaffState.NORMAL);
    expect(staffStateAt(addDays(now, -30), addDays(now, 20), now, 3)).toBe(StaffState.NORMAL);
  });

  it('is expiring soon within the warning window', () => {
    expect(staffStateAt(addDays(now, 3), null, now, 3)).toBe(StaffState.EXPIRING_SOON);
    expect(staffStateAt(null, addDays(now, 0.5), now, 3)).toBe(StaffState.EXPIRING_SOON);
  });

  it('is expired once the later end has passed, and a paid period outlives a past trial', () => {
    expect(staffStateAt(addDays(now, -1), null, now, 3)).toBe(StaffState.EXPIRED);
    expect(staffStateAt(addDays(now, -1), addDays(now, -2), now, 3)).toBe(StaffState.EXPIRED);
    expect(staffStateAt(now, null, now, 3)).toBe(StaffState.EXPIRED);
    expect(staffStateAt(addDays(now, -1), addDays(now, 10), now, 3)).toBe(StaffState.NORMAL);
  });
});

import type { StaffState, TradeState } from '../gql/graphql';

export interface BillStaff {
  id: number;
  name: string;
  state: StaffState;
  trialTime?: string | null;
  expiringTime?: string | null;
}

export interface BillTrade {
  tradeNo: string;
  staffId: number;
  state: TradeState;
  paidAt?: string | null;
}

/** Trades that were paid for: each bought (or, refunded, gave back) a service period. */
const BILLED: readonly TradeState[] = ['PAID', 'FINISHED', 'REFUNDED'];

/** Each staff with its paid trades, newest payment first; staff in the order given. */
export function billsOf<S extends BillStaff, T extends BillTrade>(staffs: readonly S[], trades: readonly T[]): { staff: S; bills: T[] }[] {
  return staffs.map((staff) => ({
    staff,
    bills: trades
      .filter((t) => t.staffId === staff.id && t.paidAt && BILLED.includes(t.state))
      .sort((a, b) => (b.paidAt ?? '').localeCompare(a.paidAt ?? '')),
  }));
}

/** When a staff's service ends: the later of its trial and its paid period (README, "Staff state"). */
export function serviceEnd(staff: Pick<BillStaff, 'trialTime' | 'expiringTime'>): string | null {
  const ends = [staff.trialTime, staff.expiringTime].filter((x): x is string => Boolean(x));
  if (!ends.length) return null;
  return ends.reduce((a, b) => (new Date(a).getTime() >= new Date(b).getTime() ? a : b));
}

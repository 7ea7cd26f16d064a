import type { TradeState } from '../gql/graphql';

/** Every trade state, for filters (the API's TradeState). */
export const TRADE_STATES = ['PENDING', 'PAID', 'CLOSED', 'REFUNDED', 'FINISHED', 'ABNORMAL'] as const satisfies readonly TradeState[];

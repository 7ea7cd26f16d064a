import { graphql } from '../gql';

export const TradeFields = graphql(`
  fragment BillingTrade on Trade {
    id
    tradeNo
    state
    payType
    provider
    payUrl
    prodName
    prodPrice
    payAmount
    refundAmount
    currency
    periodDays
    periodStart
    periodEnd
    staffId
    staff { id name }
    createdAt
    paidAt
    expiresAt
    refundedAt
  }
`);

export const BillingStaffsQuery = graphql(`
  query BillingStaffs {
    staffs(page: { pageSize: 100 }) {
      items { id name state trialTime expiringTime }
    }
  }
`);

export const OnSaleProductsQuery = graphql(`
  query OnSaleProducts {
    products(page: { pageSize: 100 }) {
      items { id name description price currency expiringDays trialDays language }
    }
  }
`);

export const PayStaffMutation = graphql(`
  mutation PayStaff($input: PayStaffInput!) {
    payStaff(input: $input) { ...BillingTrade }
  }
`);

export const TradeQuery = graphql(`
  query BillingTradeOne($tradeNo: String!) {
    trade(tradeNo: $tradeNo) { ...BillingTrade }
  }
`);

export const TradeUpdatedSubscription = graphql(`
  subscription BillingTradeUpdated($tradeNo: String) {
    tradeUpdated(tradeNo: $tradeNo) { tradeNo state trade { ...BillingTrade } }
  }
`);

export const MerchantTradesQuery = graphql(`
  query MerchantTrades($filter: TradeFilterInput, $page: PageInput) {
    trades(filter: $filter, page: $page) {
      total
      pageNo
      pageSize
      items { ...BillingTrade }
    }
  }
`);

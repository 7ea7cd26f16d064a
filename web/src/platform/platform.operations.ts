import { graphql } from '../gql';

export const MerchantsQuery = graphql(`
  query PlatformMerchants($search: String, $page: PageInput) {
    merchants(search: $search, page: $page) {
      total
      pageNo
      pageSize
      items { id userName email isFrozen createdAt }
    }
  }
`);

export const SetMerchantFrozenMutation = graphql(`
  mutation PlatformSetMerchantFrozen($id: Int!, $frozen: Boolean!) {
    setMerchantFrozen(id: $id, frozen: $frozen) { id isFrozen }
  }
`);

export const ProductFields = graphql(`
  fragment PlatformProduct on Product {
    id
    serialNo
    name
    description
    price
    currency
    expiringDays
    trialDays
    language
    state
    updatedAt
  }
`);

export const PlatformProductsQuery = graphql(`
  query PlatformProducts($filter: ProductFilterInput, $page: PageInput) {
    products(filter: $filter, page: $page) {
      total
      pageNo
      pageSize
      items { ...PlatformProduct }
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation PlatformCreateProduct($input: ProductCreateInput!) {
    createProduct(input: $input) { ...PlatformProduct }
  }
`);

export const UpdateProductMutation = graphql(`
  mutation PlatformUpdateProduct($id: Int!, $input: ProductUpdateInput!) {
    updateProduct(id: $id, input: $input) { ...PlatformProduct }
  }
`);

export const DeleteProductMutation = graphql(`
  mutation PlatformDeleteProduct($id: Int!) {
    deleteProduct(id: $id)
  }
`);

export const PlatformTradesQuery = graphql(`
  query PlatformTrades($filter: TradeFilterInput, $page: PageInput) {
    trades(filter: $filter, page: $page) {
      total
      pageNo
      pageSize
      items {
        id tradeNo state payType provider prodName payAmount refundAmount currency periodDays merchantId staffId
        staff { id name }
        createdAt paidAt refundedAt
      }
    }
  }
`);

export const RefundTradeMutation = graphql(`
  mutation PlatformRefundTrade($tradeNo: String!, $reason: String) {
    refundTrade(tradeNo: $tradeNo, reason: $reason) { id tradeNo state refundAmount refundedAt }
  }
`);

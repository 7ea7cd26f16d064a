/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment BillingTrade on Trade {\n    id\n    tradeNo\n    state\n    payType\n    provider\n    payUrl\n    prodName\n    prodPrice\n    payAmount\n    refundAmount\n    currency\n    periodDays\n    periodStart\n    periodEnd\n    staffId\n    staff { id name }\n    createdAt\n    paidAt\n    expiresAt\n    refundedAt\n  }\n": typeof types.BillingTradeFragmentDoc,
    "\n  query BillingStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name state trialTime expiringTime }\n    }\n  }\n": typeof types.BillingStaffsDocument,
    "\n  query OnSaleProducts {\n    products(page: { pageSize: 100 }) {\n      items { id name description price currency expiringDays trialDays language }\n    }\n  }\n": typeof types.OnSaleProductsDocument,
    "\n  mutation PayStaff($input: PayStaffInput!) {\n    payStaff(input: $input) { ...BillingTrade }\n  }\n": typeof types.PayStaffDocument,
    "\n  query BillingTradeOne($tradeNo: String!) {\n    trade(tradeNo: $tradeNo) { ...BillingTrade }\n  }\n": typeof types.BillingTradeOneDocument,
    "\n  subscription BillingTradeUpdated($tradeNo: String) {\n    tradeUpdated(tradeNo: $tradeNo) { tradeNo state trade { ...BillingTrade } }\n  }\n": typeof types.BillingTradeUpdatedDocument,
    "\n  query MerchantTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...BillingTrade }\n    }\n  }\n": typeof types.MerchantTradesDocument,
    "\n  mutation MerchantLogin($input: LoginInput!) {\n    login(input: $input) { token expiresAt role }\n  }\n": typeof types.MerchantLoginDocument,
    "\n  mutation AgentLogin($input: LoginInput!) {\n    agentLogin(input: $input) { token expiresAt }\n  }\n": typeof types.AgentLoginDocument,
    "\n  mutation AdminLogin($input: LoginInput!) {\n    adminLogin(input: $input) { token expiresAt role }\n  }\n": typeof types.AdminLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query PlatformMerchants($search: String, $page: PageInput) {\n    merchants(search: $search, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { id userName email isFrozen createdAt }\n    }\n  }\n": typeof types.PlatformMerchantsDocument,
    "\n  mutation PlatformSetMerchantFrozen($id: Int!, $frozen: Boolean!) {\n    setMerchantFrozen(id: $id, frozen: $frozen) { id isFrozen }\n  }\n": typeof types.PlatformSetMerchantFrozenDocument,
    "\n  fragment PlatformProduct on Product {\n    id\n    serialNo\n    name\n    description\n    price\n    currency\n    expiringDays\n    trialDays\n    language\n    state\n    updatedAt\n  }\n": typeof types.PlatformProductFragmentDoc,
    "\n  query PlatformProducts($filter: ProductFilterInput, $page: PageInput) {\n    products(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...PlatformProduct }\n    }\n  }\n": typeof types.PlatformProductsDocument,
    "\n  mutation PlatformCreateProduct($input: ProductCreateInput!) {\n    createProduct(input: $input) { ...PlatformProduct }\n  }\n": typeof types.PlatformCreateProductDocument,
    "\n  mutation PlatformUpdateProduct($id: Int!, $input: ProductUpdateInput!) {\n    updateProduct(id: $id, input: $input) { ...PlatformProduct }\n  }\n": typeof types.PlatformUpdateProductDocument,
    "\n  mutation PlatformDeleteProduct($id: Int!) {\n    deleteProduct(id: $id)\n  }\n": typeof types.PlatformDeleteProductDocument,
    "\n  query PlatformTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items {\n        id tradeNo state payType provider prodName payAmount refundAmount currency periodDays merchantId staffId\n        staff { id name }\n        createdAt paidAt refundedAt\n      }\n    }\n  }\n": typeof types.PlatformTradesDocument,
    "\n  mutation PlatformRefundTrade($tradeNo: String!, $reason: String) {\n    refundTrade(tradeNo: $tradeNo, reason: $reason) { id tradeNo state refundAmount refundedAt }\n  }\n": typeof types.PlatformRefundTradeDocument,
    "\n  query ReportStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name }\n    }\n  }\n": typeof types.ReportStaffsDocument,
    "\n  query HelpdeskReportView($input: ReportInput!) {\n    helpdeskReport(input: $input) {\n      from\n      to\n      timeZone\n      total {\n        conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds avgResolutionSeconds csatAverage csatCount\n        handoffReasons { reason count }\n      }\n      byDay {\n        day conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount\n      }\n      byStaff { id name conversations aiOnlyRate handoffRate avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n      byAgent { id name conversations handedOff avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n    }\n  }\n": typeof types.HelpdeskReportViewDocument,
};
const documents: Documents = {
    "\n  fragment BillingTrade on Trade {\n    id\n    tradeNo\n    state\n    payType\n    provider\n    payUrl\n    prodName\n    prodPrice\n    payAmount\n    refundAmount\n    currency\n    periodDays\n    periodStart\n    periodEnd\n    staffId\n    staff { id name }\n    createdAt\n    paidAt\n    expiresAt\n    refundedAt\n  }\n": types.BillingTradeFragmentDoc,
    "\n  query BillingStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name state trialTime expiringTime }\n    }\n  }\n": types.BillingStaffsDocument,
    "\n  query OnSaleProducts {\n    products(page: { pageSize: 100 }) {\n      items { id name description price currency expiringDays trialDays language }\n    }\n  }\n": types.OnSaleProductsDocument,
    "\n  mutation PayStaff($input: PayStaffInput!) {\n    payStaff(input: $input) { ...BillingTrade }\n  }\n": types.PayStaffDocument,
    "\n  query BillingTradeOne($tradeNo: String!) {\n    trade(tradeNo: $tradeNo) { ...BillingTrade }\n  }\n": types.BillingTradeOneDocument,
    "\n  subscription BillingTradeUpdated($tradeNo: String) {\n    tradeUpdated(tradeNo: $tradeNo) { tradeNo state trade { ...BillingTrade } }\n  }\n": types.BillingTradeUpdatedDocument,
    "\n  query MerchantTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...BillingTrade }\n    }\n  }\n": types.MerchantTradesDocument,
    "\n  mutation MerchantLogin($input: LoginInput!) {\n    login(input: $input) { token expiresAt role }\n  }\n": types.MerchantLoginDocument,
    "\n  mutation AgentLogin($input: LoginInput!) {\n    agentLogin(input: $input) { token expiresAt }\n  }\n": types.AgentLoginDocument,
    "\n  mutation AdminLogin($input: LoginInput!) {\n    adminLogin(input: $input) { token expiresAt role }\n  }\n": types.AdminLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query PlatformMerchants($search: String, $page: PageInput) {\n    merchants(search: $search, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { id userName email isFrozen createdAt }\n    }\n  }\n": types.PlatformMerchantsDocument,
    "\n  mutation PlatformSetMerchantFrozen($id: Int!, $frozen: Boolean!) {\n    setMerchantFrozen(id: $id, frozen: $frozen) { id isFrozen }\n  }\n": types.PlatformSetMerchantFrozenDocument,
    "\n  fragment PlatformProduct on Product {\n    id\n    serialNo\n    name\n    description\n    price\n    currency\n    expiringDays\n    trialDays\n    language\n    state\n    updatedAt\n  }\n": types.PlatformProductFragmentDoc,
    "\n  query PlatformProducts($filter: ProductFilterInput, $page: PageInput) {\n    products(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...PlatformProduct }\n    }\n  }\n": types.PlatformProductsDocument,
    "\n  mutation PlatformCreateProduct($input: ProductCreateInput!) {\n    createProduct(input: $input) { ...PlatformProduct }\n  }\n": types.PlatformCreateProductDocument,
    "\n  mutation PlatformUpdateProduct($id: Int!, $input: ProductUpdateInput!) {\n    updateProduct(id: $id, input: $input) { ...PlatformProduct }\n  }\n": types.PlatformUpdateProductDocument,
    "\n  mutation PlatformDeleteProduct($id: Int!) {\n    deleteProduct(id: $id)\n  }\n": types.PlatformDeleteProductDocument,
    "\n  query PlatformTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items {\n        id tradeNo state payType provider prodName payAmount refundAmount currency periodDays merchantId staffId\n        staff { id name }\n        createdAt paidAt refundedAt\n      }\n    }\n  }\n": types.PlatformTradesDocument,
    "\n  mutation PlatformRefundTrade($tradeNo: String!, $reason: String) {\n    refundTrade(tradeNo: $tradeNo, reason: $reason) { id tradeNo state refundAmount refundedAt }\n  }\n": types.PlatformRefundTradeDocument,
    "\n  query ReportStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name }\n    }\n  }\n": types.ReportStaffsDocument,
    "\n  query HelpdeskReportView($input: ReportInput!) {\n    helpdeskReport(input: $input) {\n      from\n      to\n      timeZone\n      total {\n        conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds avgResolutionSeconds csatAverage csatCount\n        handoffReasons { reason count }\n      }\n      byDay {\n        day conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount\n      }\n      byStaff { id name conversations aiOnlyRate handoffRate avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n      byAgent { id name conversations handedOff avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n    }\n  }\n": types.HelpdeskReportViewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BillingTrade on Trade {\n    id\n    tradeNo\n    state\n    payType\n    provider\n    payUrl\n    prodName\n    prodPrice\n    payAmount\n    refundAmount\n    currency\n    periodDays\n    periodStart\n    periodEnd\n    staffId\n    staff { id name }\n    createdAt\n    paidAt\n    expiresAt\n    refundedAt\n  }\n"): (typeof documents)["\n  fragment BillingTrade on Trade {\n    id\n    tradeNo\n    state\n    payType\n    provider\n    payUrl\n    prodName\n    prodPrice\n    payAmount\n    refundAmount\n    currency\n    periodDays\n    periodStart\n    periodEnd\n    staffId\n    staff { id name }\n    createdAt\n    paidAt\n    expiresAt\n    refundedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name state trialTime expiringTime }\n    }\n  }\n"): (typeof documents)["\n  query BillingStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name state trialTime expiringTime }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnSaleProducts {\n    products(page: { pageSize: 100 }) {\n      items { id name description price currency expiringDays trialDays language }\n    }\n  }\n"): (typeof documents)["\n  query OnSaleProducts {\n    products(page: { pageSize: 100 }) {\n      items { id name description price currency expiringDays trialDays language }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayStaff($input: PayStaffInput!) {\n    payStaff(input: $input) { ...BillingTrade }\n  }\n"): (typeof documents)["\n  mutation PayStaff($input: PayStaffInput!) {\n    payStaff(input: $input) { ...BillingTrade }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingTradeOne($tradeNo: String!) {\n    trade(tradeNo: $tradeNo) { ...BillingTrade }\n  }\n"): (typeof documents)["\n  query BillingTradeOne($tradeNo: String!) {\n    trade(tradeNo: $tradeNo) { ...BillingTrade }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BillingTradeUpdated($tradeNo: String) {\n    tradeUpdated(tradeNo: $tradeNo) { tradeNo state trade { ...BillingTrade } }\n  }\n"): (typeof documents)["\n  subscription BillingTradeUpdated($tradeNo: String) {\n    tradeUpdated(tradeNo: $tradeNo) { tradeNo state trade { ...BillingTrade } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...BillingTrade }\n    }\n  }\n"): (typeof documents)["\n  query MerchantTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...BillingTrade }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MerchantLogin($input: LoginInput!) {\n    login(input: $input) { token expiresAt role }\n  }\n"): (typeof documents)["\n  mutation MerchantLogin($input: LoginInput!) {\n    login(input: $input) { token expiresAt role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgentLogin($input: LoginInput!) {\n    agentLogin(input: $input) { token expiresAt }\n  }\n"): (typeof documents)["\n  mutation AgentLogin($input: LoginInput!) {\n    agentLogin(input: $input) { token expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminLogin($input: LoginInput!) {\n    adminLogin(input: $input) { token expiresAt role }\n  }\n"): (typeof documents)["\n  mutation AdminLogin($input: LoginInput!) {\n    adminLogin(input: $input) { token expiresAt role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformMerchants($search: String, $page: PageInput) {\n    merchants(search: $search, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { id userName email isFrozen createdAt }\n    }\n  }\n"): (typeof documents)["\n  query PlatformMerchants($search: String, $page: PageInput) {\n    merchants(search: $search, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { id userName email isFrozen createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlatformSetMerchantFrozen($id: Int!, $frozen: Boolean!) {\n    setMerchantFrozen(id: $id, frozen: $frozen) { id isFrozen }\n  }\n"): (typeof documents)["\n  mutation PlatformSetMerchantFrozen($id: Int!, $frozen: Boolean!) {\n    setMerchantFrozen(id: $id, frozen: $frozen) { id isFrozen }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlatformProduct on Product {\n    id\n    serialNo\n    name\n    description\n    price\n    currency\n    expiringDays\n    trialDays\n    language\n    state\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PlatformProduct on Product {\n    id\n    serialNo\n    name\n    description\n    price\n    currency\n    expiringDays\n    trialDays\n    language\n    state\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformProducts($filter: ProductFilterInput, $page: PageInput) {\n    products(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...PlatformProduct }\n    }\n  }\n"): (typeof documents)["\n  query PlatformProducts($filter: ProductFilterInput, $page: PageInput) {\n    products(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...PlatformProduct }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlatformCreateProduct($input: ProductCreateInput!) {\n    createProduct(input: $input) { ...PlatformProduct }\n  }\n"): (typeof documents)["\n  mutation PlatformCreateProduct($input: ProductCreateInput!) {\n    createProduct(input: $input) { ...PlatformProduct }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlatformUpdateProduct($id: Int!, $input: ProductUpdateInput!) {\n    updateProduct(id: $id, input: $input) { ...PlatformProduct }\n  }\n"): (typeof documents)["\n  mutation PlatformUpdateProduct($id: Int!, $input: ProductUpdateInput!) {\n    updateProduct(id: $id, input: $input) { ...PlatformProduct }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlatformDeleteProduct($id: Int!) {\n    deleteProduct(id: $id)\n  }\n"): (typeof documents)["\n  mutation PlatformDeleteProduct($id: Int!) {\n    deleteProduct(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items {\n        id tradeNo state payType provider prodName payAmount refundAmount currency periodDays merchantId staffId\n        staff { id name }\n        createdAt paidAt refundedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlatformTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items {\n        id tradeNo state payType provider prodName payAmount refundAmount currency periodDays merchantId staffId\n        staff { id name }\n        createdAt paidAt refundedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlatformRefundTrade($tradeNo: String!, $reason: String) {\n    refundTrade(tradeNo: $tradeNo, reason: $reason) { id tradeNo state refundAmount refundedAt }\n  }\n"): (typeof documents)["\n  mutation PlatformRefundTrade($tradeNo: String!, $reason: String) {\n    refundTrade(tradeNo: $tradeNo, reason: $reason) { id tradeNo state refundAmount refundedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name }\n    }\n  }\n"): (typeof documents)["\n  query ReportStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HelpdeskReportView($input: ReportInput!) {\n    helpdeskReport(input: $input) {\n      from\n      to\n      timeZone\n      total {\n        conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds avgResolutionSeconds csatAverage csatCount\n        handoffReasons { reason count }\n      }\n      byDay {\n        day conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount\n      }\n      byStaff { id name conversations aiOnlyRate handoffRate avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n      byAgent { id name conversations handedOff avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n    }\n  }\n"): (typeof documents)["\n  query HelpdeskReportView($input: ReportInput!) {\n    helpdeskReport(input: $input) {\n      from\n      to\n      timeZone\n      total {\n        conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds avgResolutionSeconds csatAverage csatCount\n        handoffReasons { reason count }\n      }\n      byDay {\n        day conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount\n      }\n      byStaff { id name conversations aiOnlyRate handoffRate avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n      byAgent { id name conversations handedOff avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
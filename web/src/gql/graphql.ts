/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type LoginInput = {
  password: string;
  /** User name or e-mail */
  userName: string;
};

/** Offset paging; pageNo starts at 0 */
export type PageInput = {
  pageNo?: number | null | undefined;
  pageSize?: number | null | undefined;
};

export type PayStaffInput = {
  payType: PayType;
  productId: number;
  staffId: number;
};

export type PayType =
  | 'ALIPAY'
  | 'STRIPE'
  | 'WXPAY';

/** Who handles the trade: a real provider, or the built-in sandbox */
export type PaymentProvider =
  | 'ALIPAY'
  | 'SANDBOX'
  | 'STRIPE'
  | 'WXPAY';

export type ProductCreateInput = {
  currency?: string | null | undefined;
  description?: string | null | undefined;
  expiringDays: number;
  language?: ProductLanguage | null | undefined;
  name: string;
  /** Decimal string, e.g. "199.00" */
  price: string;
  state?: ProductState | null | undefined;
  trialDays?: number | null | undefined;
};

export type ProductFilterInput = {
  id?: number | null | undefined;
  name?: string | null | undefined;
  serialNo?: string | null | undefined;
};

export type ProductLanguage =
  | 'EN'
  | 'ZH_CN';

export type ProductState =
  | 'DRAFT'
  | 'OFF_SALE'
  | 'ON_SALE';

/** Only the fields given change */
export type ProductUpdateInput = {
  currency?: string | null | undefined;
  description?: string | null | undefined;
  expiringDays?: number | null | undefined;
  language?: ProductLanguage | null | undefined;
  name?: string | null | undefined;
  price?: string | null | undefined;
  state?: ProductState | null | undefined;
  trialDays?: number | null | undefined;
};

export type ReportInput = {
  /** Sessions started at or after */
  from: string;
  staffId?: number | null | undefined;
  /** For byDay and busiestHours; default the TIMEZONE setting */
  timeZone?: string | null | undefined;
  /** Sessions started before */
  to: string;
};

/** The kind of account a token belongs to */
export type Role =
  | 'ADMIN'
  | 'AGENT'
  | 'MERCHANT';

/** Follows from the trial and paid periods */
export type StaffState =
  | 'EXPIRED'
  | 'EXPIRING_SOON'
  | 'INACTIVE'
  | 'NORMAL';

export type TradeFilterInput = {
  id?: number | null | undefined;
  /** Admin only; a merchant always sees its own */
  merchantId?: number | null | undefined;
  payType?: PayType | null | undefined;
  staffId?: number | null | undefined;
  state?: TradeState | null | undefined;
  tradeNo?: string | null | undefined;
};

/** The seed's trade states: PENDING=0, PAID=1, CLOSED=2 (unpaid in time), REFUNDED=3, FINISHED=4 (no longer refundable), ABNORMAL=5 (paid after closing; not credited) */
export type TradeState =
  | 'ABNORMAL'
  | 'CLOSED'
  | 'FINISHED'
  | 'PAID'
  | 'PENDING'
  | 'REFUNDED';

export type BillingTradeFragment = { id: number, tradeNo: string, state: TradeState, payType: PayType, provider: PaymentProvider, payUrl: string, prodName: string, prodPrice: string, payAmount: string, refundAmount: string, currency: string, periodDays: number, periodStart: string | null, periodEnd: string | null, staffId: number, createdAt: string, paidAt: string | null, expiresAt: string, refundedAt: string | null, staff: { id: number, name: string } | null };

export type BillingStaffsQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingStaffsQuery = { staffs: { items: Array<{ id: number, name: string, state: StaffState, trialTime: string | null, expiringTime: string | null }> } };

export type OnSaleProductsQueryVariables = Exact<{ [key: string]: never; }>;


export type OnSaleProductsQuery = { products: { items: Array<{ id: number, name: string, description: string, price: string, currency: string, expiringDays: number, trialDays: number, language: ProductLanguage }> } };

export type PayStaffMutationVariables = Exact<{
  input: PayStaffInput;
}>;


export type PayStaffMutation = { payStaff: { id: number, tradeNo: string, state: TradeState, payType: PayType, provider: PaymentProvider, payUrl: string, prodName: string, prodPrice: string, payAmount: string, refundAmount: string, currency: string, periodDays: number, periodStart: string | null, periodEnd: string | null, staffId: number, createdAt: string, paidAt: string | null, expiresAt: string, refundedAt: string | null, staff: { id: number, name: string } | null } };

export type BillingTradeOneQueryVariables = Exact<{
  tradeNo: string;
}>;


export type BillingTradeOneQuery = { trade: { id: number, tradeNo: string, state: TradeState, payType: PayType, provider: PaymentProvider, payUrl: string, prodName: string, prodPrice: string, payAmount: string, refundAmount: string, currency: string, periodDays: number, periodStart: string | null, periodEnd: string | null, staffId: number, createdAt: string, paidAt: string | null, expiresAt: string, refundedAt: string | null, staff: { id: number, name: string } | null } };

export type BillingTradeUpdatedSubscriptionVariables = Exact<{
  tradeNo?: string | null | undefined;
}>;


export type BillingTradeUpdatedSubscription = { tradeUpdated: { tradeNo: string, state: TradeState, trade: { id: number, tradeNo: string, state: TradeState, payType: PayType, provider: PaymentProvider, payUrl: string, prodName: string, prodPrice: string, payAmount: string, refundAmount: string, currency: string, periodDays: number, periodStart: string | null, periodEnd: string | null, staffId: number, createdAt: string, paidAt: string | null, expiresAt: string, refundedAt: string | null, staff: { id: number, name: string } | null } | null } };

export type MerchantTradesQueryVariables = Exact<{
  filter?: TradeFilterInput | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type MerchantTradesQuery = { trades: { total: number, pageNo: number, pageSize: number, items: Array<{ id: number, tradeNo: string, state: TradeState, payType: PayType, provider: PaymentProvider, payUrl: string, prodName: string, prodPrice: string, payAmount: string, refundAmount: string, currency: string, periodDays: number, periodStart: string | null, periodEnd: string | null, staffId: number, createdAt: string, paidAt: string | null, expiresAt: string, refundedAt: string | null, staff: { id: number, name: string } | null }> } };

export type MerchantLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type MerchantLoginMutation = { login: { token: string, expiresAt: string, role: Role } };

export type AgentLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type AgentLoginMutation = { agentLogin: { token: string, expiresAt: string } };

export type AdminLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type AdminLoginMutation = { adminLogin: { token: string, expiresAt: string, role: Role } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type PlatformMerchantsQueryVariables = Exact<{
  search?: string | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type PlatformMerchantsQuery = { merchants: { total: number, pageNo: number, pageSize: number, items: Array<{ id: number, userName: string, email: string, isFrozen: boolean, createdAt: string }> } };

export type PlatformSetMerchantFrozenMutationVariables = Exact<{
  id: number;
  frozen: boolean;
}>;


export type PlatformSetMerchantFrozenMutation = { setMerchantFrozen: { id: number, isFrozen: boolean } };

export type PlatformProductFragment = { id: number, serialNo: string, name: string, description: string, price: string, currency: string, expiringDays: number, trialDays: number, language: ProductLanguage, state: ProductState, updatedAt: string };

export type PlatformProductsQueryVariables = Exact<{
  filter?: ProductFilterInput | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type PlatformProductsQuery = { products: { total: number, pageNo: number, pageSize: number, items: Array<{ id: number, serialNo: string, name: string, description: string, price: string, currency: string, expiringDays: number, trialDays: number, language: ProductLanguage, state: ProductState, updatedAt: string }> } };

export type PlatformCreateProductMutationVariables = Exact<{
  input: ProductCreateInput;
}>;


export type PlatformCreateProductMutation = { createProduct: { id: number, serialNo: string, name: string, description: string, price: string, currency: string, expiringDays: number, trialDays: number, language: ProductLanguage, state: ProductState, updatedAt: string } };

export type PlatformUpdateProductMutationVariables = Exact<{
  id: number;
  input: ProductUpdateInput;
}>;


export type PlatformUpdateProductMutation = { updateProduct: { id: number, serialNo: string, name: string, description: string, price: string, currency: string, expiringDays: number, trialDays: number, language: ProductLanguage, state: ProductState, updatedAt: string } };

export type PlatformDeleteProductMutationVariables = Exact<{
  id: number;
}>;


export type PlatformDeleteProductMutation = { deleteProduct: boolean };

export type PlatformTradesQueryVariables = Exact<{
  filter?: TradeFilterInput | null | undefined;
  page?: PageInput | null | undefined;
}>;


export type PlatformTradesQuery = { trades: { total: number, pageNo: number, pageSize: number, items: Array<{ id: number, tradeNo: string, state: TradeState, payType: PayType, provider: PaymentProvider, prodName: string, payAmount: string, refundAmount: string, currency: string, periodDays: number, merchantId: number, staffId: number, createdAt: string, paidAt: string | null, refundedAt: string | null, staff: { id: number, name: string } | null }> } };

export type PlatformRefundTradeMutationVariables = Exact<{
  tradeNo: string;
  reason?: string | null | undefined;
}>;


export type PlatformRefundTradeMutation = { refundTrade: { id: number, tradeNo: string, state: TradeState, refundAmount: string, refundedAt: string | null } };

export type ReportStaffsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportStaffsQuery = { staffs: { items: Array<{ id: number, name: string }> } };

export type HelpdeskReportViewQueryVariables = Exact<{
  input: ReportInput;
}>;


export type HelpdeskReportViewQuery = { helpdeskReport: { from: string, to: string, timeZone: string, total: { conversations: number, aiOnly: number, aiOnlyRate: number, handedOff: number, handoffRate: number, avgQueueWaitSeconds: number | null, avgFirstResponseSeconds: number | null, avgResolutionSeconds: number | null, csatAverage: number | null, csatCount: number, handoffReasons: Array<{ reason: string, count: number }> }, byDay: Array<{ day: string, conversations: number, aiOnly: number, aiOnlyRate: number, handedOff: number, handoffRate: number, avgQueueWaitSeconds: number | null, avgFirstResponseSeconds: number | null, csatAverage: number | null, csatCount: number }>, byStaff: Array<{ id: number, name: string, conversations: number, aiOnlyRate: number, handoffRate: number, avgQueueWaitSeconds: number | null, avgFirstResponseSeconds: number | null, csatAverage: number | null, csatCount: number }>, byAgent: Array<{ id: number, name: string, conversations: number, handedOff: number, avgQueueWaitSeconds: number | null, avgFirstResponseSeconds: number | null, csatAverage: number | null, csatCount: number }> } };

export const BillingTradeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillingTrade"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trade"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"payType"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"payUrl"}},{"kind":"Field","name":{"kind":"Name","value":"prodName"}},{"kind":"Field","name":{"kind":"Name","value":"prodPrice"}},{"kind":"Field","name":{"kind":"Name","value":"payAmount"}},{"kind":"Field","name":{"kind":"Name","value":"refundAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"periodDays"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refundedAt"}}]}}]} as unknown as DocumentNode<BillingTradeFragment, unknown>;
export const PlatformProductFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlatformProduct"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNo"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"expiringDays"}},{"kind":"Field","name":{"kind":"Name","value":"trialDays"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<PlatformProductFragment, unknown>;
export const BillingStaffsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingStaffs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"IntValue","value":"100"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"trialTime"}},{"kind":"Field","name":{"kind":"Name","value":"expiringTime"}}]}}]}}]}}]} as unknown as DocumentNode<BillingStaffsQuery, BillingStaffsQueryVariables>;
export const OnSaleProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OnSaleProducts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"IntValue","value":"100"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"expiringDays"}},{"kind":"Field","name":{"kind":"Name","value":"trialDays"}},{"kind":"Field","name":{"kind":"Name","value":"language"}}]}}]}}]}}]} as unknown as DocumentNode<OnSaleProductsQuery, OnSaleProductsQueryVariables>;
export const PayStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PayStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PayStaffInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payStaff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillingTrade"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillingTrade"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trade"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"payType"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"payUrl"}},{"kind":"Field","name":{"kind":"Name","value":"prodName"}},{"kind":"Field","name":{"kind":"Name","value":"prodPrice"}},{"kind":"Field","name":{"kind":"Name","value":"payAmount"}},{"kind":"Field","name":{"kind":"Name","value":"refundAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"periodDays"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refundedAt"}}]}}]} as unknown as DocumentNode<PayStaffMutation, PayStaffMutationVariables>;
export const BillingTradeOneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingTradeOne"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tradeNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trade"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tradeNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tradeNo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillingTrade"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillingTrade"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trade"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"payType"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"payUrl"}},{"kind":"Field","name":{"kind":"Name","value":"prodName"}},{"kind":"Field","name":{"kind":"Name","value":"prodPrice"}},{"kind":"Field","name":{"kind":"Name","value":"payAmount"}},{"kind":"Field","name":{"kind":"Name","value":"refundAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"periodDays"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refundedAt"}}]}}]} as unknown as DocumentNode<BillingTradeOneQuery, BillingTradeOneQueryVariables>;
export const BillingTradeUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BillingTradeUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tradeNo"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tradeUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tradeNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tradeNo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"trade"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillingTrade"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillingTrade"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trade"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"payType"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"payUrl"}},{"kind":"Field","name":{"kind":"Name","value":"prodName"}},{"kind":"Field","name":{"kind":"Name","value":"prodPrice"}},{"kind":"Field","name":{"kind":"Name","value":"payAmount"}},{"kind":"Field","name":{"kind":"Name","value":"refundAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"periodDays"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refundedAt"}}]}}]} as unknown as DocumentNode<BillingTradeUpdatedSubscription, BillingTradeUpdatedSubscriptionVariables>;
export const MerchantTradesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MerchantTrades"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TradeFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trades"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"pageNo"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillingTrade"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillingTrade"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Trade"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"payType"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"payUrl"}},{"kind":"Field","name":{"kind":"Name","value":"prodName"}},{"kind":"Field","name":{"kind":"Name","value":"prodPrice"}},{"kind":"Field","name":{"kind":"Name","value":"payAmount"}},{"kind":"Field","name":{"kind":"Name","value":"refundAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"periodDays"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refundedAt"}}]}}]} as unknown as DocumentNode<MerchantTradesQuery, MerchantTradesQueryVariables>;
export const MerchantLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MerchantLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<MerchantLoginMutation, MerchantLoginMutationVariables>;
export const AgentLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AgentLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<AgentLoginMutation, AgentLoginMutationVariables>;
export const AdminLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<AdminLoginMutation, AdminLoginMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const PlatformMerchantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlatformMerchants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"pageNo"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"isFrozen"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<PlatformMerchantsQuery, PlatformMerchantsQueryVariables>;
export const PlatformSetMerchantFrozenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlatformSetMerchantFrozen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"frozen"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMerchantFrozen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"frozen"},"value":{"kind":"Variable","name":{"kind":"Name","value":"frozen"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isFrozen"}}]}}]}}]} as unknown as DocumentNode<PlatformSetMerchantFrozenMutation, PlatformSetMerchantFrozenMutationVariables>;
export const PlatformProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlatformProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"pageNo"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlatformProduct"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlatformProduct"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNo"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"expiringDays"}},{"kind":"Field","name":{"kind":"Name","value":"trialDays"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<PlatformProductsQuery, PlatformProductsQueryVariables>;
export const PlatformCreateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlatformCreateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlatformProduct"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlatformProduct"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNo"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"expiringDays"}},{"kind":"Field","name":{"kind":"Name","value":"trialDays"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<PlatformCreateProductMutation, PlatformCreateProductMutationVariables>;
export const PlatformUpdateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlatformUpdateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlatformProduct"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlatformProduct"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNo"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"expiringDays"}},{"kind":"Field","name":{"kind":"Name","value":"trialDays"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<PlatformUpdateProductMutation, PlatformUpdateProductMutationVariables>;
export const PlatformDeleteProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlatformDeleteProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<PlatformDeleteProductMutation, PlatformDeleteProductMutationVariables>;
export const PlatformTradesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlatformTrades"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TradeFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"page"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trades"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"Variable","name":{"kind":"Name","value":"page"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"pageNo"}},{"kind":"Field","name":{"kind":"Name","value":"pageSize"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"payType"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"prodName"}},{"kind":"Field","name":{"kind":"Name","value":"payAmount"}},{"kind":"Field","name":{"kind":"Name","value":"refundAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"periodDays"}},{"kind":"Field","name":{"kind":"Name","value":"merchantId"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"refundedAt"}}]}}]}}]}}]} as unknown as DocumentNode<PlatformTradesQuery, PlatformTradesQueryVariables>;
export const PlatformRefundTradeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlatformRefundTrade"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tradeNo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refundTrade"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tradeNo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tradeNo"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tradeNo"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"refundAmount"}},{"kind":"Field","name":{"kind":"Name","value":"refundedAt"}}]}}]}}]} as unknown as DocumentNode<PlatformRefundTradeMutation, PlatformRefundTradeMutationVariables>;
export const ReportStaffsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportStaffs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"page"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"pageSize"},"value":{"kind":"IntValue","value":"100"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ReportStaffsQuery, ReportStaffsQueryVariables>;
export const HelpdeskReportViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HelpdeskReportView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"helpdeskReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversations"}},{"kind":"Field","name":{"kind":"Name","value":"aiOnly"}},{"kind":"Field","name":{"kind":"Name","value":"aiOnlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"handedOff"}},{"kind":"Field","name":{"kind":"Name","value":"handoffRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgQueueWaitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"avgFirstResponseSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"avgResolutionSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"csatAverage"}},{"kind":"Field","name":{"kind":"Name","value":"csatCount"}},{"kind":"Field","name":{"kind":"Name","value":"handoffReasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byDay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"conversations"}},{"kind":"Field","name":{"kind":"Name","value":"aiOnly"}},{"kind":"Field","name":{"kind":"Name","value":"aiOnlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"handedOff"}},{"kind":"Field","name":{"kind":"Name","value":"handoffRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgQueueWaitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"avgFirstResponseSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"csatAverage"}},{"kind":"Field","name":{"kind":"Name","value":"csatCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byStaff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"conversations"}},{"kind":"Field","name":{"kind":"Name","value":"aiOnlyRate"}},{"kind":"Field","name":{"kind":"Name","value":"handoffRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgQueueWaitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"avgFirstResponseSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"csatAverage"}},{"kind":"Field","name":{"kind":"Name","value":"csatCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byAgent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"conversations"}},{"kind":"Field","name":{"kind":"Name","value":"handedOff"}},{"kind":"Field","name":{"kind":"Name","value":"avgQueueWaitSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"avgFirstResponseSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"csatAverage"}},{"kind":"Field","name":{"kind":"Name","value":"csatCount"}}]}}]}}]}}]} as unknown as DocumentNode<HelpdeskReportViewQuery, HelpdeskReportViewQueryVariables>;
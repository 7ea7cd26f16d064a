/** The seed's trade states: 0=等待付款 1=已完成付款 2=付款超时关闭 3=已退款 4=已结束[不可退款] 5=支付平台异常. */
export enum TradeState {
  PENDING = 0,
  PAID = 1,
  CLOSED = 2,
  REFUNDED = 3,
  /** Paid and no longer refundable (Alipay's TRADE_FINISHED). */
  FINISHED = 4,
  /** A payment arrived that could not be credited (e.g. after the trade closed); kept for the admin to settle. */
  ABNORMAL = 5,
}

/** The seed's pay_type values. */
export enum PayType {
  WXPAY = 'wxpay',
  ALIPAY = 'alipay',
  STRIPE = 'stripe',
}

/** Who actually handles a trade: the real provider for its pay_type, or the built-in sandbox. */
export enum PaymentProviderName {
  SANDBOX = 'sandbox',
  STRIPE = 'stripe',
  ALIPAY = 'alipay',
  WXPAY = 'wxpay',
}

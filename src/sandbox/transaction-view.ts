import type { Order, TradeState } from './store'

const STATE_DESC: Record<TradeState, string> = {
  SUCCESS: '支付成功',
  NOTPAY: '订单未支付',
  CLOSED: '订单已关闭',
  REFUND: '订单发生过退款'
}

/** The transaction object as the query API answers it and the TRANSACTION.SUCCESS resource holds it. */
export function transactionView(order: Order): Record<string, unknown> {
  const paid = order.transactionId !== undefined
  return {
    appid: order.appid,
    mchid: order.mchid,
    out_trade_no: order.outTradeNo,
    ...(paid
      ? {
          transaction_id: order.transactionId,
          trade_type: 'JSAPI',
          bank_type: 'OTHERS',
          success_time: order.successTime,
          // The attach is echoed only once the order is paid.
          ...(order.attach !== undefined ? { attach: order.attach } : {})
        }
      : {}),
    trade_state: order.tradeState,
    trade_state_desc: STATE_DESC[order.tradeState],
    payer: paid ? { openid: order.openid } : {},
    amount: paid
      ? { total: order.totalFen, payer_total: order.totalFen, currency: order.currency, payer_currency: order.currency }
      : { total: order.totalFen, currency: order.currency, payer_currency: order.currency },
    promotion_detail: []
  }
}

import type { Deps } from './deps'
import type { PushDelivery } from './message-push'
import type { TradeOrder } from './mp-store'

const seconds = (ms: number): number => Math.floor(ms / 1000)
const DAY_MS = 86_400_000

function orderFields(o: TradeOrder): Record<string, unknown> {
  return {
    transaction_id: o.transactionId,
    merchant_id: o.mchid,
    sub_merchant_id: '',
    merchant_trade_no: o.outTradeNo,
    pay_time: seconds(o.paidAt)
  }
}

// NOTE: trade_manage_order_settlement fires twice: once when the order is fully shipped (with
// estimated_settlement_time) and once when it settles (with confirm_receive_method, confirm_receive_time
// and settlement_time). Settlement comes T+10 days after express shipping, T+2 for the other kinds.
export function pushShipped(d: Deps, o: TradeOrder): Promise<PushDelivery> {
  const shippedAt = o.shipping?.shippedAt ?? d.o.now()
  const days = o.shipping?.logisticsType === 1 ? 10 : 2
  return d.pusher.push('trade_manage_order_settlement', {
    ...orderFields(o),
    shipped_time: seconds(shippedAt),
    estimated_settlement_time: seconds(shippedAt + days * DAY_MS)
  }, o.openid, o.transactionId)
}

export function pushSettled(d: Deps, o: TradeOrder): Promise<PushDelivery> {
  return d.pusher.push('trade_manage_order_settlement', {
    ...orderFields(o),
    shipped_time: seconds(o.shipping?.shippedAt ?? o.paidAt),
    confirm_receive_method: o.confirmMethod ?? 1,
    confirm_receive_time: seconds(o.confirmedAt ?? d.o.now()),
    settlement_time: seconds(o.settledAt ?? d.o.now())
  }, o.openid, o.transactionId)
}

export function pushRemindShipping(d: Deps, o: TradeOrder): Promise<PushDelivery> {
  return d.pusher.push('trade_manage_remind_shipping', {
    ...orderFields(o),
    msg: '你的小程序有订单超过 48 小时未发货，请尽快发货并录入发货信息，以免影响资金结算'
  }, o.openid, o.transactionId)
}

import type { Deps } from './deps'
import type { PushDelivery } from './message-push'
import { wxError, type WxError } from './mp-errors'
import type { TradeOrder } from './mp-store'
import { pushSettled } from './trade-pushes'
import { orderByQuery } from './trade-orders'

export type Refusal = { code: string; message: string }

const STATE_NAME = ['', '待发货', '已发货', '已确认收货', '交易完成', '已退款']

/** The shopper confirms in WeChat's confirm sheet: only a shipped (2) order can be. */
export function confirmReceipt(d: Deps, o: TradeOrder): Refusal | null {
  if (o.state !== 2) return { code: 'NOT_SHIPPED', message: `订单状态为「${STATE_NAME[o.state]}」，只有已发货的订单可以确认收货` }
  o.state = 3
  o.confirmedAt = d.o.now()
  o.confirmMethod = 2
  d.o.log(`receipt confirmed ${o.transactionId}`)
  return null
}

/**
 * The money is released (4) and the settlement push goes out. From 已发货 it plays the automatic
 * confirmation after the waiting period; from 确认收货 the shopper's own.
 */
export async function settle(d: Deps, o: TradeOrder): Promise<{ refused: Refusal } | { push: PushDelivery }> {
  if (o.state !== 2 && o.state !== 3) {
    return { refused: { code: 'NOT_SETTLEABLE', message: `订单状态为「${STATE_NAME[o.state]}」，只有已发货或已确认收货的订单可以结算` } }
  }
  const now = d.o.now()
  if (o.state === 2) {
    o.confirmedAt = now
    o.confirmMethod = 1
  }
  o.state = 4
  o.settledAt = now
  d.o.log(`settled ${o.transactionId}`)
  return { push: await pushSettled(d, o) }
}

/** POST /wxa/sec/order/notify_confirm_receive: one reminder per shipped express order. */
export function notifyConfirmReceive(d: Deps, body: Record<string, unknown>): Record<string, unknown> | WxError {
  const o = orderByQuery(d, body)
  if ('errcode' in o) return o
  if (o.state !== 2) return wxError(10060028, `order_state is ${o.state}`)
  if (o.shipping?.logisticsType !== 1) return wxError(10060032)
  if (o.receiptReminder) return wxError(10060030)
  const received = body.received_time
  const shippedSec = Math.floor((o.shipping.shippedAt ?? o.paidAt) / 1000)
  if (typeof received !== 'number' || !Number.isInteger(received)) return wxError(10060029, 'received_time must be unix seconds')
  if (received < shippedSec || received > Math.floor(d.o.now() / 1000)) {
    return wxError(10060029, 'received_time must be after the shipping time and not in the future')
  }
  o.receiptReminder = { receivedTime: received, at: d.o.now() }
  return {}
}

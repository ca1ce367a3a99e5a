import type { Deps } from './deps'
import { beijingTime, transactionId } from './ids'
import type { Delivery } from './notifier'
import type { Order } from './store'
import { recordPaidOrder } from './trade-orders'
import { transactionView } from './transaction-view'

export type PayableCheck =
  | { ok: true; order: Order }
  | { ok: false; status: number; code: 'PREPAY_NOT_FOUND' | 'PREPAY_EXPIRED' | 'ORDER_CLOSED' | 'ORDER_EXPIRED' | 'ORDER_PAID'; message: string; order?: Order }

/** Whether the shopper can pay this prepay_id now, as the WeChat cashier would see it. */
export function checkPayable(d: Deps, prepayId: string): PayableCheck {
  const prepay = d.store.prepays.get(prepayId)
  const order = prepay && d.store.orders.get(prepay.outTradeNo)
  if (!prepay || !order) return { ok: false, status: 404, code: 'PREPAY_NOT_FOUND', message: '找不到这笔订单（prepay_id 无效）' }
  if (order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND') {
    return { ok: false, status: 409, code: 'ORDER_PAID', message: '该订单已支付', order }
  }
  if (order.tradeState === 'CLOSED') return { ok: false, status: 409, code: 'ORDER_CLOSED', message: '订单已关闭，无法支付', order }
  if (order.prepayId !== prepayId || prepay.expiresAt <= d.o.now()) {
    return { ok: false, status: 410, code: 'PREPAY_EXPIRED', message: 'prepay_id 已失效（有效期 2 小时），请重新下单', order }
  }
  if (order.timeExpire && Date.parse(order.timeExpire) <= d.o.now()) {
    return { ok: false, status: 410, code: 'ORDER_EXPIRED', message: '订单已超过支付截止时间', order }
  }
  return { ok: true, order }
}

/**
 * The shopper pays: the order becomes SUCCESS and TRANSACTION.SUCCESS goes to its notify_url.
 * Resolves once the first attempt of every copy has an answer; retries carry on in the background.
 */
export async function pay(d: Deps, order: Order): Promise<Delivery[]> {
  const now = d.o.now()
  order.tradeState = 'SUCCESS'
  order.transactionId = transactionId(now)
  order.successTime = beijingTime(now)
  d.store.byTransactionId.set(order.transactionId, order.outTradeNo)
  // Every JSAPI payment of a trade-managed mini-program waits for its shipping info.
  recordPaidOrder(d, order)
  d.o.log(`paid ${order.outTradeNo} ${order.totalFen} fen, transaction ${order.transactionId}`)
  return d.notifier.send({
    url: order.notifyUrl,
    eventType: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    originalType: 'transaction',
    resource: transactionView(order),
    outTradeNo: order.outTradeNo,
    copies: d.control.duplicates
  })
}

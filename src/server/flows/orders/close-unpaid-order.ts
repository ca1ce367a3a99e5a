/**
 * Closes an unpaid order for good (the shopper's cancel, or the timeout
 * job): first at WeChat Pay when a JSAPI order may exist there, so nobody
 * can pay it afterwards, then here, returning the stock. If WeChat says it
 * was paid meanwhile, the payment wins and the order is marked paid.
 * When WeChat cannot be reached nothing changes; the job tries again.
 */
import { err, ok, type Result } from '@core/result'
import { findOrder, type OrderRow } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { wechatCodeOf } from '../../wechat/pay/transport'
import { syncOrderPayment } from '../payments/sync-order-payment'
import { closeLocally } from './close-locally'

export type CloseOutcome = 'closed' | 'paid' | 'already_closed'

export async function closeUnpaidOrder(deps: Deps, order: OrderRow): Promise<Result<CloseOutcome>> {
  if (order.status === 'closed') return ok('already_closed')
  if (order.status !== 'pending_payment') return err('ALREADY_PAID', `Order ${order.id} is ${order.status}; it cannot be closed`)
  if (order.payRequestedAt !== null && deps.pay) {
    const closed = await deps.pay.closeOrder(order.outTradeNo)
    const code = wechatCodeOf(closed)
    if (code === 'ORDERPAID') {
      const synced = await syncOrderPayment(deps, order)
      if (!synced.ok) return synced
      return ok('paid')
    }
    // ORDER_NOT_EXIST: the JSAPI order never reached WeChat; ORDER_CLOSED: already closed there.
    if (!closed.ok && code !== 'ORDER_NOT_EXIST' && code !== 'ORDER_CLOSED') return closed
  }
  if (await closeLocally(deps, order)) return ok('closed')
  // Another writer moved it first: a notification (paid) or another close.
  const now = await findOrder(deps.db, order.id)
  return ok(now?.status === 'closed' ? 'already_closed' : 'paid')
}

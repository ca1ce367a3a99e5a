/**
 * POST /orders/:id/pay: a JSAPI order at WeChat Pay for our order (its
 * time_expire is the order's expiry, notify_url is PUBLIC_BASE_URL's notify
 * route, attach is the order id), then the requestPayment parameters with
 * paySign. Asking again returns fresh parameters for the same WeChat order.
 * The order is marked as sent to WeChat before the call, so the close job
 * knows to close it there even if our process dies mid-call.
 */
import { err, ok, type Result } from '@core/result'
import { isOrderExpired } from '@core/order'
import { findOrder, findOrderForPay, markPayRequested, savePrepayIdReadingStatus, type OrderRow } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import type { RequestPaymentParams } from '../../wechat/pay/client'
import { wechatCodeOf } from '../../wechat/pay/transport'
import { paidFenOf, payDescription } from '../orders/order-view'
import { syncOrderPayment } from './sync-order-payment'

export const PAY_NOTIFY_PATH = '/api/v1/wechatpay/notify'

function notPayable(order: OrderRow): Result<never> {
  if (order.status === 'closed') return err('ORDER_CLOSED', 'This order is closed; place a new order')
  return err('ALREADY_PAID', `This order is already ${order.status}`)
}

export async function payOrder(deps: Deps, userId: string, orderId: string): Promise<Result<RequestPaymentParams>> {
  const pay = deps.pay
  if (!pay) return err('PAY_NOT_CONFIGURED', 'WeChat Pay is not configured on this server (WECHATPAY_* variables)')
  // The order and its buyer's openid in one read.
  const found = await findOrderForPay(deps.db, orderId)
  if (!found || found.userId !== userId) return err('ORDER_NOT_FOUND', `No order ${orderId}`)
  const { buyerOpenid: openid, ...order } = found
  if (order.status !== 'pending_payment') return notPayable(order)
  const now = deps.clock.now()
  if (isOrderExpired(order.expiresAt, now.getTime())) return err('ORDER_EXPIRED', 'The time to pay this order is over; it will close shortly')
  if (!openid) return err('ORDER_NOT_FOUND', `No shopper ${userId}`)

  if (!(await markPayRequested(deps.db, order.id, now.toISOString()))) {
    const current = await findOrder(deps.db, order.id)
    return notPayable(current ?? order)
  }
  const created = await pay.createJsapiOrder({
    description: payDescription(order),
    outTradeNo: order.outTradeNo,
    timeExpire: new Date(order.expiresAt),
    notifyUrl: `${deps.config.publicBaseUrl}${PAY_NOTIFY_PATH}`,
    attach: order.id,
    // What the shopper pays: the total less the coupon's discount.
    totalFen: paidFenOf(order),
    openid
  })
  if (!created.ok) {
    const code = wechatCodeOf(created)
    if (code === 'ORDERPAID') {
      await syncOrderPayment(deps, { ...order, payRequestedAt: now.toISOString() })
      return err('ALREADY_PAID', 'This order is already paid')
    }
    if (code === 'ORDER_CLOSED') return err('ORDER_CLOSED', 'WeChat Pay has closed this order; place a new order')
    return created
  }
  // A cancel that ran while WeChat was creating the order found nothing to close there: close it now.
  const statusAfter = await savePrepayIdReadingStatus(deps.db, order.id, created.value.prepayId)
  if (statusAfter === 'closed') {
    const closed = await pay.closeOrder(order.outTradeNo)
    if (!closed.ok) return closed
    return err('ORDER_CLOSED', 'This order was cancelled; place a new order')
  }
  return ok(await pay.requestPayment(created.value.prepayId))
}

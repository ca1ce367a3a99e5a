/**
 * Sends (or re-sends: same out_refund_no, refunded once) a refund to WeChat
 * Pay and applies a final answer at once. A refusal (4xx) fails the refund
 * and puts the order back; no answer (PAY_UNAVAILABLE, PAY_BAD_ANSWER)
 * leaves it processing for reconciliation.
 */
import { ok, type Result } from '@core/result'
import type { OrderRow } from '../../db/repos/order-repo'
import { markRefundChecked, type RefundRow } from '../../db/repos/refund-repo'
import type { Deps } from '../../deps'
import { paidFenOf } from '../orders/order-view'
import { settleRefund } from './settle-refund'

export const REFUND_NOTIFY_PATH = '/api/v1/wechatpay/refund-notify'

export async function sendRefund(deps: Deps, refund: RefundRow, order: OrderRow): Promise<Result<void>> {
  const pay = deps.pay
  if (!pay) return ok(undefined)
  const answer = await pay.refund({
    outTradeNo: order.outTradeNo,
    outRefundNo: refund.outRefundNo,
    reason: refund.reason,
    notifyUrl: `${deps.config.publicBaseUrl}${REFUND_NOTIFY_PATH}`,
    refundFen: refund.amountFen,
    totalFen: paidFenOf(order)
  })
  if (!answer.ok) {
    if (answer.error.code === 'PAY_REJECTED') await settleRefund(deps, refund, 'FAILED', { reason: answer.error.message })
    return answer
  }
  const r = answer.value
  if (r.status === 'PROCESSING') await markRefundChecked(deps.db, refund.id, deps.clock.now().toISOString(), r.refundId)
  else await settleRefund(deps, refund, r.status, { wechatRefundId: r.refundId })
  return ok(undefined)
}

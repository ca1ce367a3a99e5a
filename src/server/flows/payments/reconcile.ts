/**
 * The reconciliation job (WeChat's advice: notifications can be lost, so
 * ask): unpaid orders sent to WeChat a few minutes ago or more, not asked
 * about in the last few minutes, are queried (SUCCESS → paid, CLOSED →
 * closed, NOTPAY → asked again later); refunds still processing are
 * queried too, and re-sent with the same out_refund_no when WeChat never
 * got them.
 */
import { findOrder, listOrdersToReconcile } from '../../db/repos/order-repo'
import { listOpenRefunds, markRefundChecked } from '../../db/repos/refund-repo'
import type { Deps } from '../../deps'
import { wechatCodeOf } from '../../wechat/pay/transport'
import { sendRefund } from '../refunds/send-refund'
import { settleRefund } from '../refunds/settle-refund'
import { syncOrderPayment } from './sync-order-payment'

export const RECONCILE_AFTER_MS = 3 * 60_000

export interface ReconcileReport {
  orders: Record<string, string>
  refunds: Record<string, string>
}

export async function reconcilePayments(deps: Deps, limit = 20): Promise<ReconcileReport> {
  const report: ReconcileReport = { orders: {}, refunds: {} }
  if (!deps.pay) return report
  const now = deps.clock.now()
  const before = new Date(now.getTime() - RECONCILE_AFTER_MS).toISOString()
  for (const order of await listOrdersToReconcile(deps.db, { createdBefore: before, checkedBefore: before, limit })) {
    const r = await syncOrderPayment(deps, order)
    report.orders[order.id] = r.ok ? r.value : r.error.code
  }
  for (const refund of await listOpenRefunds(deps.db, { createdBefore: before, checkedBefore: before, limit })) {
    const answer = await deps.pay.queryRefund(refund.outRefundNo)
    if (answer.ok && answer.value.status !== 'PROCESSING') {
      report.refunds[refund.id] = await settleRefund(deps, refund, answer.value.status, { wechatRefundId: answer.value.refundId })
      continue
    }
    await markRefundChecked(deps.db, refund.id, now.toISOString(), answer.ok ? answer.value.refundId : undefined)
    if (!answer.ok && wechatCodeOf(answer) === 'RESOURCE_NOT_EXISTS') {
      const order = await findOrder(deps.db, refund.orderId)
      const resent = order ? await sendRefund(deps, refund, order) : undefined
      report.refunds[refund.id] = resent?.ok ? 'resent' : (resent?.error.code ?? 'ORDER_NOT_FOUND')
      continue
    }
    report.refunds[refund.id] = answer.ok ? 'processing' : answer.error.code
  }
  return report
}

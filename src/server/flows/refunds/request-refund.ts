/**
 * POST /api/admin/orders/:id/refund (admins): beginRefund moves the order to
 * refunding and writes the refund row in one transaction with the audit
 * entry; then WeChat Pay is asked. A definite refusal puts the order back;
 * no answer leaves the refund processing for the reconciliation job, which
 * asks again with the same out_refund_no.
 */
import type { AdminOrderDto } from '@core/contract/admin-orders'
import { err, ok, type Result } from '@core/result'
import { findOrder } from '../../db/repos/order-repo'
import { markRefundChecked } from '../../db/repos/refund-repo'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'
import { Rollback } from '../orders/rollback'
import { getOrderForStaff } from '../orders/admin-orders'
import { beginRefund } from './begin-refund'
import { sendRefund } from './send-refund'

export async function requestRefund(
  deps: Deps,
  staffId: string,
  orderId: string,
  input: { amountFen: number; reason: string }
): Promise<Result<AdminOrderDto>> {
  if (!deps.pay) return err('PAY_NOT_CONFIGURED', 'WeChat Pay is not configured on this server (WECHATPAY_* variables)')
  const order = await findOrder(deps.db, orderId)
  if (!order) return err('ORDER_NOT_FOUND', `No order ${orderId}`)
  const now = deps.clock.now()
  let started
  try {
    started = await deps.db.transaction().execute(async (trx) => {
      const refund = await beginRefund(trx, order, { ...input, createdBy: staffId, now })
      if (!refund.ok) throw new Rollback(refund)
      await recordAudit(trx, now, staffId, 'order.refund', { type: 'order', id: orderId }, { amountFen: input.amountFen, reason: input.reason, outRefundNo: refund.value.id })
      return refund.value
    })
  } catch (e) {
    if (e instanceof Rollback) return e.result
    throw e
  }

  const sent = await sendRefund(deps, started, order)
  if (!sent.ok && sent.error.code === 'PAY_REJECTED') return sent
  if (!sent.ok) await markRefundChecked(deps.db, started.id, now.toISOString())
  const view = await getOrderForStaff(deps, orderId)
  return view.ok ? ok(view.value) : view
}

/**
 * POST /api/admin/orders/:id/refund (admins): core's transition decides
 * whether this amount may be refunded now; the order moves to refunding and
 * the refund row (its id is the out_refund_no, WeChat's idempotency key)
 * is written in one transaction; then WeChat Pay is asked. A definite
 * refusal puts the order back; no answer leaves the refund processing for
 * the reconciliation job, which asks again with the same out_refund_no.
 */
import { err, ok, type Result } from '@core/result'
import { transition } from '@core/order'
import { findOrder, updateRefundState } from '../../db/repos/order-repo'
import { insertRefund, markRefundChecked, type RefundRow } from '../../db/repos/refund-repo'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { recordAudit } from '../audit/record-audit'
import { getOrderForStaff, type AdminOrderDto } from '../orders/admin-orders'
import { stateOf } from '../orders/order-view'
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
  const next = transition(stateOf(order), 'request_refund', { amountFen: input.amountFen })
  if (!next.ok) return next
  const now = deps.clock.now()
  const at = now.toISOString()
  const id = newId('rfd')
  const refund: RefundRow = {
    id,
    orderId,
    outRefundNo: id,
    amountFen: input.amountFen,
    reason: input.reason,
    status: 'processing',
    wechatRefundId: null,
    createdBy: staffId,
    createdAt: at,
    updatedAt: at,
    settledAt: null,
    checkedAt: null
  }
  const started = await deps.db.transaction().execute(async (trx) => {
    const to = {
      status: next.value.status,
      refundedFen: next.value.refundedFen,
      refundingFen: next.value.refundingFen ?? null,
      statusBeforeRefund: next.value.statusBeforeRefund ?? null
    }
    if (!(await updateRefundState(trx, orderId, { status: order.status, refundedFen: order.refundedFen }, to, at))) return false
    await insertRefund(trx, refund)
    await recordAudit(trx, now, staffId, 'order.refund', { type: 'order', id: orderId }, { amountFen: input.amountFen, reason: input.reason, outRefundNo: id })
    return true
  })
  if (!started) return err('CONFLICT', 'The order changed while the refund was being started; reload and try again')

  const sent = await sendRefund(deps, refund, order)
  if (!sent.ok && sent.error.code === 'PAY_REJECTED') return sent
  if (!sent.ok) await markRefundChecked(deps.db, id, at)
  const view = await getOrderForStaff(deps, orderId)
  return view.ok ? ok(view.value) : view
}

/**
 * The first half of every refund (staff's direct refund and an after-sales
 * payout alike), inside the caller's transaction: core's transition decides
 * whether this amount may be refunded now, the order moves to refunding
 * (conditional on the status and refunded amount it was read with) and the
 * refund row is written; its id is the out_refund_no, WeChat's idempotency
 * key. The caller sends it with sendRefund after the commit.
 */
import { err, ok, type Result } from '@core/result'
import { transition } from '@core/order'
import type { Executor } from '../../db/database'
import { updateRefundState, type OrderRow } from '../../db/repos/order-repo'
import { insertRefund, type RefundRow } from '../../db/repos/refund-repo'
import { newId } from '../../ids'
import { stateOf } from '../orders/order-view'

export async function beginRefund(
  trx: Executor,
  order: OrderRow,
  r: { amountFen: number; reason: string; createdBy: string | null; now: Date }
): Promise<Result<RefundRow>> {
  const next = transition(stateOf(order), 'request_refund', { amountFen: r.amountFen })
  if (!next.ok) return next
  const at = r.now.toISOString()
  const id = newId('rfd')
  const refund: RefundRow = {
    id,
    orderId: order.id,
    outRefundNo: id,
    amountFen: r.amountFen,
    // WeChat Pay shows the reason to the shopper and takes at most 80 characters.
    reason: Array.from(r.reason).slice(0, 80).join(''),
    status: 'processing',
    wechatRefundId: null,
    createdBy: r.createdBy,
    createdAt: at,
    updatedAt: at,
    settledAt: null,
    checkedAt: null
  }
  const to = {
    status: next.value.status,
    refundedFen: next.value.refundedFen,
    refundingFen: next.value.refundingFen ?? null,
    statusBeforeRefund: next.value.statusBeforeRefund ?? null
  }
  if (!(await updateRefundState(trx, order.id, { status: order.status, refundedFen: order.refundedFen }, to, at))) {
    return err('CONFLICT', 'The order changed while the refund was being started; reload and try again')
  }
  await insertRefund(trx, refund)
  return ok(refund)
}

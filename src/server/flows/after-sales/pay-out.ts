/**
 * Starts the refund that pays an after-sales request out, inside the
 * caller's transaction: beginRefund on the order (core decides whether the
 * amount may be refunded now), then the request moves to refunding and
 * remembers the refund. The caller sends the refund after the commit
 * (sendAfterSaleRefund), so a crash in between leaves a processing refund
 * that reconciliation sends again under the same out_refund_no.
 */
import { afterSaleTransition } from '@core/after-sale'
import { err, ok, type Result } from '@core/result'
import type { Executor } from '../../db/database'
import { moveAfterSale, type AfterSaleRow } from '../../db/repos/after-sale-repo'
import { findOrder, type OrderRow } from '../../db/repos/order-repo'
import { markRefundChecked, type RefundRow } from '../../db/repos/refund-repo'
import type { Deps } from '../../deps'
import { beginRefund } from '../refunds/begin-refund'
import { sendRefund } from '../refunds/send-refund'
import { afterSaleStatusOf, kindOf } from './after-sale-view'

export async function startPayOut(
  trx: Executor,
  row: AfterSaleRow,
  fromStatus: string,
  by: { staffId: string | null; now: Date }
): Promise<Result<{ refund: RefundRow; order: OrderRow }>> {
  const next = afterSaleTransition({ kind: kindOf(row), status: afterSaleStatusOf({ ...row, status: fromStatus }) }, 'start_refund')
  if (!next.ok) return next
  const order = await findOrder(trx, row.orderId)
  if (!order) throw new Error(`after-sale ${row.id} names a missing order ${row.orderId}`)
  const refund = await beginRefund(trx, order, { amountFen: Number(row.amountFen), reason: `售后退款：${row.reason}`, createdBy: by.staffId, now: by.now })
  if (!refund.ok) return refund
  const at = by.now.toISOString()
  if (!(await moveAfterSale(trx, row.id, fromStatus, { status: next.value, refundId: refund.value.id, updatedAt: at }))) {
    return err('CONFLICT', 'The after-sales request changed meanwhile; reload and try again')
  }
  return ok({ refund: refund.value, order })
}

/** After the commit: asks WeChat Pay. A definite refusal settles the refund as failed (the request goes back). */
export async function sendAfterSaleRefund(deps: Deps, refund: RefundRow, order: OrderRow): Promise<Result<void>> {
  const sent = await sendRefund(deps, refund, order)
  if (!sent.ok && sent.error.code !== 'PAY_REJECTED') await markRefundChecked(deps.db, refund.id, deps.clock.now().toISOString())
  return sent.ok || sent.error.code !== 'PAY_REJECTED' ? ok(undefined) : sent
}

/**
 * A refund's outcome applied to the after-sales request it pays out, in the
 * refund settlement's transaction: success → refunded; failure → back to
 * approved (refund kind) or returned (return kind), where staff may refund
 * again. A refund no request points at (a staff refund) changes nothing.
 */
import { afterSaleTransition } from '@core/after-sale'
import type { Executor } from '../../db/database'
import { findAfterSaleByRefund, moveAfterSale } from '../../db/repos/after-sale-repo'
import { afterSaleStatusOf, kindOf } from './after-sale-view'

export async function settleAfterSaleRefund(trx: Executor, refundId: string, succeeded: boolean, at: string): Promise<void> {
  const row = await findAfterSaleByRefund(trx, refundId)
  if (!row || row.status !== 'refunding') return
  const next = afterSaleTransition({ kind: kindOf(row), status: afterSaleStatusOf(row) }, succeeded ? 'refund_succeeded' : 'refund_failed')
  if (!next.ok) throw new Error(`after-sale ${row.id}: ${next.error.message}`)
  if (!(await moveAfterSale(trx, row.id, row.status, { status: next.value, updatedAt: at }))) {
    throw new Error(`after-sale ${row.id} changed while its refund ${refundId} was settled; WeChat will re-send`)
  }
}

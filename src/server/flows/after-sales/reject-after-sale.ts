/**
 * POST /api/admin/after-sales/:id/reject {reason} (admins): a request
 * waiting for a decision or for the goods is turned down with a reason the
 * shopper sees (and is told by subscription message).
 */
import type { AfterSaleDto } from '@core/contract/after-sales'
import { afterSaleTransition } from '@core/after-sale'
import { err, ok, type Result } from '@core/result'
import { findAfterSale, moveAfterSale } from '../../db/repos/after-sale-repo'
import { findOrder } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'
import { queueAfterSaleMessage } from '../subscriptions/order-messages'
import { afterSaleStatusOf, kindOf, toAfterSaleDto } from './after-sale-view'

export async function rejectAfterSale(deps: Deps, staffId: string, id: string, reason: string): Promise<Result<AfterSaleDto>> {
  const row = await findAfterSale(deps.db, id)
  if (!row) return err('AFTER_SALE_NOT_FOUND', `No after-sales request ${id}`)
  const kind = kindOf(row)
  const next = afterSaleTransition({ kind, status: afterSaleStatusOf(row) }, 'reject')
  if (!next.ok) return next
  const now = deps.clock.now()
  const at = now.toISOString()
  const moved = await deps.db.transaction().execute(async (trx) => {
    const change = { status: next.value, rejectReason: reason, decidedBy: staffId, decidedAt: at, updatedAt: at }
    if (!(await moveAfterSale(trx, id, row.status, change))) return false
    const order = await findOrder(trx, row.orderId)
    if (!order) throw new Error(`after-sale ${id} names a missing order ${row.orderId}`)
    await recordAudit(trx, now, staffId, 'after_sale.reject', { type: 'after_sale', id }, { reason })
    await queueAfterSaleMessage(deps, trx, { order, kind, status: next.value, note: reason, at: now })
    return true
  })
  if (!moved) return err('CONFLICT', 'The request changed meanwhile; reload and try again')
  const stored = await findAfterSale(deps.db, id)
  return stored ? ok(toAfterSaleDto(stored)) : err('AFTER_SALE_NOT_FOUND', `No after-sales request ${id}`)
}

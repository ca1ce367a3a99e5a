/**
 * POST /api/admin/after-sales/:id/approve {restock?} (admins).
 * - refund kind: approved and paid out through WeChat Pay in one go (stock
 *   back now when chosen: the goods are in the warehouse or written off);
 *   approving again after a failed refund sends a new refund.
 * - return kind: the shopper is asked to send the goods back (awaiting_return,
 *   told by subscription message); stock returns when the parcel arrives.
 * Nothing half-applies: when the refund cannot start (another refund under
 * way, the amount no longer refundable) the request stays as it was.
 */
import type { AfterSaleDto, AfterSaleStatus } from '@core/contract/after-sales'
import { afterSaleTransition } from '@core/after-sale'
import { err, ok, type Result } from '@core/result'
import { findAfterSale, moveAfterSale } from '../../db/repos/after-sale-repo'
import { findOrder } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'
import { Rollback } from '../orders/rollback'
import { queueAfterSaleMessage } from '../subscriptions/order-messages'
import { afterSaleStatusOf, kindOf, toAfterSaleDto } from './after-sale-view'
import { sendAfterSaleRefund, startPayOut } from './pay-out'
import { restockAfterSale } from './restock'

export async function approveAfterSale(deps: Deps, staffId: string, id: string, input: { restock?: boolean }): Promise<Result<AfterSaleDto>> {
  const row = await findAfterSale(deps.db, id)
  if (!row) return err('AFTER_SALE_NOT_FOUND', `No after-sales request ${id}`)
  const kind = kindOf(row)
  const retry = kind === 'refund' && row.status === 'approved'
  const approved: Result<AfterSaleStatus> = retry ? ok('approved') : afterSaleTransition({ kind, status: afterSaleStatusOf(row) }, 'approve')
  if (!approved.ok) return approved
  if (kind === 'refund' && !deps.pay) return err('PAY_NOT_CONFIGURED', 'WeChat Pay is not configured on this server (WECHATPAY_* variables)')
  const now = deps.clock.now()
  const at = now.toISOString()
  let payOut
  try {
    payOut = await deps.db.transaction().execute(async (trx) => {
      const order = await findOrder(trx, row.orderId)
      if (!order) throw new Error(`after-sale ${id} names a missing order ${row.orderId}`)
      const restock = input.restock ?? (row.restock === null ? false : Number(row.restock) === 1)
      if (!retry) {
        const change = { status: approved.value, restock: restock ? 1 : 0, decidedBy: staffId, decidedAt: at, updatedAt: at }
        if (!(await moveAfterSale(trx, id, row.status, change))) throw new Rollback(err('CONFLICT', 'The request changed meanwhile; reload and try again'))
      }
      await recordAudit(trx, now, staffId, 'after_sale.approve', { type: 'after_sale', id }, { kind, restock, amountFen: row.amountFen, retry })
      if (kind === 'return') {
        await queueAfterSaleMessage(deps, trx, { order, kind, status: approved.value, note: '请寄回商品并在订单页填写快递单号', at: now })
        return null
      }
      if (restock) await restockAfterSale(trx, row, order, now)
      const started = await startPayOut(trx, row, approved.value, { staffId, now })
      if (!started.ok) throw new Rollback(started)
      return started.value
    })
  } catch (e) {
    if (e instanceof Rollback) return e.result
    throw e
  }
  if (payOut) {
    const sent = await sendAfterSaleRefund(deps, payOut.refund, payOut.order)
    if (!sent.ok) return sent
  }
  const stored = await findAfterSale(deps.db, id)
  return stored ? ok(toAfterSaleDto(stored)) : err('AFTER_SALE_NOT_FOUND', `No after-sales request ${id}`)
}

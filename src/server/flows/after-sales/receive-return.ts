/**
 * POST /api/admin/after-sales/:id/received (admins): the returned parcel
 * arrived. The request moves to returned, the goods go back on sale when
 * staff chose restock at approval, and the refund goes to WeChat Pay; all
 * in one transaction, so a refund that cannot start leaves nothing changed.
 * Calling it again after a failed refund (the request is back at returned)
 * sends a new refund.
 */
import type { AfterSaleDto, AfterSaleStatus } from '@core/contract/after-sales'
import { afterSaleTransition } from '@core/after-sale'
import { err, ok, type Result } from '@core/result'
import { findAfterSale, moveAfterSale } from '../../db/repos/after-sale-repo'
import { findOrder } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'
import { Rollback } from '../orders/rollback'
import { afterSaleStatusOf, kindOf, toAfterSaleDto } from './after-sale-view'
import { sendAfterSaleRefund, startPayOut } from './pay-out'
import { restockAfterSale } from './restock'

export async function receiveReturn(deps: Deps, staffId: string, id: string): Promise<Result<AfterSaleDto>> {
  const row = await findAfterSale(deps.db, id)
  if (!row) return err('AFTER_SALE_NOT_FOUND', `No after-sales request ${id}`)
  const retry = row.status === 'returned'
  const received: Result<AfterSaleStatus> = retry ? ok('returned') : afterSaleTransition({ kind: kindOf(row), status: afterSaleStatusOf(row) }, 'receive')
  if (!received.ok) return received
  if (!deps.pay) return err('PAY_NOT_CONFIGURED', 'WeChat Pay is not configured on this server (WECHATPAY_* variables)')
  const now = deps.clock.now()
  const at = now.toISOString()
  let payOut
  try {
    payOut = await deps.db.transaction().execute(async (trx) => {
      const order = await findOrder(trx, row.orderId)
      if (!order) throw new Error(`after-sale ${id} names a missing order ${row.orderId}`)
      if (!retry) {
        if (!(await moveAfterSale(trx, id, row.status, { status: received.value, receivedAt: at, updatedAt: at }))) {
          throw new Rollback(err('CONFLICT', 'The request changed meanwhile; reload and try again'))
        }
        if (row.restock !== null && Number(row.restock) === 1) await restockAfterSale(trx, row, order, now)
      }
      await recordAudit(trx, now, staffId, 'after_sale.received', { type: 'after_sale', id }, { amountFen: row.amountFen, retry })
      const started = await startPayOut(trx, row, received.value, { staffId, now })
      if (!started.ok) throw new Rollback(started)
      return started.value
    })
  } catch (e) {
    if (e instanceof Rollback) return e.result
    throw e
  }
  const sent = await sendAfterSaleRefund(deps, payOut.refund, payOut.order)
  if (!sent.ok) return sent
  const stored = await findAfterSale(deps.db, id)
  return stored ? ok(toAfterSaleDto(stored)) : err('AFTER_SALE_NOT_FOUND', `No after-sales request ${id}`)
}

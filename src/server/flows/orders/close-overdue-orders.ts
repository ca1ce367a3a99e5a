/**
 * The close job: unpaid orders past expires_at, found in the database (so
 * a restart loses nothing), closed at WeChat Pay and here, stock returned.
 * An order WeChat cannot be asked about now stays pending until a later tick.
 */
import { listOverdueOrders } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { closeUnpaidOrder } from './close-unpaid-order'

export interface CloseReport {
  closed: string[]
  paid: string[]
  failed: { orderId: string; code: string; message: string }[]
}

export async function closeOverdueOrders(deps: Deps, limit = 50): Promise<CloseReport> {
  const report: CloseReport = { closed: [], paid: [], failed: [] }
  const due = await listOverdueOrders(deps.db, deps.clock.now().toISOString(), limit)
  for (const order of due) {
    const r = await closeUnpaidOrder(deps, order)
    if (!r.ok) report.failed.push({ orderId: order.id, code: r.error.code, message: r.error.message })
    else if (r.value === 'closed') report.closed.push(order.id)
    else if (r.value === 'paid') report.paid.push(order.id)
  }
  return report
}

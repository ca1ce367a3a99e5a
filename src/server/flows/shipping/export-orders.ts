/**
 * GET /api/admin/orders/export: the orders of a status and created-time
 * window, oldest first, as CSV text (core formats it), read in pages so a
 * long window never loads every order at once.
 */
import type { Address, OrderItemDto, OrderStatus } from '@core/contract/orders'
import { CSV_BOM, csvLine, EXPORT_HEADER, exportLines } from '@core/shipping-export'
import { listOrderRows } from '../../db/repos/order-repo'
import { shipmentsOfOrders } from '../../db/repos/shipment-repo'
import type { Deps } from '../../deps'
import { statusOf } from '../orders/order-view'

const PAGE = 500
/** A guard against an export that would take minutes: narrow the window instead. */
export const EXPORT_MAX_ORDERS = 50_000

export async function exportOrdersCsv(deps: Deps, q: { status?: OrderStatus; from?: string; to?: string }): Promise<string> {
  const parts: string[] = [CSV_BOM, csvLine([...EXPORT_HEADER])]
  let after: { at: string; id: string } | undefined
  for (let seen = 0; seen < EXPORT_MAX_ORDERS; ) {
    const rows = await listOrderRows(deps.db, { ...q, limit: PAGE, after, oldestFirst: true })
    if (rows.length === 0) break
    const shipments = await shipmentsOfOrders(
      deps.db,
      rows.map((r) => r.id)
    )
    for (const r of rows) {
      parts.push(
        ...exportLines({
          id: r.id,
          outTradeNo: r.outTradeNo,
          status: statusOf(r),
          createdAt: r.createdAt,
          paidAt: r.paidAt,
          shippedAt: r.shippedAt,
          completedAt: r.completedAt,
          totalFen: r.totalFen,
          refundedFen: r.refundedFen,
          items: JSON.parse(r.items) as OrderItemDto[],
          address: JSON.parse(r.address) as Address,
          transactionId: r.transactionId,
          shipments: shipments.get(r.id) ?? []
        })
      )
    }
    seen += rows.length
    const last = rows[rows.length - 1]!
    after = { at: last.createdAt, id: last.id }
    if (rows.length < PAGE) break
  }
  return parts.join('')
}

/**
 * POST /api/admin/orders/shipments: rows of a CSV the admin read (order id,
 * carrier, tracking number), each shipped by express on its own; a row
 * that fails answers its code and message and never stops the others.
 * A row may name its order by id or by the order number staff see and the
 * export writes (outTradeNo), so an exported file comes back as it is.
 */
import type { BatchShipResponse, BatchShipRow } from '@core/contract/shipping'
import { isId } from '@core/ids'
import { OUT_TRADE_NO_PATTERN } from '@core/out-trade-no'
import type { Deps } from '../../deps'
import { findOrder, findOrderByOutTradeNo } from '../../db/repos/order-repo'
import { shipOrder } from './ship-order'

async function orderIdOf(deps: Deps, given: string): Promise<string | undefined> {
  const key = given.trim()
  const byId = isId(key) ? await findOrder(deps.db, key) : undefined
  if (byId) return byId.id
  return OUT_TRADE_NO_PATTERN.test(key) ? (await findOrderByOutTradeNo(deps.db, key))?.id : undefined
}

export async function batchShip(deps: Deps, staffId: string, rows: BatchShipRow[]): Promise<BatchShipResponse> {
  const results: BatchShipResponse['results'] = []
  const seen = new Set<string>()
  for (const row of rows) {
    const orderId = await orderIdOf(deps, row.orderId)
    if (!orderId) {
      results.push({ orderId: row.orderId, ok: false, code: 'ORDER_NOT_FOUND', message: `No order ${row.orderId}` })
      continue
    }
    if (seen.has(orderId)) {
      results.push({ orderId: row.orderId, ok: false, code: 'DUPLICATE_ROW', message: 'This order appears twice in the file; only its first row was shipped' })
      continue
    }
    seen.add(orderId)
    try {
      const shipped = await shipOrder(deps, staffId, orderId, {
        logisticsType: 'express',
        parcels: [{ carrierCode: row.carrierCode.trim(), trackingNo: row.trackingNo.trim() }]
      })
      results.push(shipped.ok ? { orderId: row.orderId, ok: true } : { orderId: row.orderId, ok: false, code: shipped.error.code, message: explain(shipped.error) })
    } catch (e) {
      results.push({ orderId: row.orderId, ok: false, code: 'INTERNAL', message: `Could not ship this row: ${e instanceof Error ? e.message : String(e)}` })
    }
  }
  return { results }
}

/** The message with its field issues, since a row of a file has no form to show them next to. */
function explain(e: { message: string; details?: unknown }): string {
  const issues = Array.isArray(e.details) ? (e.details as Array<{ path?: unknown; message?: unknown }>).filter((d) => typeof d?.message === 'string') : []
  return issues.length === 0 ? e.message : `${e.message}: ${issues.map((d) => `${String(d.path ?? '')} ${String(d.message)}`.trim()).join('; ')}`
}

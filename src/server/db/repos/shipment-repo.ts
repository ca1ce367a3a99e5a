/** Shipments (parcels) of orders, with their items. */
import type { Selectable } from 'kysely'
import type { Executor } from '../database'
import type { FulfilmentTables } from '../schema'

export type ShipmentRow = Selectable<FulfilmentTables['shipments']>
export type ShipmentWithItems = ShipmentRow & { items: Array<{ skuId: string; qty: number }> }

export async function insertShipment(db: Executor, row: ShipmentRow, items: Array<{ skuId: string; qty: number }>): Promise<void> {
  await db.insertInto('shipments').values(row).execute()
  if (items.length > 0) {
    await db
      .insertInto('shipmentItems')
      .values(items.map((i) => ({ shipmentId: row.id, orderId: row.orderId, skuId: i.skuId, qty: i.qty })))
      .execute()
  }
}

/** Shipments of the given orders, oldest first, each with its items. */
export async function shipmentsOfOrders(db: Executor, orderIds: readonly string[]): Promise<Map<string, ShipmentWithItems[]>> {
  const out = new Map<string, ShipmentWithItems[]>()
  if (orderIds.length === 0) return out
  const ids = [...new Set(orderIds)]
  const [rows, items] = await Promise.all([
    db.selectFrom('shipments').selectAll().where('orderId', 'in', ids).orderBy('shippedAt').orderBy('id').execute(),
    db.selectFrom('shipmentItems').selectAll().where('orderId', 'in', ids).execute()
  ])
  const byShipment = new Map<string, Array<{ skuId: string; qty: number }>>()
  for (const i of items) {
    const list = byShipment.get(i.shipmentId) ?? []
    list.push({ skuId: i.skuId, qty: Number(i.qty) })
    byShipment.set(i.shipmentId, list)
  }
  for (const r of rows) {
    const list = out.get(r.orderId) ?? []
    list.push({ ...r, items: byShipment.get(r.id) ?? [] })
    out.set(r.orderId, list)
  }
  return out
}

export async function shipmentsOfOrder(db: Executor, orderId: string): Promise<ShipmentWithItems[]> {
  return (await shipmentsOfOrders(db, [orderId])).get(orderId) ?? []
}

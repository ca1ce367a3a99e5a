/**
 * After-sales requests. Status moves are conditional UPDATEs on the status
 * they leave, so a staff decision and the shopper's cancel racing each
 * other apply at most once; "one open request per order" is the partial
 * unique index of migration 0009, so inserting answers false on a race.
 */
import type { Selectable, Updateable } from 'kysely'
import type { Executor } from '../database'
import type { AfterSalesTables } from '../schema'
import { isUniqueViolation } from '../unique-violation'

export type AfterSaleRow = Selectable<AfterSalesTables['afterSales']>
export type AfterSaleChange = Updateable<AfterSalesTables['afterSales']>

/** false when the order has an open request already (another insert won). */
export async function insertAfterSale(db: Executor, row: AfterSaleRow): Promise<boolean> {
  try {
    await db.insertInto('afterSales').values(row).execute()
    return true
  } catch (e) {
    if (isUniqueViolation(e)) return false
    throw e
  }
}

export function findAfterSale(db: Executor, id: string): Promise<AfterSaleRow | undefined> {
  return db.selectFrom('afterSales').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findAfterSaleByRefund(db: Executor, refundId: string): Promise<AfterSaleRow | undefined> {
  return db.selectFrom('afterSales').selectAll().where('refundId', '=', refundId).executeTakeFirst()
}

/** Every request of these orders, oldest first. */
export function afterSalesOfOrders(db: Executor, orderIds: readonly string[]): Promise<AfterSaleRow[]> {
  if (orderIds.length === 0) return Promise.resolve([])
  return db.selectFrom('afterSales').selectAll().where('orderId', 'in', [...orderIds]).orderBy('createdAt').orderBy('id').execute()
}

export async function hasOpenAfterSale(db: Executor, orderId: string, openStatuses: readonly string[]): Promise<boolean> {
  const row = await db
    .selectFrom('afterSales')
    .select('id')
    .where('orderId', '=', orderId)
    .where('status', 'in', [...openStatuses])
    .executeTakeFirst()
  return row !== undefined
}

/** Moves a request out of `from`; false when another writer moved it first. */
export async function moveAfterSale(db: Executor, id: string, from: string, change: AfterSaleChange): Promise<boolean> {
  const res = await db.updateTable('afterSales').set(change).where('id', '=', id).where('status', '=', from).executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export type QueueRow = AfterSaleRow & { outTradeNo: string; orderStatus: string; totalFen: number; orderRefundedFen: number }

/**
 * The staff queue: requests in `statuses`, with their order's facts.
 * `oldestFirst` for work to do (open requests), newest first for history.
 */
export function listAfterSaleQueue(
  db: Executor,
  q: { statuses: readonly string[]; oldestFirst: boolean; limit: number; after?: { at: string; id: string } }
): Promise<QueueRow[]> {
  const dir = q.oldestFirst ? 'asc' : 'desc'
  const cmp = q.oldestFirst ? '>' : '<'
  let query = db
    .selectFrom('afterSales as a')
    .innerJoin('orders as o', 'o.id', 'a.orderId')
    .selectAll('a')
    .select(['o.outTradeNo as outTradeNo', 'o.status as orderStatus', 'o.totalFen as totalFen', 'o.refundedFen as orderRefundedFen'])
    .where('a.status', 'in', [...q.statuses])
  const after = q.after
  if (after) {
    query = query.where((eb) => eb.or([eb('a.createdAt', cmp, after.at), eb.and([eb('a.createdAt', '=', after.at), eb('a.id', cmp, after.id)])]))
  }
  return query.orderBy('a.createdAt', dir).orderBy('a.id', dir).limit(q.limit).execute()
}

/** What earlier requests of this order already put back in stock (JSON lines, parsed by the caller). */
export async function restockedOfOrder(db: Executor, orderId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('afterSales')
    .select('restockedItems')
    .where('orderId', '=', orderId)
    .where('restockedItems', 'is not', null)
    .execute()
  return rows.flatMap((r) => (r.restockedItems ? [r.restockedItems] : []))
}

/** A carrier's name from the cached WeChat list (migration 0008), or undefined when the code is not on it. */
export async function carrierNameOf(db: Executor, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('wechatCarriers').select('name').where('code', '=', code).executeTakeFirst()
  return row?.name
}

/** Records what a request put back in stock; once (null before). */
export async function markRestocked(db: Executor, id: string, lines: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('afterSales')
    .set({ restockedItems: lines, restockedAt: at, updatedAt: at })
    .where('id', '=', id)
    .where('restockedAt', 'is', null)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** How many parcels of the order went out (migration 0008's shipments). */
export async function parcelsSentOf(db: Executor, orderId: string): Promise<number> {
  const row = await db.selectFrom('shipments').select((eb) => eb.fn.countAll().as('n')).where('orderId', '=', orderId).executeTakeFirstOrThrow()
  return Number(row.n)
}

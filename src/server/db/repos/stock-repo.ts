/**
 * Stock moves. Reserving is one conditional UPDATE, so two orders racing
 * for the last unit cannot both succeed on either dialect: PostgreSQL
 * re-checks `stock >= qty` on the row the first writer committed, SQLite
 * runs one writer at a time.
 */
import { sql } from 'kysely'
import type { Executor } from '../database'

/** Takes qty units if that many are there; false (and nothing changed) otherwise. */
export async function reserveStock(db: Executor, skuId: string, qty: number): Promise<boolean> {
  const res = await db
    .updateTable('skus')
    .set({ stock: sql<number>`stock - ${qty}` })
    .where('id', '=', skuId)
    .where('stock', '>=', qty)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function returnStock(db: Executor, skuId: string, qty: number): Promise<void> {
  await db
    .updateTable('skus')
    .set({ stock: sql<number>`stock + ${qty}` })
    .where('id', '=', skuId)
    .execute()
}

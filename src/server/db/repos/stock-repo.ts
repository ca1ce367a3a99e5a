/**
 * Stock moves. Reserving is one conditional UPDATE, so two orders racing
 * for the last unit cannot both succeed on either dialect: PostgreSQL
 * re-checks `stock >= qty` on the row the first writer committed, SQLite
 * runs one writer at a time.
 * The checkout's reads and writes here are compiled once per dialect and
 * shape (compiled-queries.ts says why).
 */
import { sql } from 'kysely'
import { compiledQueries } from '../compiled-queries'
import type { Executor } from '../database'

const runCompiled = compiledQueries('stock')

/** Takes qty units if that many are there; false (and nothing changed) otherwise. */
export async function reserveStock(db: Executor, skuId: string, qty: number): Promise<boolean> {
  const res = await runCompiled(db, 'reserveStock', [qty, skuId, qty], () =>
    db
      .updateTable('skus')
      .set({ stock: sql<number>`stock - ${qty}` })
      .where('id', '=', skuId)
      .where('stock', '>=', qty)
  )
  return Number(res.numAffectedRows ?? 0) === 1
}

export async function returnStock(db: Executor, skuId: string, qty: number): Promise<void> {
  await db
    .updateTable('skus')
    .set({ stock: sql<number>`stock + ${qty}` })
    .where('id', '=', skuId)
    .execute()
}

export interface CheckoutSkuRow {
  id: string
  productId: string
  attrs: string
  priceFen: number
  stock: number
  title: string
  images: string
  /** The product's launch (the latest among live pages' countdowns naming it), or null. */
  launchAt: string | null
}

/**
 * What placing an order reads of the catalog, in one statement: every active
 * SKU of the products the order names (the ordered ones for price and stock,
 * their siblings for the colour's picture), with the product's title,
 * images and launch time, in product then position order.
 */
export async function findCheckoutSkus(db: Executor, skuIds: readonly string[]): Promise<CheckoutSkuRow[]> {
  const ids = [...new Set(skuIds)]
  if (ids.length === 0) return []
  const r = await runCompiled(db, `findCheckoutSkus:${ids.length}`, [1, ...ids], () =>
    db
      .selectFrom('skus')
      .innerJoin('products', 'products.id', 'skus.productId')
      .select((eb) => [
        'skus.id',
        'skus.productId',
        'skus.attrs',
        'skus.priceFen',
        'skus.stock',
        'products.title',
        'products.images',
        eb
          .selectFrom('productLaunches')
          .select((l) => l.fn.max('productLaunches.launchAt').as('m'))
          .whereRef('productLaunches.productId', '=', 'skus.productId')
          .as('launchAt')
      ])
      .where('skus.active', '=', 1)
      .where('skus.productId', 'in', (eb) => eb.selectFrom('skus as ordered').select('ordered.productId').where('ordered.id', 'in', ids))
      .orderBy('skus.productId')
      .orderBy('skus.position')
  )
  return r.rows.map((row) => ({ ...row, launchAt: row.launchAt === null || row.launchAt === undefined ? null : String(row.launchAt) }))
}

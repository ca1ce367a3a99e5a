/** Products and their SKUs. SKUs are never deleted (orders point at them); dropped ones get active=0. */
import { sql, type Selectable, type Updateable } from 'kysely'
import { runCompiledOnce } from '../compiled-once'
import type { Executor } from '../database'
import type { CatalogTables } from '../schema'

export type ProductRow = Selectable<CatalogTables['products']>
export type SkuRow = Selectable<CatalogTables['skus']>

export async function insertProduct(db: Executor, row: ProductRow): Promise<void> {
  await db.insertInto('products').values(row).execute()
}

export async function updateProductRow(
  db: Executor,
  id: string,
  patch: Updateable<CatalogTables['products']>
): Promise<void> {
  await db.updateTable('products').set(patch).where('id', '=', id).execute()
}

export function findProductRow(db: Executor, id: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findProductRows(db: Executor, ids: string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('products').selectAll().where('id', 'in', ids).execute()
}

/** Newest-updated first; `after` is the (updatedAt, id) of the previous page's last row. */
export function listProductRows(db: Executor, opts: { limit: number; after?: { at: string; id: string } }) {
  let q = db.selectFrom('products').selectAll()
  const after = opts.after
  if (after) {
    q = q.where((eb) =>
      eb.or([eb('updatedAt', '<', after.at), eb.and([eb('updatedAt', '=', after.at), eb('id', '<', after.id)])])
    )
  }
  return q.orderBy('updatedAt', 'desc').orderBy('id', 'desc').limit(opts.limit).execute()
}

/**
 * Products with their active SKUs in one query (the shopper's read path,
 * compiled once per number of ids, see compiled-once.ts): one row per SKU,
 * or one row with null SKU columns for a product without any.
 */
export function findProductsWithActiveSkus(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return runCompiledOnce(db, `products-with-skus:${ids.length}`, ids, () => productsWithSkus(db, ids))
}

function productsWithSkus(db: Executor, ids: string[]) {
  return db
    .selectFrom('products')
    .leftJoin('skus', (j) => j.onRef('skus.productId', '=', 'products.id').on('skus.active', '=', sql.lit(1)))
    .select([
      'products.id as id',
      'products.title as title',
      'products.description as description',
      'products.images as images',
      'products.createdAt as createdAt',
      'products.updatedAt as updatedAt',
      'skus.id as skuId',
      'skus.attrs as attrs',
      'skus.priceFen as priceFen',
      'skus.stock as stock',
      'skus.position as position'
    ])
    .where('products.id', 'in', ids)
    .orderBy('products.id')
    .orderBy('skus.position')
}

export function activeSkusOf(db: Executor, productIds: string[]): Promise<SkuRow[]> {
  if (productIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('skus')
    .selectAll()
    .where('productId', 'in', productIds)
    .where('active', '=', 1)
    .orderBy('productId')
    .orderBy('position')
    .execute()
}

export function allSkuIdsOf(db: Executor, productId: string): Promise<{ id: string }[]> {
  return db.selectFrom('skus').select('id').where('productId', '=', productId).execute()
}

export async function insertSku(db: Executor, row: SkuRow): Promise<void> {
  await db.insertInto('skus').values(row).execute()
}

export async function updateSku(db: Executor, id: string, patch: Updateable<CatalogTables['skus']>): Promise<void> {
  await db.updateTable('skus').set(patch).where('id', '=', id).execute()
}

export async function deactivateSkusExcept(db: Executor, productId: string, keepIds: string[]): Promise<void> {
  let q = db.updateTable('skus').set({ active: 0 }).where('productId', '=', productId)
  if (keepIds.length > 0) q = q.where('id', 'not in', keepIds)
  await q.execute()
}

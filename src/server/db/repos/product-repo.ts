/** Products and their SKUs. SKUs are never deleted (orders point at them); dropped ones get active=0. */
import type { Selectable, Updateable } from 'kysely'
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

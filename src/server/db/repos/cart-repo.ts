/** Server carts (one per shopper, lines as JSON) and the SKU facts carts and orders are priced from. */
import type { Executor } from '../database'

export async function findCartItems(db: Executor, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('carts').select('items').where('userId', '=', userId).executeTakeFirst()
  return row?.items
}

export async function saveCart(db: Executor, row: { userId: string; items: string; updatedAt: string }): Promise<void> {
  await db
    .insertInto('carts')
    .values(row)
    .onConflict((oc) => oc.column('userId').doUpdateSet({ items: row.items, updatedAt: row.updatedAt }))
    .execute()
}

export interface SkuFactsRow {
  skuId: string
  productId: string
  title: string
  images: string
  attrs: string
  priceFen: number
  stock: number
}

/** Live (active) SKUs with their product's title and images; unknown or retired ids are simply absent. */
export function findSkuFacts(db: Executor, skuIds: readonly string[]): Promise<SkuFactsRow[]> {
  if (skuIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('skus')
    .innerJoin('products', 'products.id', 'skus.productId')
    .select([
      'skus.id as skuId',
      'skus.productId',
      'products.title',
      'products.images',
      'skus.attrs',
      'skus.priceFen',
      'skus.stock'
    ])
    .where('skus.id', 'in', [...new Set(skuIds)])
    .where('skus.active', '=', 1)
    .execute()
}

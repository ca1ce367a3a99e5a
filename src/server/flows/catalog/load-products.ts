/**
 * Rows → core `Product`s with their live (active) SKUs, for any flow that
 * shows products: the catalog API and pages resolving their product blocks.
 * One query however many products.
 */
import type { Product } from '@core/catalog'
import type { Executor } from '../../db/database'
import { findProductsWithActiveSkus, type ProductRow, type SkuRow } from '../../db/repos/product-repo'

export function toProduct(row: ProductRow, skus: SkuRow[]): Product {
  return {
    id: row.id,
    title: row.title,
    images: JSON.parse(row.images) as string[],
    description: row.description,
    skus: skus.map((s) => ({
      id: s.id,
      attrs: JSON.parse(s.attrs) as Record<string, string>,
      priceFen: s.priceFen,
      stock: s.stock
    }))
  }
}

export async function loadProducts(db: Executor, ids: string[]): Promise<Map<string, Product>> {
  const rows = await findProductsWithActiveSkus(db, [...new Set(ids)])
  const products = new Map<string, { row: ProductRow; skus: SkuRow[] }>()
  for (const r of rows) {
    let entry = products.get(r.id)
    if (!entry) {
      const { id, title, description, images, createdAt, updatedAt } = r
      entry = { row: { id, title, description, images, createdAt, updatedAt }, skus: [] }
      products.set(r.id, entry)
    }
    if (r.skuId !== null) {
      entry.skus.push({
        id: r.skuId,
        productId: r.id,
        attrs: r.attrs ?? '{}',
        priceFen: Number(r.priceFen),
        stock: Number(r.stock),
        position: Number(r.position),
        active: 1
      })
    }
  }
  return new Map([...products].map(([id, e]) => [id, toProduct(e.row, e.skus)]))
}

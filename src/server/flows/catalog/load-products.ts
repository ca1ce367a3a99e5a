/**
 * Rows → core `Product`s with their live (active) SKUs, for any flow that
 * shows products: the catalog API and pages resolving their product blocks.
 * Two queries however many products.
 */
import type { Product } from '@core/catalog'
import type { Executor } from '../../db/database'
import { activeSkusOf, findProductRows, type ProductRow, type SkuRow } from '../../db/repos/product-repo'

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
  const unique = [...new Set(ids)]
  const [rows, skus] = await Promise.all([findProductRows(db, unique), activeSkusOf(db, unique)])
  const byProduct = new Map<string, SkuRow[]>()
  for (const s of skus) byProduct.set(s.productId, [...(byProduct.get(s.productId) ?? []), s])
  return new Map(rows.map((r) => [r.id, toProduct(r, byProduct.get(r.id) ?? [])]))
}

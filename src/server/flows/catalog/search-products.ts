/** GET /api/v1/products?q=&cursor=&limit=: products on sale (an active SKU), title containing q, newest updated first. */
import type { ProductSearchResponse } from '@core/contract/reach'
import type { ErrorCode } from '@core/error-codes'
import { ok, type Result } from '@core/result'
import { decodeCursor, page } from '../../cursor'
import { searchProductIds } from '../../db/repos/reach-repo'
import type { Deps } from '../../deps'
import { loadProducts } from './load-products'

export async function searchProducts(deps: Deps, query: { q?: string; cursor?: string; limit: number }): Promise<Result<ProductSearchResponse, ErrorCode>> {
  const after = decodeCursor(query.cursor)
  if (!after.ok) return after
  const rows = await searchProductIds(deps.db, { q: query.q || undefined, limit: query.limit + 1, after: after.value })
  const paged = page(rows, query.limit, (r) => ({ at: r.updatedAt, id: r.id }))
  const products = await loadProducts(deps.db, paged.items.map((r) => r.id))
  return ok({ items: paged.items.flatMap((r) => { const p = products.get(r.id); return p ? [p] : [] }), nextCursor: paged.nextCursor })
}

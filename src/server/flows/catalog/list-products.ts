/** Staff product list, most recently changed first, `{items, nextCursor}`. */
import { ok, type Result } from '@core/result'
import type { Product } from '@core/catalog'
import { decodeCursor, page } from '../../cursor'
import { listProductRows } from '../../db/repos/product-repo'
import type { Deps } from '../../deps'
import { loadProducts } from './load-products'

export async function listProducts(
  deps: Deps,
  q: { cursor?: string; limit: number }
): Promise<Result<{ items: Product[]; nextCursor: string | null }>> {
  const after = decodeCursor(q.cursor)
  if (!after.ok) return after
  const rows = await listProductRows(deps.db, { limit: q.limit + 1, after: after.value })
  const { items, nextCursor } = page(rows, q.limit, (r) => ({ at: r.updatedAt, id: r.id }))
  const products = await loadProducts(deps.db, items.map((r) => r.id))
  return ok({ items: items.flatMap((r) => products.get(r.id) ?? []), nextCursor })
}

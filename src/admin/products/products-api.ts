/** Staff catalog calls. */
import { api } from '../api/client'
import type { Paged } from '@core/contract/common'
import type { Product } from '@core/contract/catalog'
import type { ProductInput } from '@core/contract/admin-catalog'

export const productsApi = {
  list: (cursor?: string) => api.get<Paged<Product>>('/api/admin/products', { cursor, limit: 100 }),
  get: (id: string) => api.get<{ product: Product }>(`/api/admin/products/${encodeURIComponent(id)}`).then((r) => r.product),
  create: (input: ProductInput) => api.post<{ product: Product }>('/api/admin/products', input).then((r) => r.product),
  update: (id: string, input: ProductInput) =>
    api.put<{ product: Product }>(`/api/admin/products/${encodeURIComponent(id)}`, input).then((r) => r.product)
}

/** Every product, following cursors (the picker searches them all; a brand has hundreds, not millions). */
export async function listAllProducts(): Promise<Product[]> {
  const all: Product[] = []
  let cursor: string | undefined
  for (let guard = 0; guard < 50; guard++) {
    const page = await productsApi.list(cursor)
    all.push(...page.items)
    if (!page.nextCursor) return all
    cursor = page.nextCursor
  }
  throw new Error('More than 5,000 products: the product list stopped following pages')
}

// Product search (GET /api/v1/products?q=): products on sale whose title matches.
import type { Product } from '@core/contract/catalog'
import type { ProductSearchResponse } from '@core/contract/reach'
import { api } from '../../services/api'
import { absoluteProduct } from '../../services/content-api'

export const SEARCH_PAGE_SIZE = 20

export async function searchProducts(q: string, cursor?: string | null): Promise<{ items: Product[]; nextCursor: string | null }> {
  const answer = await api.get<ProductSearchResponse>('/api/v1/products', { query: { q: q.trim(), cursor, limit: SEARCH_PAGE_SIZE } })
  return { items: answer.items.map(absoluteProduct), nextCursor: answer.nextCursor ?? null }
}

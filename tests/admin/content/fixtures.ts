import type { AdminPage } from '@core/contract/admin-pages'
import type { Product } from '@core/contract/catalog'

export const PRODUCTS: Product[] = [
  { id: 'prd_1', title: '亚麻衬衫', description: '', images: [], skus: [{ id: 'sku_1', attrs: { 尺码: 'M' }, priceFen: 12900, stock: 5 }] },
  { id: 'prd_2', title: '帆布包', description: '', images: [], skus: [{ id: 'sku_2', attrs: {}, priceFen: 5900, stock: 9 }] }
]

export function page(over: Partial<AdminPage> = {}): AdminPage {
  return {
    id: 'pg_1',
    slug: 'spring',
    title: '春日',
    cover: null,
    blocks: [
      { type: 'text', text: '第一段' },
      { type: 'product', productId: 'prd_1' }
    ],
    share: { title: null, imageUrl: null },
    effective: { cover: null, share: { title: '春日', imageUrl: null } },
    status: 'draft',
    publishedVersion: null,
    publishedSlug: null,
    publishedAt: null,
    scheduledVersion: null,
    scheduledAt: null,
    createdAt: '2026-03-01T02:00:00.000Z',
    updatedAt: '2026-03-01T02:00:00.000Z',
    ...over
  }
}

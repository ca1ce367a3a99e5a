// Content pages for the shopper: the feed and one page with its products at live
// price and stock. Media paths are made absolute here so views just show them.
import type { Product } from '@core/contract/catalog'
import type { Paged } from '@core/contract/common'
import type { PageResponse, PageSummary } from '@core/contract/pages'
import { parseBlocksLenient, type Block } from '@core/content'
import { api } from './api'
import { mediaUrl } from './env'
import { takePrefetchedPage } from './page-prefetch'

export const FEED_PAGE_SIZE = 10

export async function listPages(cursor?: string | null): Promise<Paged<PageSummary>> {
  const answer = await api.get<Paged<PageSummary>>('/api/v1/pages', { query: { cursor, limit: FEED_PAGE_SIZE } })
  return { items: answer.items.map((p) => ({ ...p, cover: mediaUrl(p.cover) })), nextCursor: answer.nextCursor }
}

function absoluteBlock(block: Block): Block {
  switch (block.type) {
    case 'hero':
    case 'image':
      return { ...block, image: mediaUrl(block.image) }
    case 'video':
      return { ...block, src: mediaUrl(block.src), ...(block.poster ? { poster: mediaUrl(block.poster) } : {}) }
    default:
      return block
  }
}

export function absoluteProduct(product: Product): Product {
  return { ...product, images: product.images.map((i) => mediaUrl(i)) }
}

/** preview: a staff preview token (the admin's phone frame or QR code) serves the draft. */
export async function getPage(slug: string, options: { preview?: string } = {}): Promise<PageResponse> {
  const early = options.preview === undefined ? takePrefetchedPage(slug) : undefined
  const answer = await (early ?? api.get<PageResponse>(`/api/v1/pages/${encodeURIComponent(slug)}`, { query: { preview: options.preview } }))
  // An older app meets newer block types: skip them, never crash the page.
  const blocks = parseBlocksLenient(answer.page.blocks, (index, issues) =>
    console.warn(`content: block ${index} of ${slug} skipped: ${issues.map((i) => i.message).join('; ')}`)
  ).map(absoluteBlock)
  const products: Record<string, Product> = {}
  for (const [id, product] of Object.entries(answer.products ?? {})) products[id] = absoluteProduct(product)
  return {
    page: { ...answer.page, blocks, cover: mediaUrl(answer.page.cover), share: { ...answer.page.share, imageUrl: mediaUrl(answer.page.share?.imageUrl) } },
    products
  }
}

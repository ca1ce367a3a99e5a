// Content pages for the shopper: the feed and one page with its products at live
// price and stock. Media paths are made absolute here so views just show them.
import type { Product } from '@core/contract/catalog'
import type { Paged } from '@core/contract/common'
import type { PageResponse, PageSummary } from '@core/contract/pages'
import { parseBlocksLenient, type Block, type BlockIssue } from '@core/content'
import { api } from './api'
import { mediaUrl } from './env'
import { takePrefetchedPage, takeSettledPage } from './page-prefetch'

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
    case 'shop-the-look':
      return { ...block, image: mediaUrl(block.image) }
    case 'carousel':
      return { ...block, slides: block.slides.map((slide) => ({ ...slide, image: mediaUrl(slide.image) })) }
    default:
      return block
  }
}

export function absoluteProduct(product: Product): Product {
  return { ...product, images: product.images.map((i) => mediaUrl(i)) }
}

/**
 * The blocks this app can render, media made absolute, each with its index in
 * the page as saved: the lenient parser drops what it does not know (a newer
 * block type, a half-typed draft), and tracking names blocks by their saved index.
 */
export function renderableBlocks(raw: unknown, onSkip?: (index: number, issues: BlockIssue[]) => void): { blocks: Block[]; indexes: number[] } {
  const indexes: number[] = []
  const list = Array.isArray(raw) ? raw : []
  const skipped = new Set<number>()
  const blocks = parseBlocksLenient(list, (index, issues) => {
    skipped.add(index)
    onSkip?.(index, issues)
  }).map(absoluteBlock)
  list.forEach((_, i) => {
    if (!skipped.has(i)) indexes.push(i)
  })
  return { blocks, indexes }
}

/** A page as the content page shows it: `indexes[i]` is the saved index of `page.blocks[i]`. */
export type ShownPage = PageResponse & { indexes: number[] }

/** preview: a staff preview token (the admin's phone frame or QR code) serves the draft. */
export async function getPage(slug: string, options: { preview?: string } = {}): Promise<ShownPage> {
  const early = options.preview === undefined ? takePrefetchedPage(slug) : undefined
  return shownPage(slug, await (early ?? api.get<PageResponse>(`/api/v1/pages/${encodeURIComponent(slug)}`, { query: { preview: options.preview } })))
}

/** The entry page's prefetched answer when it has already arrived (the page draws it in its first frame); once. */
export function takeReadyPage(slug: string): ShownPage | undefined {
  const answer = takeSettledPage(slug)
  return answer ? shownPage(slug, answer) : undefined
}

function shownPage(slug: string, answer: PageResponse): ShownPage {
  // An older app meets newer block types: skip them, never crash the page.
  const { blocks, indexes } = renderableBlocks(answer.page.blocks, (index, issues) =>
    console.warn(`content: block ${index} of ${slug} skipped: ${issues.map((i) => i.message).join('; ')}`)
  )
  const products: Record<string, Product> = {}
  for (const [id, product] of Object.entries(answer.products ?? {})) products[id] = absoluteProduct(product)
  return {
    page: { ...answer.page, blocks, cover: mediaUrl(answer.page.cover), share: { ...answer.page.share, imageUrl: mediaUrl(answer.page.share?.imageUrl) } },
    products,
    indexes
  }
}

/** Every product a block names (cards, grids, hotspots, slides, countdowns), each once. */
export function productIdsOf(blocks: readonly Block[]): string[] {
  const ids = new Set<string>()
  for (const block of blocks) {
    if (block.type === 'product') ids.add(block.productId)
    else if (block.type === 'product-grid') block.productIds.forEach((id) => ids.add(id))
    else if (block.type === 'shop-the-look') block.hotspots.forEach((h) => ids.add(h.productId))
    else if (block.type === 'carousel') block.slides.forEach((s) => s.productId && ids.add(s.productId))
    else if (block.type === 'countdown' && block.productId) ids.add(block.productId)
  }
  return [...ids]
}

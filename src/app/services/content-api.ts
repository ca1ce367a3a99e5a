// Content pages for the shopper: the feed and one page with its products at live
// price and stock. Media paths are made absolute here so views just show them.
import type { PageResponse, PageSummary, Paged, Product } from '@core/api-types'
import { parseBlocksLenient, type Block } from '@core/content'
import { describeCoupon, type CouponRule } from '@core/coupon'
import { api } from './api'
import { mediaUrl } from './env'

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

/** A coupon of the page's `coupon` blocks as far as the page answer tells (words, and the state for this shopper). */
export type PageCoupon = { title?: string; description?: string; state?: 'claimable' | 'claimed' | 'gone' }
export type PageData = PageResponse & { coupons: Record<string, PageCoupon> }

type WirePageCoupon = { title?: unknown; description?: unknown; state?: unknown; claimed?: unknown; soldOut?: unknown; remaining?: unknown } & Partial<CouponRule>

/**
 * NOTE: the page answer's `coupons` (by coupon id, like `products`) is read leniently:
 * until the backend sends it, blocks show 优惠券 / 可领取 and the claim answer decides.
 */
function readPageCoupons(raw: unknown): Record<string, PageCoupon> {
  const out: Record<string, PageCoupon> = {}
  if (!raw || typeof raw !== 'object') return out
  for (const [id, value] of Object.entries(raw as Record<string, WirePageCoupon>)) {
    if (!value || typeof value !== 'object') continue
    const state =
      value.state === 'claimable' || value.state === 'claimed' || value.state === 'gone'
        ? value.state
        : value.claimed === true
          ? 'claimed'
          : value.soldOut === true || value.remaining === 0
            ? 'gone'
            : undefined
    let description = typeof value.description === 'string' ? value.description : undefined
    if (!description && (value.kind === 'amount_off' || value.kind === 'percent_off')) {
      description = describeCoupon({ ...value, kind: value.kind, minSpendFen: typeof value.minSpendFen === 'number' ? value.minSpendFen : 0 })
    }
    out[id] = { ...(typeof value.title === 'string' ? { title: value.title } : {}), ...(description ? { description } : {}), ...(state ? { state } : {}) }
  }
  return out
}

/** preview: a staff preview token (the admin's phone frame or QR code) serves the draft. */
export async function getPage(slug: string, options: { preview?: string } = {}): Promise<PageData> {
  const answer = await api.get<PageResponse & { coupons?: unknown }>(`/api/v1/pages/${encodeURIComponent(slug)}`, { query: { preview: options.preview } })
  // An older app meets newer block types: skip them, never crash the page.
  const blocks = parseBlocksLenient(answer.page.blocks, (index, issues) =>
    console.warn(`content: block ${index} of ${slug} skipped: ${issues.map((i) => i.message).join('; ')}`)
  ).map(absoluteBlock)
  const products: Record<string, Product> = {}
  for (const [id, product] of Object.entries(answer.products ?? {})) products[id] = absoluteProduct(product)
  return {
    page: { ...answer.page, blocks, cover: mediaUrl(answer.page.cover), share: { ...answer.page.share, imageUrl: mediaUrl(answer.page.share?.imageUrl) } },
    products,
    coupons: readPageCoupons(answer.coupons)
  }
}

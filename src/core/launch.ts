// Launches (docs/api.md "Launches and 开售提醒"): a countdown block that
// names a product announces when that product goes on sale. The server
// derives each product's launch time from the countdown blocks of live
// pages; before it, the product cannot be ordered (409 NOT_ON_SALE) and
// the app shows 即将开售 with a 开售提醒 button. At the launch the backend
// sends each reminder once (the `launch` subscription template).
import type { Block } from './content-blocks'
import { templateData, amountValue, timeValue, type TemplateData } from './subscribe-message'
import { type Instant, requireEpochMs } from './time'

export interface Launch {
  productId: string
  /** ISO UTC. */
  launchAt: string
}

/**
 * The launches a page announces: every countdown block naming a product.
 * A product named by several countdowns launches at the latest of them
 * (the page never shows it as on sale while one still counts down).
 */
export function launchesOf(blocks: readonly Block[]): Launch[] {
  const at = new Map<string, number>()
  for (const block of blocks) {
    if (block.type !== 'countdown' || block.productId === undefined) continue
    const ms = requireEpochMs(block.until, 'until')
    at.set(block.productId, Math.max(at.get(block.productId) ?? -Infinity, ms))
  }
  return [...at].map(([productId, ms]) => ({ productId, launchAt: new Date(ms).toISOString() }))
}

/** Is a product with these launch times (from every live page) on sale at `now`? */
export function onSaleAt(launchTimes: readonly Instant[], now: Instant): boolean {
  const nowMs = requireEpochMs(now, 'now')
  return launchTimes.every((t) => requireEpochMs(t, 'launchAt') <= nowMs)
}

/** The app's page a reminder opens: the page it was asked on, else the product. */
export function reminderPagePath(r: { productId: string; contentSlug: string | null }): string {
  return r.contentSlug
    ? `pages/content/index?slug=${encodeURIComponent(r.contentSlug)}`
    : `pages/product/index?id=${encodeURIComponent(r.productId)}`
}

export type LaunchMessage = { title: string; priceFen: number | null; launchAt: Instant; note?: string }
/** 新品上架提醒: 商品名称, 商品价格, 上架时间, 温馨提示. */
export function launchMessage(m: LaunchMessage): TemplateData {
  return templateData({
    thing1: m.title,
    amount2: amountValue(m.priceFen ?? 0),
    time3: timeValue(m.launchAt),
    thing4: m.note || '已开售，数量有限，先到先得'
  })
}

// 我的分享: GET /api/v1/me/shares — the shopper's own shares, newest first, with the
// other shoppers who opened each, the paid orders through it and the reward coupons
// earned (granted and not taken back), and the totals.
import type { PageSummary } from '@core/contract/pages'
import type { Paged } from '@core/contract/common'
import type { MySharesResponse } from '@core/contract/rewards'
import { api } from './api'

export type ShareRow = MySharesResponse['items'][number] & {
  /** What was shared in words: the page's title when it is still published. */
  title?: string
}
export type MyShares = { items: ShareRow[]; totals: MySharesResponse['totals'] }

/**
 * NOTE: a share names its page by slug only; the titles come from the published
 * pages (one request, newest 50). A page not among them keeps a plain name.
 */
async function pageTitles(): Promise<Map<string, string>> {
  try {
    const feed = await api.get<Paged<PageSummary>>('/api/v1/pages', { query: { limit: 50 } })
    return new Map(feed.items.map((p) => [p.slug, p.title]))
  } catch (e) {
    console.warn('shares: page titles unavailable', e)
    return new Map()
  }
}

export async function getMyShares(): Promise<MyShares> {
  const answer = await api.get<MySharesResponse>('/api/v1/me/shares', { auth: 'required' })
  const titles = answer.items.some((s) => s.contentSlug) ? await pageTitles() : new Map<string, string>()
  return {
    items: answer.items.map((s) => {
      const title = s.contentSlug ? titles.get(s.contentSlug) : undefined
      return title ? { ...s, title } : s
    }),
    totals: answer.totals
  }
}

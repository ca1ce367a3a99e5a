// 我的分享: GET /api/v1/me/shares — the shopper's own shares, newest first, with the
// other shoppers who opened each, the paid orders through it and the reward coupons
// earned (granted and not taken back), and the totals.
import type { MySharesResponse } from '@core/contract/rewards'
import { api } from './api'

export type ShareRow = MySharesResponse['items'][number] & {
  /** What was shared, when the server names it (a page's or a product's title). */
  title?: string | null
}
export type MyShares = { items: ShareRow[]; totals: MySharesResponse['totals'] }

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0)

export async function getMyShares(): Promise<MyShares> {
  const answer = await api.get<Partial<MyShares>>('/api/v1/me/shares', { auth: 'required' })
  const items = answer.items ?? []
  const sum = (pick: (s: ShareRow) => number) => items.reduce((n, s) => n + count(pick(s)), 0)
  return {
    items,
    // Totals as the server counts them (an opener of two shares is one); summed only when absent.
    totals: answer.totals ?? { shares: items.length, opens: sum((s) => s.opens), orders: sum((s) => s.orders), rewards: sum((s) => s.rewards) }
  }
}

// 我的分享: GET /api/v1/me/shares — the shopper's own shares with their opens, orders
// and the rewards earned through them.
//
// NOTE: the answer's shape is declared here until the backend's contract for it lands;
// it is read leniently (a missing count is 0, a missing list is empty), so the page
// shows what the server sends without crashing on what it does not.
import { api } from './api'

export type ShareRow = {
  shareId: string
  /** What was shared: the page's title, else the product's, when the server names it. */
  title: string | null
  contentSlug: string | null
  productId: string | null
  channel: string | null
  createdAt: string | null
  opens: number
  orders: number
  rewards: number
}

export type RewardStatus = 'granted' | 'voided'
export type RewardRow = { id: string; title: string; status: RewardStatus; at: string | null; orderId: string | null }

export type MyShares = {
  shares: ShareRow[]
  rewards: RewardRow[]
  totals: { shares: number; opens: number; orders: number; rewards: number }
}

type Loose = Record<string, unknown>

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0)
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter((x): x is Loose => Boolean(x) && typeof x === 'object') : [])

function readShare(s: Loose): ShareRow | null {
  const shareId = text(s.shareId) ?? text(s.id)
  if (!shareId) return null
  const rewards = Array.isArray(s.rewards) ? s.rewards.length : count(s.rewards ?? s.rewardsEarned ?? s.rewardCount)
  return {
    shareId,
    title: text(s.title) ?? text(s.pageTitle) ?? text(s.productTitle),
    contentSlug: text(s.contentSlug),
    productId: text(s.productId),
    channel: text(s.channel),
    createdAt: text(s.createdAt) ?? text(s.ts),
    opens: count(s.opens),
    orders: count(s.orders ?? s.paidOrders),
    rewards
  }
}

function readReward(r: Loose, i: number): RewardRow {
  const voided = r.status === 'voided' || r.kind === 'void' || typeof r.voidedAt === 'string'
  return {
    id: text(r.id) ?? text(r.userCouponId) ?? `reward-${i}`,
    title: text(r.title) ?? text(r.couponTitle) ?? '奖励优惠券',
    status: voided ? 'voided' : 'granted',
    at: text(r.at) ?? text(r.grantedAt) ?? text(r.createdAt),
    orderId: text(r.orderId)
  }
}

export function readMyShares(answer: unknown): MyShares {
  const a = (answer && typeof answer === 'object' ? answer : {}) as Loose
  const rawShares = list(a.items ?? a.shares)
  const shares = rawShares.map(readShare).filter((s): s is ShareRow => s !== null)
  // Rewards listed at the top level, or inside each share.
  const rawRewards = a.rewards !== undefined ? list(a.rewards) : rawShares.flatMap((s) => list(s.rewards))
  const rewards = rawRewards.map(readReward)
  const t = (a.totals && typeof a.totals === 'object' ? a.totals : {}) as Loose
  const sum = (pick: (s: ShareRow) => number) => shares.reduce((n, s) => n + pick(s), 0)
  return {
    shares,
    rewards,
    totals: {
      shares: t.shares !== undefined ? count(t.shares) : shares.length,
      opens: t.opens !== undefined ? count(t.opens) : sum((s) => s.opens),
      orders: t.orders !== undefined ? count(t.orders) : sum((s) => s.orders),
      rewards: t.rewards !== undefined ? count(t.rewards) : rewards.length > 0 ? rewards.filter((r) => r.status === 'granted').length : sum((s) => s.rewards)
    }
  }
}

export async function getMyShares(): Promise<MyShares> {
  return readMyShares(await api.get<unknown>('/api/v1/me/shares', { auth: 'required' }))
}

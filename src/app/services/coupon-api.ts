// Coupons for the shopper: claim one from a content page, list one's own (usable first),
// and the pricing view checkout needs. The server decides every price; what is worked
// out here only previews 优惠 and 实付 before the order exists.
//
// The answers are read leniently (src/core/contract/coupons.ts gives their shapes): a
// field the server adds or leaves out never breaks a page.
import type { CouponOption, CouponRule, UserCouponStatus } from '@core/coupon'
import { COUPON_KINDS, USER_COUPON_STATUSES, describeCoupon } from '@core/coupon'
import { api } from './api'
import { ApiError } from './http'

/** A shopper's coupon: `POST /coupons/:id/claim` → `{userCoupon}`, `GET /me/coupons` → `{items}`. */
export type UserCouponView = {
  id: string
  couponId: string
  title: string
  expiresAt: string
  status: UserCouponStatus
  /** From when it may be used (coupons valid in a window that has not opened yet). */
  validFrom?: string
  /** 满100减20 and the like, when the server words it; else worked out from the rule. */
  description?: string
  /** The pricing terms, when the server sends them: checkout previews with them. */
  rule?: CouponRule
  /** reward: earned by sharing (我的分享). */
  source?: 'claim' | 'reward'
}

type WireCoupon = Partial<UserCouponView> & Partial<CouponRule> & { rule?: Partial<CouponRule> | null }

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined
}

function num(v: unknown): number | null | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : v === null ? null : undefined
}

/** The rule nested (`rule:{…}`) or flat beside the other fields: either is read. */
function ruleOf(raw: WireCoupon): CouponRule | undefined {
  const r = (raw.rule ?? raw) as Partial<CouponRule>
  if (!COUPON_KINDS.includes(r.kind as CouponRule['kind'])) return undefined
  const minSpendFen = num(r.minSpendFen)
  return {
    kind: r.kind as CouponRule['kind'],
    amountOffFen: num(r.amountOffFen) ?? null,
    percentOff: num(r.percentOff) ?? null,
    maxOffFen: num(r.maxOffFen) ?? null,
    minSpendFen: typeof minSpendFen === 'number' ? minSpendFen : 0,
    productIds: Array.isArray(r.productIds) ? r.productIds.filter((p): p is string => typeof p === 'string') : null
  }
}

export function readUserCoupon(raw: unknown): UserCouponView | null {
  if (!raw || typeof raw !== 'object') return null
  const c = raw as WireCoupon
  const id = str(c.id)
  const expiresAt = str(c.expiresAt)
  if (!id || !expiresAt) return null
  const status = USER_COUPON_STATUSES.includes(c.status as UserCouponStatus) ? (c.status as UserCouponStatus) : 'usable'
  const rule = ruleOf(c)
  return {
    id,
    couponId: str(c.couponId) ?? '',
    title: str(c.title) ?? '优惠券',
    expiresAt,
    status,
    ...(str(c.validFrom) ? { validFrom: c.validFrom } : {}),
    ...(str(c.description) ? { description: c.description } : rule ? { description: describeCoupon(rule) } : {}),
    ...(rule ? { rule } : {}),
    ...(c.source === 'claim' || c.source === 'reward' ? { source: c.source } : {})
  }
}

const STATUS_ORDER: Record<UserCouponStatus, number> = { usable: 0, locked: 1, used: 2, expired: 3 }

/** Usable first (the server already answers so; kept when it does not), then by expiry. */
export function sortCoupons(items: readonly UserCouponView[]): UserCouponView[] {
  return [...items].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || Date.parse(a.expiresAt) - Date.parse(b.expiresAt))
}

export async function listMyCoupons(): Promise<UserCouponView[]> {
  const answer = await api.get<{ items?: unknown[] }>('/api/v1/me/coupons', { auth: 'required' })
  return sortCoupons((answer.items ?? []).map(readUserCoupon).filter((c): c is UserCouponView => c !== null))
}

/** A coupon as its block shows it, for this shopper when logged in (GET /coupons/:id). */
export type BlockCouponState = 'claimable' | 'claimed' | 'gone' | 'not_started' | 'ended'
export type BlockCoupon = { title: string; description?: string; state: BlockCouponState }

const BLOCK_STATES: readonly BlockCouponState[] = ['claimable', 'claimed', 'gone', 'not_started', 'ended']

export async function getBlockCoupon(couponId: string): Promise<BlockCoupon> {
  const answer = await api.get<{ coupon?: { title?: unknown; description?: unknown; state?: unknown } }>(`/api/v1/coupons/${encodeURIComponent(couponId)}`, { auth: 'optional' })
  const c = answer.coupon ?? {}
  return {
    title: str(c.title) ?? '优惠券',
    ...(str(c.description) ? { description: c.description as string } : {}),
    state: BLOCK_STATES.includes(c.state as BlockCouponState) ? (c.state as BlockCouponState) : 'claimable'
  }
}

export type ClaimOutcome = { result: 'claimed'; userCoupon: UserCouponView | null } | { result: 'limit' } | { result: 'gone' } | { result: 'not_started' } | { result: 'ended' }

const CLAIM_REFUSALS: Record<string, Exclude<ClaimOutcome['result'], 'claimed'>> = {
  COUPON_GONE: 'gone',
  COUPON_LIMIT: 'limit',
  COUPON_NOT_STARTED: 'not_started',
  COUPON_ENDED: 'ended'
}

/** 409 COUPON_GONE (none left), COUPON_LIMIT (holds as many as allowed), not started or over: answers, not failures. */
export async function claimCoupon(couponId: string): Promise<ClaimOutcome> {
  try {
    const answer = await api.post<{ userCoupon?: unknown }>(`/api/v1/coupons/${encodeURIComponent(couponId)}/claim`, {}, { auth: 'required' })
    return { result: 'claimed', userCoupon: readUserCoupon(answer.userCoupon) }
  } catch (e) {
    const refusal = e instanceof ApiError ? CLAIM_REFUSALS[e.code] : undefined
    if (refusal) return { result: refusal }
    throw e
  }
}

const MESSAGES: Record<string, string> = {
  COUPON_NOT_FOUND: '这张券不存在或已下架'
}

/** The shopper's words for a failed coupon call (the server's message is for developers). */
export function couponErrorText(e: unknown): string {
  if (e instanceof ApiError && MESSAGES[e.code]) return MESSAGES[e.code]!
  return (e as Error)?.message || '领取失败，请重试'
}

/**
 * What core's rankCoupons needs. A coupon the server sent without its terms cannot
 * be previewed: it is left out of the automatic choice (the server still prices it
 * when the shopper picks it).
 */
export function couponOption(c: UserCouponView): CouponOption | null {
  if (!c.rule) return null
  return {
    id: c.id,
    rule: c.rule,
    facts: {
      validFrom: c.validFrom ?? '1970-01-01T00:00:00.000Z',
      expiresAt: c.expiresAt,
      orderId: c.status === 'locked' || c.status === 'used' ? 'held' : null,
      usedAt: c.status === 'used' ? c.expiresAt : null
    }
  }
}

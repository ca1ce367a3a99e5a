/** GET /api/v1/me/coupons: usable first (the one expiring soonest first), then locked, used, expired. */
import type { UserCouponDto } from '@core/contract/coupons'
import { listUserCoupons } from '../../db/repos/coupon-repo'
import type { Deps } from '../../deps'
import { toUserCouponDto } from './coupon-view'

const RANK = { usable: 0, locked: 1, used: 2, expired: 3 } as const

export async function myCoupons(deps: Deps, userId: string): Promise<UserCouponDto[]> {
  const now = deps.clock.now()
  const items = (await listUserCoupons(deps.db, userId)).map((u) => toUserCouponDto(u, now))
  return items.sort(
    (a, b) => RANK[a.status] - RANK[b.status] || (a.status === 'usable' ? (a.expiresAt < b.expiresAt ? -1 : a.expiresAt > b.expiresAt ? 1 : 0) : 0)
  )
}

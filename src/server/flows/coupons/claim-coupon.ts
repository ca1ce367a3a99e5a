/**
 * POST /api/v1/coupons/:id/claim. In one transaction: the shopper's claims
 * of this coupon are serialised (an advisory lock on PostgreSQL; SQLite has
 * one writer), counted against per_user, and one is taken from the total
 * by a conditional UPDATE that never passes it. The unique (coupon, user,
 * seq) index is the last guard: a race that slipped past the count fails
 * there and answers COUPON_LIMIT. So 50 shoppers racing for 10 get 10.
 */
import type { ShopperCouponDto, UserCouponDto } from '@core/contract/coupons'
import { checkClaim, describeCoupon, userCouponWindow } from '@core/coupon'
import { err, ok, type Result } from '@core/result'
import { claimsByUser, countClaimsOf, findCoupon, findUserCoupon, insertUserCoupon, lockClaimer, takeOne } from '../../db/repos/coupon-repo'
import { isUniqueViolation } from '../../db/unique-violation'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { Rollback } from '../orders/rollback'
import { ruleOf, termsOf, toUserCouponDto } from './coupon-view'

export async function claimCoupon(deps: Deps, userId: string, couponId: string): Promise<Result<UserCouponDto>> {
  const now = deps.clock.now()
  const at = now.toISOString()
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const coupon = await findCoupon(trx, couponId)
      if (!coupon) throw new Rollback(err('COUPON_NOT_FOUND', `No coupon ${couponId}`))
      await lockClaimer(trx, couponId, userId)
      const mine = await countClaimsOf(trx, couponId, userId)
      const check = checkClaim(termsOf(coupon), { claimed: coupon.claimed, claimedByUser: mine }, now)
      if (!check.ok && check.error.code !== 'COUPON_GONE') throw new Rollback(check)
      if (!(await takeOne(trx, couponId, at))) throw new Rollback(err('COUPON_GONE', '已抢光'))
      const window = userCouponWindow(termsOf(coupon), at)
      const ucId = newId('ucp')
      await insertUserCoupon(trx, {
        id: ucId,
        couponId,
        userId,
        source: 'claim',
        seq: mine + 1,
        claimedAt: at,
        validFrom: window.validFrom,
        expiresAt: window.expiresAt,
        orderId: null,
        usedAt: null,
        voidedAt: null
      })
      return ucId
    })
    const claimed = await findUserCoupon(deps.db, id)
    if (!claimed) throw new Error(`claimed coupon ${id} vanished`)
    return ok(toUserCouponDto(claimed, now))
  } catch (e) {
    if (e instanceof Rollback) return e.result
    if (isUniqueViolation(e)) return err('COUPON_LIMIT', '已领取')
    throw e
  }
}

/** GET /api/v1/coupons/:id: what the coupon block shows, for this shopper when signed in. */
export async function couponForShopper(deps: Deps, couponId: string, userId: string | null): Promise<Result<ShopperCouponDto>> {
  const coupon = await findCoupon(deps.db, couponId)
  if (!coupon) return err('COUPON_NOT_FOUND', `No coupon ${couponId}`)
  const mine = userId ? ((await claimsByUser(deps.db, userId, [couponId])).get(couponId) ?? 0) : 0
  const check = checkClaim(termsOf(coupon), { claimed: coupon.claimed, claimedByUser: mine }, deps.clock.now())
  const state = check.ok
    ? 'claimable'
    : ({ COUPON_LIMIT: 'claimed', COUPON_GONE: 'gone', COUPON_NOT_STARTED: 'not_started', COUPON_ENDED: 'ended' } as const)[check.error.code]
  return ok({ id: coupon.id, title: coupon.title, description: describeCoupon(ruleOf(coupon)), startsAt: coupon.startsAt, endsAt: coupon.endsAt, state })
}

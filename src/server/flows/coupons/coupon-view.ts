/** Coupon rows → the API's coupon shapes, and → core's rule and terms. */
import type { CouponDto, UserCouponDto } from '@core/contract/coupons'
import { describeCoupon, userCouponStatus, type CouponKind, type CouponRule, type CouponTerms, type UserCouponFacts } from '@core/coupon'
import type { CouponRow, UserCouponWithCoupon } from '../../db/repos/coupon-repo'

export function productIdsOf(row: CouponRow): string[] | null {
  return row.productIds === null ? null : (JSON.parse(row.productIds) as string[])
}

export function ruleOf(row: CouponRow): CouponRule {
  const productIds = productIdsOf(row)
  return {
    kind: row.kind as CouponKind,
    amountOffFen: row.amountOffFen,
    percentOff: row.percentOff,
    maxOffFen: row.maxOffFen,
    minSpendFen: row.minSpendFen,
    ...(productIds && productIds.length > 0 ? { productIds } : {})
  }
}

export function termsOf(row: CouponRow): CouponTerms {
  return { ...ruleOf(row), title: row.title, startsAt: row.startsAt, endsAt: row.endsAt, validDays: row.validDays, total: row.total, perUser: row.perUser }
}

function ruleFields(row: CouponRow) {
  const productIds = productIdsOf(row)
  return {
    kind: row.kind as CouponKind,
    ...(row.amountOffFen !== null ? { amountOffFen: row.amountOffFen } : {}),
    ...(row.percentOff !== null ? { percentOff: row.percentOff } : {}),
    ...(row.maxOffFen !== null ? { maxOffFen: row.maxOffFen } : {}),
    minSpendFen: row.minSpendFen,
    ...(productIds && productIds.length > 0 ? { productIds } : {}),
    description: describeCoupon(ruleOf(row))
  }
}

export function toCouponDto(row: CouponRow, used: number): CouponDto {
  return {
    id: row.id,
    title: row.title,
    ...ruleFields(row),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    ...(row.validDays !== null ? { validDays: row.validDays } : {}),
    ...(row.total !== null ? { total: row.total } : {}),
    perUser: row.perUser,
    claimed: row.claimed,
    used,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  }
}

export function factsOf(u: UserCouponWithCoupon): UserCouponFacts {
  return { validFrom: u.validFrom, expiresAt: u.expiresAt, orderId: u.orderId, usedAt: u.usedAt }
}

export function toUserCouponDto(u: UserCouponWithCoupon, now: Date): UserCouponDto {
  return {
    id: u.id,
    couponId: u.couponId,
    title: u.coupon.title,
    ...ruleFields(u.coupon),
    validFrom: u.validFrom,
    expiresAt: u.expiresAt,
    status: userCouponStatus(factsOf(u), now),
    source: u.source === 'reward' ? 'reward' : 'claim',
    ...(u.orderId ? { orderId: u.orderId } : {})
  }
}

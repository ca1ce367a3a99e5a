/**
 * A coupon on an order's life: checked, priced and locked when the order is
 * placed (inside its transaction), spent when it is paid, freed when it
 * closes unpaid or is refunded in full before anything shipped.
 */
import { applyCoupon, isUsableNow, type PricingLine } from '@core/coupon'
import { err, ok, type Result } from '@core/result'
import type { Executor } from '../../db/database'
import { findUserCoupon, lockUserCoupon, markCouponUsed, releaseCouponOf } from '../../db/repos/coupon-repo'
import { factsOf, ruleOf } from './coupon-view'

export type OrderCoupon = { discountFen: number; lineDiscounts: number[]; title: string }

/**
 * The shopper's coupon `userCouponId` on these lines: it must be theirs
 * (else COUPON_NOT_FOUND, as for a coupon that does not exist), free and
 * inside its window (COUPON_NOT_USABLE), and the lines must meet it
 * (COUPON_NOT_APPLICABLE, COUPON_MIN_SPEND). Locks it for `orderId`.
 */
export async function priceOrderCoupon(
  trx: Executor,
  input: { userId: string; orderId: string; userCouponId: string; lines: ReadonlyArray<PricingLine>; now: Date }
): Promise<Result<OrderCoupon>> {
  const uc = await findUserCoupon(trx, input.userCouponId)
  if (!uc || uc.userId !== input.userId || uc.voidedAt !== null) return err('COUPON_NOT_FOUND', `No coupon ${input.userCouponId} of yours`)
  if (!isUsableNow(factsOf(uc), input.now)) {
    return err('COUPON_NOT_USABLE', 'This coupon is used, held by another unpaid order, expired or not valid yet', { couponId: input.userCouponId })
  }
  const applied = applyCoupon(ruleOf(uc.coupon), input.lines)
  if (!applied.ok) return applied
  if (applied.value.discountFen <= 0) return err('COUPON_NOT_APPLICABLE', 'This coupon takes nothing off this order')
  if (!(await lockUserCoupon(trx, uc.id, input.userId, input.orderId, input.now.toISOString()))) {
    return err('COUPON_NOT_USABLE', 'This coupon was just used by another order', { couponId: input.userCouponId })
  }
  return ok({ discountFen: applied.value.discountFen, lineDiscounts: applied.value.lineDiscounts, title: uc.coupon.title })
}

export async function spendOrderCoupon(trx: Executor, orderId: string, at: string): Promise<void> {
  await markCouponUsed(trx, orderId, at)
}

export async function freeOrderCoupon(trx: Executor, orderId: string): Promise<void> {
  await releaseCouponOf(trx, orderId)
}

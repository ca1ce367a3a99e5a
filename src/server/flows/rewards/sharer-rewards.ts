/**
 * Sharer rewards, single level and paid in coupons (WeChat forbids
 * multi-level distribution and cash): when an order attributed to a share
 * completes, the sharer earns the coupon of the matching rule (the page's
 * own rule, else the one for every page) once, when the order's net paid
 * amount reaches the rule's minimum, the open that led to it was the buyer's
 * own logged-in open, and the sharer is a logged-in shopper other than the
 * buyer. A refund requested before the after-sales deadline takes back a
 * reward coupon not used yet. The ledger keeps every grant and void with
 * its order. Both run inside the transaction that completes or refunds.
 */
import { afterSaleDeadline } from '@core/after-sale-rules'
import { userCouponWindow } from '@core/coupon'
import type { Executor } from '../../db/database'
import { countRewardsOf, findCoupon, insertUserCoupon, lockClaimer } from '../../db/repos/coupon-repo'
import type { OrderRow } from '../../db/repos/order-repo'
import { insertLedger, isUser, ledgerOfOrder, ruleForPage, userOpenedShare, voidUnusedUserCoupon } from '../../db/repos/reward-repo'
import { newId } from '../../ids'
import { termsOf } from '../coupons/coupon-view'
import { paidFenOf } from '../orders/order-view'

export async function grantSharerReward(trx: Executor, order: OrderRow, now: Date): Promise<string | null> {
  const sharer = order.attrSharerUserId
  const shareId = order.attrShareId
  if (!sharer || !shareId || sharer === order.userId) return null
  if (!(await isUser(trx, sharer))) return null
  if (!(await userOpenedShare(trx, order.userId, shareId))) return null
  if ((await ledgerOfOrder(trx, order.id)).some((l) => l.kind === 'grant')) return null
  const rule = await ruleForPage(trx, order.attrContentSlug)
  if (!rule || paidFenOf(order) - order.refundedFen < rule.minPaidFen) return null
  const coupon = await findCoupon(trx, rule.couponId)
  if (!coupon) return null
  const at = now.toISOString()
  await lockClaimer(trx, coupon.id, sharer)
  const seq = (await countRewardsOf(trx, coupon.id, sharer)) + 1
  const window = userCouponWindow(termsOf(coupon), at)
  const userCouponId = newId('ucp')
  await insertUserCoupon(trx, {
    id: userCouponId,
    couponId: coupon.id,
    userId: sharer,
    source: 'reward',
    seq,
    claimedAt: at,
    validFrom: window.validFrom,
    expiresAt: window.expiresAt,
    orderId: null,
    usedAt: null,
    voidedAt: null
  })
  await insertLedger(trx, {
    id: newId('rwd'),
    orderId: order.id,
    kind: 'grant',
    sharerUserId: sharer,
    ruleId: rule.id,
    couponId: coupon.id,
    userCouponId,
    shareId,
    contentSlug: order.attrContentSlug,
    at
  })
  return userCouponId
}

/** A refund succeeded on this order; `requestedAt` is when it was asked for. */
export async function voidSharerReward(trx: Executor, order: OrderRow, requestedAt: string, afterSaleDays: number, now: Date): Promise<boolean> {
  const ledger = await ledgerOfOrder(trx, order.id)
  const grant = ledger.find((l) => l.kind === 'grant')
  if (!grant || ledger.some((l) => l.kind === 'void')) return false
  if (order.completedAt && requestedAt > afterSaleDeadline(order.completedAt, afterSaleDays)) return false
  const at = now.toISOString()
  if (!(await voidUnusedUserCoupon(trx, grant.userCouponId, at))) return false
  await insertLedger(trx, { ...grant, id: newId('rwd'), kind: 'void', at })
  return true
}

/** Coupon templates (staff), a shopper's coupons, and the claim answer. */
import { z } from 'zod'
import { COUPON_KINDS, MAX_COUPON_PRODUCTS, MAX_COUPON_TITLE, USER_COUPON_STATUSES } from '../coupon'
import { id, isoTime } from './common'

const fen = z.number().int().min(0).max(10_000_000_000)

/**
 * POST/PUT /api/admin/coupons. Field types here; the rules between fields
 * (an amount for amount_off, a percent for percent_off, endsAt after
 * startsAt, perUser ≤ total) are core's validateCouponTerms, answered as
 * INVALID_COUPON with `[{path, message}]`.
 */
export const couponInput = z.object({
  title: z.string().max(MAX_COUPON_TITLE * 2),
  kind: z.enum(COUPON_KINDS),
  amountOffFen: fen.nullable().optional(),
  percentOff: z.number().int().nullable().optional().describe('whole percent taken off: 20 = 8折'),
  maxOffFen: fen.nullable().optional(),
  minSpendFen: fen,
  productIds: z.array(id).max(MAX_COUPON_PRODUCTS).nullable().optional().describe('none or empty: every product'),
  startsAt: isoTime,
  endsAt: isoTime,
  validDays: z.number().int().nullable().optional().describe('usable for this many days after claiming'),
  total: z.number().int().nullable().optional().describe('none: unlimited'),
  perUser: z.number().int()
})
export type CouponInput = z.infer<typeof couponInput>

/** The rule of a coupon as answered (a template and a shopper's copy both carry it, so the app prices as the server does). */
const couponRule = z.object({
  kind: z.enum(COUPON_KINDS),
  amountOffFen: z.number().int().optional(),
  percentOff: z.number().int().optional(),
  maxOffFen: z.number().int().optional(),
  minSpendFen: z.number().int(),
  productIds: z.array(z.string()).optional()
})

export const couponDto = z
  .object({
    id: z.string(),
    title: z.string(),
    ...couponRule.shape,
    startsAt: isoTime,
    endsAt: isoTime,
    validDays: z.number().int().optional(),
    total: z.number().int().optional(),
    perUser: z.number().int(),
    /** 满100减20, 8折 最高减50 … */
    description: z.string(),
    claimed: z.number().int(),
    used: z.number().int(),
    createdAt: isoTime,
    updatedAt: isoTime
  })
  .meta({ id: 'Coupon' })
export type CouponDto = z.infer<typeof couponDto>

export const couponResponse = z.object({ coupon: couponDto })
export const couponList = z.object({ items: z.array(couponDto) })

export const userCouponStatus = z.enum(USER_COUPON_STATUSES)

/** A shopper's coupon, with the rule so the app prices checkout as the server does. */
export const userCouponDto = z
  .object({
    id: z.string(),
    couponId: z.string(),
    title: z.string(),
    description: z.string(),
    ...couponRule.shape,
    validFrom: isoTime,
    expiresAt: isoTime,
    status: userCouponStatus,
    /** claim: the shopper claimed it; reward: earned by sharing. */
    source: z.enum(['claim', 'reward']),
    /** The order holding (locked) or that used it. */
    orderId: z.string().optional()
  })
  .meta({ id: 'UserCoupon' })
export type UserCouponDto = z.infer<typeof userCouponDto>

export const userCouponResponse = z.object({ userCoupon: userCouponDto })
export const userCouponList = z.object({ items: z.array(userCouponDto) })

/** A coupon as the coupon block shows it: 可领取 / 已领取 / 已抢光 (and not yet / over). */
export const couponBlockState = z.enum(['claimable', 'claimed', 'gone', 'not_started', 'ended'])
export const shopperCouponDto = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  startsAt: isoTime,
  endsAt: isoTime,
  /** For a signed-in shopper; anonymous callers see claimable/gone/not_started/ended. */
  state: couponBlockState
})
export type ShopperCouponDto = z.infer<typeof shopperCouponDto>
export const shopperCouponResponse = z.object({ coupon: shopperCouponDto })

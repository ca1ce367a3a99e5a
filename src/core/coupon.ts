// Coupons: the rules of a coupon template (amount off with a minimum spend,
// percent off with a cap, limited to some products or not, a validity
// window or a number of days after claiming, total and per-shopper limits),
// which of a shopper's coupons apply to a cart, the best one, and the
// discount spread over the cart's lines in whole fen. The server prices
// orders with these functions and the app shows the same numbers at
// checkout, so 优惠 and 实付 never disagree with what WeChat Pay charges.
import { err, ok, type Result } from './result'

export const COUPON_KINDS = ['amount_off', 'percent_off'] as const
export type CouponKind = (typeof COUPON_KINDS)[number]

/** What a shopper's coupon is now: `locked` = held by an unpaid order. */
export const USER_COUPON_STATUSES = ['usable', 'locked', 'used', 'expired'] as const
export type UserCouponStatus = (typeof USER_COUPON_STATUSES)[number]

export const MAX_COUPON_TITLE = 40
export const MAX_VALID_DAYS = 366
export const MAX_PER_USER = 100
export const MAX_COUPON_TOTAL = 10_000_000
export const MAX_COUPON_PRODUCTS = 200

const DAY_MS = 86_400_000

/** The pricing part of a coupon template. */
export type CouponRule = {
  kind: CouponKind
  /** amount_off: fen taken off. */
  amountOffFen?: number | null
  /** percent_off: whole percent taken off (20 = 8折). */
  percentOff?: number | null
  /** percent_off: the most it takes off; none = no cap. */
  maxOffFen?: number | null
  /** The eligible lines must add up to at least this (0 = no minimum). */
  minSpendFen: number
  /** Only these products count; none or empty = every product. */
  productIds?: readonly string[] | null
}

/** A coupon template as staff define it. */
export type CouponTerms = CouponRule & {
  title: string
  /** Claimable from startsAt until endsAt; without validDays also usable only in that window. */
  startsAt: string
  endsAt: string
  /** Usable for this many days after claiming (still never claimed after endsAt). */
  validDays?: number | null
  /** How many may be claimed in all; none = unlimited. */
  total?: number | null
  /** How many one shopper may claim. */
  perUser: number
}

export type CouponInputCode = 'INVALID_COUPON'

function isWholeFen(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0
}

function parseTime(s: string): number {
  const t = Date.parse(s)
  return Number.isNaN(t) ? NaN : t
}

/**
 * Checks a template beyond its field types: what the admin form, the server
 * and the tests agree is a coupon that can be honoured. The failures carry
 * `details: [{path, message}]` in Chinese.
 */
export function validateCouponTerms(terms: CouponTerms): Result<CouponTerms, CouponInputCode> {
  const issues: Array<{ path: string; message: string }> = []
  const add = (path: string, message: string): void => {
    issues.push({ path, message })
  }
  const title = terms.title.trim()
  if (title === '') add('title', '请填写优惠券名称')
  else if (title.length > MAX_COUPON_TITLE) add('title', `名称最多 ${MAX_COUPON_TITLE} 个字`)
  if (terms.kind === 'amount_off') {
    if (!isWholeFen(terms.amountOffFen) || terms.amountOffFen < 1) add('amountOffFen', '请填写减免金额（至少 0.01 元）')
    else if (terms.minSpendFen > 0 && terms.amountOffFen > terms.minSpendFen) add('amountOffFen', '减免金额不能高于使用门槛')
  } else {
    if (typeof terms.percentOff !== 'number' || !Number.isInteger(terms.percentOff) || terms.percentOff < 1 || terms.percentOff > 99) {
      add('percentOff', '折扣须为 1–99 的整数（减去的百分比）')
    }
    if (terms.maxOffFen != null && (!isWholeFen(terms.maxOffFen) || terms.maxOffFen < 1)) add('maxOffFen', '最高减免须至少 0.01 元')
  }
  if (!isWholeFen(terms.minSpendFen)) add('minSpendFen', '使用门槛须为不小于 0 的金额')
  const starts = parseTime(terms.startsAt)
  const ends = parseTime(terms.endsAt)
  if (Number.isNaN(starts)) add('startsAt', '请填写开始时间')
  if (Number.isNaN(ends)) add('endsAt', '请填写结束时间')
  else if (!Number.isNaN(starts) && ends <= starts) add('endsAt', '结束时间须晚于开始时间')
  if (terms.validDays != null && (!Number.isInteger(terms.validDays) || terms.validDays < 1 || terms.validDays > MAX_VALID_DAYS)) {
    add('validDays', `领取后有效天数须为 1–${MAX_VALID_DAYS}`)
  }
  if (terms.total != null && (!Number.isInteger(terms.total) || terms.total < 1 || terms.total > MAX_COUPON_TOTAL)) {
    add('total', '发放总量须为正整数')
  }
  if (!Number.isInteger(terms.perUser) || terms.perUser < 1 || terms.perUser > MAX_PER_USER) add('perUser', `每人限领须为 1–${MAX_PER_USER}`)
  else if (terms.total != null && terms.perUser > terms.total) add('perUser', '每人限领不能多于发放总量')
  if (terms.productIds && terms.productIds.length > MAX_COUPON_PRODUCTS) add('productIds', `最多指定 ${MAX_COUPON_PRODUCTS} 件商品`)
  if (issues.length > 0) return err('INVALID_COUPON', issues[0]!.message, issues)
  return ok({ ...terms, title, ...(terms.productIds ? { productIds: [...new Set(terms.productIds)] } : {}) })
}

export type ClaimCheckCode = 'COUPON_NOT_STARTED' | 'COUPON_ENDED' | 'COUPON_GONE' | 'COUPON_LIMIT'

/**
 * Whether a shopper may claim one more now. `claimed` is how many were
 * claimed in all, `claimedByUser` how many this shopper holds (used or not).
 * The server repeats the limits in its conditional UPDATE; this is what the
 * coupon block shows (可领取 / 已领取 / 已抢光) and the first check.
 */
export function checkClaim(
  terms: Pick<CouponTerms, 'startsAt' | 'endsAt' | 'total' | 'perUser'>,
  counts: { claimed: number; claimedByUser: number },
  now: Date
): Result<true, ClaimCheckCode> {
  const t = now.getTime()
  if (t < parseTime(terms.startsAt)) return err('COUPON_NOT_STARTED', '活动尚未开始')
  if (t >= parseTime(terms.endsAt)) return err('COUPON_ENDED', '活动已结束')
  if (counts.claimedByUser >= terms.perUser) return err('COUPON_LIMIT', '已领取', { perUser: terms.perUser })
  if (terms.total != null && counts.claimed >= terms.total) return err('COUPON_GONE', '已抢光')
  return ok(true)
}

/** From when and until when a coupon claimed at `claimedAt` may be used. */
export function userCouponWindow(
  terms: Pick<CouponTerms, 'startsAt' | 'endsAt' | 'validDays'>,
  claimedAt: string
): { validFrom: string; expiresAt: string } {
  if (terms.validDays != null) {
    const from = parseTime(claimedAt)
    return { validFrom: new Date(from).toISOString(), expiresAt: new Date(from + terms.validDays * DAY_MS).toISOString() }
  }
  return { validFrom: new Date(parseTime(terms.startsAt)).toISOString(), expiresAt: new Date(parseTime(terms.endsAt)).toISOString() }
}

/** A shopper's coupon as stored; `usedAt`/`lockedBy` as the server keeps them. */
export type UserCouponFacts = {
  validFrom: string
  expiresAt: string
  /** The order holding it (unpaid) or that used it (paid); null = free. */
  orderId: string | null
  /** Set once the holding order was paid. */
  usedAt: string | null
}

export function userCouponStatus(c: UserCouponFacts, now: Date): UserCouponStatus {
  if (c.usedAt !== null) return 'used'
  if (c.orderId !== null) return 'locked'
  if (now.getTime() >= parseTime(c.expiresAt)) return 'expired'
  return 'usable'
}

/** Free and inside its window now (a coupon not yet valid is not usable either). */
export function isUsableNow(c: UserCouponFacts, now: Date): boolean {
  return userCouponStatus(c, now) === 'usable' && now.getTime() >= parseTime(c.validFrom)
}

/** One priced line of a cart or an order (lineFen = priceFen × qty). */
export type PricingLine = { productId: string | null; lineFen: number }

function eligible(rule: Pick<CouponRule, 'productIds'>, line: PricingLine): boolean {
  if (line.productId === null || line.lineFen <= 0) return false
  if (!rule.productIds || rule.productIds.length === 0) return true
  return rule.productIds.includes(line.productId)
}

export type CouponApplyCode = 'COUPON_NOT_APPLICABLE' | 'COUPON_MIN_SPEND'

export type CouponDiscount = {
  discountFen: number
  /** Per input line, same order; adds up to discountFen exactly. */
  lineDiscounts: number[]
  /** The lines the coupon counted (sum of their lineFen). */
  eligibleFen: number
}

/**
 * What a coupon takes off these lines. amount_off: its amount, at most the
 * eligible lines; percent_off: floor(eligible × percent / 100), at most
 * maxOffFen. The shopper always pays at least 1 fen (WeChat Pay charges no
 * 0-fen order), so the discount is at most the cart total less 1 fen.
 */
export function applyCoupon(rule: CouponRule, lines: readonly PricingLine[]): Result<CouponDiscount, CouponApplyCode> {
  const mask = lines.map((l) => eligible(rule, l))
  const eligibleFen = lines.reduce((sum, l, i) => (mask[i] ? sum + l.lineFen : sum), 0)
  const totalFen = lines.reduce((sum, l) => sum + Math.max(0, l.lineFen), 0)
  if (eligibleFen <= 0) return err('COUPON_NOT_APPLICABLE', '购物车中没有可用此券的商品')
  if (eligibleFen < rule.minSpendFen) {
    return err('COUPON_MIN_SPEND', `还差 ${rule.minSpendFen - eligibleFen} 分可用`, { minSpendFen: rule.minSpendFen, eligibleFen })
  }
  let off: number
  if (rule.kind === 'amount_off') {
    off = Math.min(rule.amountOffFen ?? 0, eligibleFen)
  } else {
    off = mulDivFloor(eligibleFen, rule.percentOff ?? 0, 100)
    if (rule.maxOffFen != null) off = Math.min(off, rule.maxOffFen)
  }
  off = Math.max(0, Math.min(off, totalFen - 1))
  const shares = spreadDiscount(
    lines.map((l, i) => (mask[i] ? l.lineFen : 0)),
    off
  )
  return ok({ discountFen: off, lineDiscounts: shares, eligibleFen })
}

function mulDivFloor(a: number, b: number, c: number): number {
  const p = a * b
  if (Number.isSafeInteger(p)) return Math.floor(p / c)
  return Number((BigInt(a) * BigInt(b)) / BigInt(c))
}

function mulDivRem(a: number, b: number, c: number): [number, number] {
  const p = a * b
  if (Number.isSafeInteger(p)) return [Math.floor(p / c), p % c]
  const big = BigInt(a) * BigInt(b)
  return [Number(big / BigInt(c)), Number(big % BigInt(c))]
}

/**
 * Spreads `discountFen` over lines in proportion to their weights (fen), in
 * whole fen, by the largest remainder: every line gets the floor of its
 * exact share, and the fen left over go one each to the lines with the
 * largest remainders (ties: the larger line, then the earlier one). The
 * parts add up to discountFen exactly and no line gets more than its weight.
 * A weight of 0 gets 0. Throws when discountFen exceeds the sum of weights.
 */
export function spreadDiscount(weights: readonly number[], discountFen: number): number[] {
  for (const w of weights) if (!isWholeFen(w)) throw new RangeError(`weights must be whole fen, got ${String(w)}`)
  if (!isWholeFen(discountFen)) throw new RangeError(`discountFen must be whole fen, got ${String(discountFen)}`)
  const total = weights.reduce((s, w) => s + w, 0)
  if (discountFen > total) throw new RangeError(`discount ${discountFen} exceeds the lines' ${total} fen`)
  if (discountFen === 0) return weights.map(() => 0)
  const parts: number[] = []
  const rems: number[] = []
  for (const w of weights) {
    const [q, r] = mulDivRem(discountFen, w, total)
    parts.push(q)
    rems.push(r)
  }
  let left = discountFen - parts.reduce((s, p) => s + p, 0)
  const order = weights.map((_, i) => i).sort((a, b) => rems[b]! - rems[a]! || weights[b]! - weights[a]! || a - b)
  for (const i of order) {
    if (left === 0) break
    if (weights[i]! === 0) continue
    parts[i]! += 1
    left -= 1
  }
  return parts
}

/**
 * What `units` more of a line are worth after its discount, when
 * `alreadyUnits` of it were refunded before: the line's paid amount spread
 * evenly over its units, in whole fen, so refunding a line unit by unit adds
 * up to exactly what was paid for it.
 */
export function payableOfUnits(line: { lineFen: number; discountFen: number; qty: number }, alreadyUnits: number, units: number): number {
  const paid = line.lineFen - line.discountFen
  if (paid < 0 || !Number.isInteger(line.qty) || line.qty < 1) throw new RangeError('a line pays a whole amount for at least one unit')
  if (!Number.isInteger(alreadyUnits) || !Number.isInteger(units) || alreadyUnits < 0 || units < 0 || alreadyUnits + units > line.qty) {
    throw new RangeError(`units ${alreadyUnits}+${units} do not fit a line of ${line.qty}`)
  }
  const upTo = (u: number): number => (u === line.qty ? paid : mulDivFloor(paid, u, line.qty))
  return upTo(alreadyUnits + units) - upTo(alreadyUnits)
}

/** A shopper's coupon as checkout sees it. */
export type CouponOption = { id: string; rule: CouponRule; facts: UserCouponFacts }

export type CouponChoice = {
  id: string
  /** null = usable on this cart; else why not. */
  problem: CouponApplyCode | 'COUPON_NOT_USABLE' | null
  discountFen: number
}

/**
 * Every one of the shopper's coupons against this cart: the usable ones by
 * discount (largest first; ties: the one expiring first, then id), then the
 * others. The first, when its problem is null, is the best.
 */
export function rankCoupons(options: readonly CouponOption[], lines: readonly PricingLine[], now: Date): CouponChoice[] {
  const rated = options.map((o): CouponChoice & { expires: number } => {
    const expires = parseTime(o.facts.expiresAt)
    if (!isUsableNow(o.facts, now)) return { id: o.id, problem: 'COUPON_NOT_USABLE', discountFen: 0, expires }
    const applied = applyCoupon(o.rule, lines)
    if (!applied.ok) return { id: o.id, problem: applied.error.code, discountFen: 0, expires }
    if (applied.value.discountFen <= 0) return { id: o.id, problem: 'COUPON_NOT_APPLICABLE', discountFen: 0, expires }
    return { id: o.id, problem: null, discountFen: applied.value.discountFen, expires }
  })
  rated.sort(
    (a, b) =>
      Number(a.problem !== null) - Number(b.problem !== null) ||
      b.discountFen - a.discountFen ||
      a.expires - b.expires ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
  return rated.map(({ id, problem, discountFen }) => ({ id, problem, discountFen }))
}

/** The best usable coupon for these lines, or null when none applies. */
export function bestCoupon(options: readonly CouponOption[], lines: readonly PricingLine[], now: Date): CouponChoice | null {
  const first = rankCoupons(options, lines, now)[0]
  return first && first.problem === null ? first : null
}

/** Short Chinese description for lists and the coupon block: 满100减20, 8折 最高减50, 满100 8.5折, 无门槛减5. */
export function describeCoupon(rule: CouponRule): string {
  const yuan = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2))
  const min = rule.minSpendFen > 0 ? `满${yuan(rule.minSpendFen)}` : '无门槛'
  if (rule.kind === 'amount_off') return `${min}减${yuan(rule.amountOffFen ?? 0)}`
  const pct = 100 - (rule.percentOff ?? 0)
  const zhe = pct % 10 === 0 ? String(pct / 10) : (pct / 10).toFixed(1)
  const cap = rule.maxOffFen != null ? ` 最高减${yuan(rule.maxOffFen)}` : ''
  return `${rule.minSpendFen > 0 ? `${min} ` : ''}${zhe}折${cap}`
}

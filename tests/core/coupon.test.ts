import {
  applyCoupon,
  bestCoupon,
  checkClaim,
  describeCoupon,
  isUsableNow,
  payableOfUnits,
  rankCoupons,
  spreadDiscount,
  userCouponStatus,
  userCouponWindow,
  validateCouponTerms,
  type CouponOption,
  type CouponRule,
  type CouponTerms,
  type PricingLine
} from '@core/coupon'

const amountOff = (amountOffFen: number, minSpendFen = 0, productIds?: string[]): CouponRule => ({
  kind: 'amount_off',
  amountOffFen,
  minSpendFen,
  ...(productIds ? { productIds } : {})
})
const percentOff = (percent: number, maxOffFen: number | null = null, minSpendFen = 0, productIds?: string[]): CouponRule => ({
  kind: 'percent_off',
  percentOff: percent,
  maxOffFen,
  minSpendFen,
  ...(productIds ? { productIds } : {})
})
const line = (productId: string | null, lineFen: number): PricingLine => ({ productId, lineFen })

const terms = (over: Partial<CouponTerms> = {}): CouponTerms => ({
  title: '新人券',
  kind: 'amount_off',
  amountOffFen: 2000,
  minSpendFen: 10000,
  startsAt: '2026-12-01T00:00:00.000Z',
  endsAt: '2026-12-31T00:00:00.000Z',
  perUser: 1,
  total: 100,
  ...over
})

describe('validateCouponTerms', () => {
  test('accepts a 满100减20 coupon and trims the title', () => {
    const r = validateCouponTerms(terms({ title: '  新人券 ' }))
    expect(r.ok && r.value.title).toBe('新人券')
  })
  test('accepts a percent coupon with and without a cap', () => {
    expect(validateCouponTerms(terms({ kind: 'percent_off', amountOffFen: null, percentOff: 20, maxOffFen: 5000 })).ok).toBe(true)
    expect(validateCouponTerms(terms({ kind: 'percent_off', amountOffFen: null, percentOff: 1 })).ok).toBe(true)
  })
  test('deduplicates product ids', () => {
    const r = validateCouponTerms(terms({ productIds: ['p1', 'p1', 'p2'] }))
    expect(r.ok && r.value.productIds).toEqual(['p1', 'p2'])
  })
  test.each<[string, Partial<CouponTerms>]>([
    ['title', { title: '  ' }],
    ['title', { title: '券'.repeat(41) }],
    ['amountOffFen', { amountOffFen: 0 }],
    ['amountOffFen', { amountOffFen: 1.5 }],
    ['amountOffFen', { amountOffFen: null }],
    ['amountOffFen', { amountOffFen: 20000, minSpendFen: 10000 }],
    ['percentOff', { kind: 'percent_off', percentOff: 0 }],
    ['percentOff', { kind: 'percent_off', percentOff: 100 }],
    ['percentOff', { kind: 'percent_off', percentOff: 12.5 }],
    ['maxOffFen', { kind: 'percent_off', percentOff: 10, maxOffFen: 0 }],
    ['minSpendFen', { minSpendFen: -1 }],
    ['startsAt', { startsAt: 'soon' }],
    ['endsAt', { endsAt: '2026-12-01T00:00:00.000Z' }],
    ['validDays', { validDays: 0 }],
    ['validDays', { validDays: 367 }],
    ['total', { total: 0 }],
    ['perUser', { perUser: 0 }],
    ['perUser', { perUser: 101, total: null }],
    ['perUser', { perUser: 3, total: 2 }],
    ['productIds', { productIds: Array.from({ length: 201 }, (_, i) => `p${i}`) }]
  ])('refuses a bad %s', (path, over) => {
    const r = validateCouponTerms(terms(over))
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_COUPON')
      expect((r.error.details as Array<{ path: string }>).map((i) => i.path)).toContain(path)
    }
  })
  test('an amount off without a minimum spend is fine (无门槛)', () => {
    expect(validateCouponTerms(terms({ minSpendFen: 0, amountOffFen: 500 })).ok).toBe(true)
  })
})

describe('checkClaim', () => {
  const t = terms({ total: 10, perUser: 2 })
  const at = (iso: string): Date => new Date(iso)
  test('claimable inside the window with stock and under the per-shopper limit', () => {
    expect(checkClaim(t, { claimed: 9, claimedByUser: 1 }, at('2026-12-10T00:00:00Z')).ok).toBe(true)
  })
  test.each<[string, { claimed: number; claimedByUser: number }, string]>([
    ['COUPON_NOT_STARTED', { claimed: 0, claimedByUser: 0 }, '2026-11-30T23:59:59.999Z'],
    ['COUPON_ENDED', { claimed: 0, claimedByUser: 0 }, '2026-12-31T00:00:00.000Z'],
    ['COUPON_GONE', { claimed: 10, claimedByUser: 0 }, '2026-12-10T00:00:00Z'],
    ['COUPON_LIMIT', { claimed: 10, claimedByUser: 2 }, '2026-12-10T00:00:00Z']
  ])('%s', (code, counts, now) => {
    const r = checkClaim(t, counts, at(now))
    expect(!r.ok && r.error.code).toBe(code)
  })
  test('no total means unlimited', () => {
    expect(checkClaim({ ...t, total: null }, { claimed: 1e6, claimedByUser: 0 }, at('2026-12-10T00:00:00Z')).ok).toBe(true)
  })
})

describe('windows and status', () => {
  test('without validDays a claimed coupon is usable in the template window', () => {
    expect(userCouponWindow(terms(), '2026-12-05T08:00:00.000Z')).toEqual({
      validFrom: '2026-12-01T00:00:00.000Z',
      expiresAt: '2026-12-31T00:00:00.000Z'
    })
  })
  test('with validDays it runs from the claim, whatever the template end', () => {
    expect(userCouponWindow(terms({ validDays: 7 }), '2026-12-30T08:00:00.000Z')).toEqual({
      validFrom: '2026-12-30T08:00:00.000Z',
      expiresAt: '2027-01-06T08:00:00.000Z'
    })
  })
  const facts = { validFrom: '2026-12-01T00:00:00.000Z', expiresAt: '2026-12-31T00:00:00.000Z', orderId: null, usedAt: null }
  test('usable, locked, used, expired', () => {
    const now = new Date('2026-12-10T00:00:00Z')
    expect(userCouponStatus(facts, now)).toBe('usable')
    expect(userCouponStatus({ ...facts, orderId: 'ord_1' }, now)).toBe('locked')
    expect(userCouponStatus({ ...facts, orderId: 'ord_1', usedAt: '2026-12-10T00:00:00Z' }, now)).toBe('used')
    expect(userCouponStatus(facts, new Date('2026-12-31T00:00:00.000Z'))).toBe('expired')
    expect(userCouponStatus({ ...facts, orderId: 'ord_1', usedAt: 'x' }, new Date('2027-01-31T00:00:00Z'))).toBe('used')
  })
  test('a coupon before its window is not usable now', () => {
    expect(isUsableNow(facts, new Date('2026-11-30T00:00:00Z'))).toBe(false)
    expect(isUsableNow(facts, new Date('2026-12-01T00:00:00Z'))).toBe(true)
    expect(isUsableNow(facts, new Date('2026-12-30T23:59:59.999Z'))).toBe(true)
  })
})

describe('applyCoupon', () => {
  test('满100减20 on 120 takes 20 off, spread by line', () => {
    const r = applyCoupon(amountOff(2000, 10000), [line('a', 9000), line('b', 3000)])
    expect(r).toEqual({ ok: true, value: { discountFen: 2000, lineDiscounts: [1500, 500], eligibleFen: 12000 } })
  })
  test('the minimum spend counts the eligible lines only', () => {
    const r = applyCoupon(amountOff(2000, 10000, ['a']), [line('a', 9000), line('b', 3000)])
    expect(!r.ok && r.error.code).toBe('COUPON_MIN_SPEND')
    expect(!r.ok && r.error.details).toEqual({ minSpendFen: 10000, eligibleFen: 9000 })
  })
  test('exactly the minimum spend is enough', () => {
    expect(applyCoupon(amountOff(2000, 10000), [line('a', 10000)]).ok).toBe(true)
    expect(applyCoupon(amountOff(2000, 10000), [line('a', 9999)]).ok).toBe(false)
  })
  test('limited to products: only their lines carry the discount', () => {
    const r = applyCoupon(amountOff(1000, 0, ['b']), [line('a', 5000), line('b', 3000), line('c', 2000)])
    expect(r.ok && r.value).toEqual({ discountFen: 1000, lineDiscounts: [0, 1000, 0], eligibleFen: 3000 })
  })
  test('no eligible line: not applicable', () => {
    const r = applyCoupon(amountOff(1000, 0, ['z']), [line('a', 5000)])
    expect(!r.ok && r.error.code).toBe('COUPON_NOT_APPLICABLE')
    expect(applyCoupon(amountOff(1000), [line(null, 0)]).ok).toBe(false)
  })
  test('an amount off larger than the eligible lines takes only those lines', () => {
    const r = applyCoupon(amountOff(1000, 0, ['b']), [line('a', 5000), line('b', 300)])
    expect(r.ok && r.value.discountFen).toBe(300)
  })
  test('the shopper pays at least 1 fen', () => {
    const r = applyCoupon(amountOff(1000), [line('a', 600), line('b', 400)])
    expect(r.ok && r.value).toEqual({ discountFen: 999, lineDiscounts: [599, 400], eligibleFen: 1000 })
    const one = applyCoupon(amountOff(5), [line('a', 1)])
    expect(one.ok && one.value.discountFen).toBe(0)
  })
  test('percent off rounds down (never more than the percentage)', () => {
    // 15% of 999 = 149.85 → 149
    const r = applyCoupon(percentOff(15), [line('a', 999)])
    expect(r.ok && r.value.discountFen).toBe(149)
  })
  test('percent off is capped', () => {
    const r = applyCoupon(percentOff(20, 5000), [line('a', 100000)])
    expect(r.ok && r.value.discountFen).toBe(5000)
    const under = applyCoupon(percentOff(20, 5000), [line('a', 20000)])
    expect(under.ok && under.value.discountFen).toBe(4000)
  })
  test('percent off on a 1-fen line takes nothing', () => {
    const r = applyCoupon(percentOff(50), [line('a', 1)])
    expect(r.ok && r.value).toEqual({ discountFen: 0, lineDiscounts: [0], eligibleFen: 1 })
  })
  test('percent off on huge amounts stays exact', () => {
    const r = applyCoupon(percentOff(33), [line('a', 9_999_999_999), line('b', 9_999_999_999)])
    expect(r.ok && r.value.discountFen).toBe(6_599_999_999)
    expect(r.ok && r.value.lineDiscounts.reduce((s, d) => s + d, 0)).toBe(6_599_999_999)
  })
})

describe('spreadDiscount (largest remainder)', () => {
  test('10 fen over three equal lines: 4, 3, 3 (tie goes to the first)', () => {
    expect(spreadDiscount([100, 100, 100], 10)).toEqual([4, 3, 3])
  })
  test('ties on remainders go to the larger line', () => {
    // 1 over [1, 3]: shares .25 and .75 → the 3
    expect(spreadDiscount([1, 3], 1)).toEqual([0, 1])
    // 2 over [100, 300, 100]: .4, 1.2, .4 → floors 0,1,0, remainder 1 goes to the first .4 (same size, earlier)
    expect(spreadDiscount([100, 300, 100], 2)).toEqual([1, 1, 0])
  })
  test('exact shares need no remainder', () => {
    expect(spreadDiscount([2000, 3000, 5000], 1000)).toEqual([200, 300, 500])
  })
  test('zero weights get nothing; zero discount is all zeros', () => {
    expect(spreadDiscount([0, 500, 0], 7)).toEqual([0, 7, 0])
    expect(spreadDiscount([300, 200], 0)).toEqual([0, 0])
    expect(spreadDiscount([], 0)).toEqual([])
  })
  test('the whole amount: every line is free', () => {
    expect(spreadDiscount([1, 2, 3], 6)).toEqual([1, 2, 3])
  })
  test('1 fen over many lines', () => {
    expect(spreadDiscount([1, 1, 1, 1], 1)).toEqual([1, 0, 0, 0])
  })
  test('programmer errors throw', () => {
    expect(() => spreadDiscount([100], 101)).toThrow(RangeError)
    expect(() => spreadDiscount([1.5], 1)).toThrow(RangeError)
    expect(() => spreadDiscount([-1, 5], 1)).toThrow(RangeError)
    expect(() => spreadDiscount([100], -1)).toThrow(RangeError)
  })
})

describe('payableOfUnits', () => {
  const l = { lineFen: 3000, discountFen: 1000, qty: 3 } // paid 2000 for 3 units
  test('units refunded one by one add up to what the line paid', () => {
    const parts = [payableOfUnits(l, 0, 1), payableOfUnits(l, 1, 1), payableOfUnits(l, 2, 1)]
    expect(parts).toEqual([666, 667, 667])
    expect(parts.reduce((s, p) => s + p, 0)).toBe(2000)
  })
  test('the whole line at once', () => {
    expect(payableOfUnits(l, 0, 3)).toBe(2000)
  })
  test('a line without discount pays its price per unit', () => {
    expect(payableOfUnits({ lineFen: 3000, discountFen: 0, qty: 3 }, 1, 2)).toBe(2000)
  })
  test('too many units throw', () => {
    expect(() => payableOfUnits(l, 2, 2)).toThrow(RangeError)
  })
})

describe('rankCoupons and bestCoupon', () => {
  const now = new Date('2026-12-10T00:00:00Z')
  const facts = (expiresAt = '2026-12-31T00:00:00.000Z') => ({ validFrom: '2026-12-01T00:00:00.000Z', expiresAt, orderId: null, usedAt: null })
  const lines = [line('a', 15000), line('b', 5000)]
  const options: CouponOption[] = [
    { id: 'uc_small', rule: amountOff(1000), facts: facts() },
    { id: 'uc_big_late', rule: amountOff(3000, 20000), facts: facts('2026-12-30T00:00:00.000Z') },
    { id: 'uc_big_soon', rule: percentOff(15, 3000), facts: facts('2026-12-20T00:00:00.000Z') },
    { id: 'uc_min', rule: amountOff(5000, 30000), facts: facts() },
    { id: 'uc_locked', rule: amountOff(9000), facts: { ...facts(), orderId: 'ord_1' } },
    { id: 'uc_other', rule: amountOff(9000, 0, ['zzz']), facts: facts() }
  ]
  test('usable ones by discount, ties by the earliest expiry, then the others', () => {
    expect(rankCoupons(options, lines, now)).toEqual([
      { id: 'uc_big_soon', problem: null, discountFen: 3000 },
      { id: 'uc_big_late', problem: null, discountFen: 3000 },
      { id: 'uc_small', problem: null, discountFen: 1000 },
      { id: 'uc_locked', problem: 'COUPON_NOT_USABLE', discountFen: 0 },
      { id: 'uc_min', problem: 'COUPON_MIN_SPEND', discountFen: 0 },
      { id: 'uc_other', problem: 'COUPON_NOT_APPLICABLE', discountFen: 0 }
    ])
    expect(bestCoupon(options, lines, now)).toEqual({ id: 'uc_big_soon', problem: null, discountFen: 3000 })
  })
  test('none usable: no best', () => {
    expect(bestCoupon(options.slice(3), lines, now)).toBeNull()
    expect(bestCoupon([], lines, now)).toBeNull()
  })
  test('a coupon that would take 0 fen is not offered', () => {
    expect(bestCoupon([{ id: 'x', rule: percentOff(10), facts: facts() }], [line('a', 5)], now)).toBeNull()
  })
})

describe('describeCoupon', () => {
  test.each<[CouponRule, string]>([
    [amountOff(2000, 10000), '满100减20'],
    [amountOff(500), '无门槛减5'],
    [amountOff(550, 9990), '满99.90减5.50'],
    [percentOff(20, 5000), '8折 最高减50'],
    [percentOff(15, null, 10000), '满100 8.5折']
  ])('%j → %s', (rule, text) => {
    expect(describeCoupon(rule)).toBe(text)
  })
})

// A seeded generator, so a failure names the seed that reproduces it.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('property: the spread always adds up', () => {
  test.each(Array.from({ length: 8 }, (_, i) => 1000 + i))('seed %i: 400 random carts', (seed) => {
    const rnd = mulberry32(seed)
    const int = (max: number): number => Math.floor(rnd() * (max + 1))
    const bad: string[] = []
    const check = (cond: boolean, what: string): void => {
      if (!cond && bad.length < 5) bad.push(what)
    }
    for (let round = 0; round < 400; round++) {
      const n = 1 + int(8)
      const weights = Array.from({ length: n }, () => (rnd() < 0.15 ? 0 : rnd() < 0.2 ? 1 + int(3) : int(rnd() < 0.1 ? 9_999_999_999 : 100_000)))
      const total = weights.reduce((s, w) => s + w, 0)
      const discount = int(total)
      const parts = spreadDiscount(weights, discount)
      const at = `round ${round}: ${JSON.stringify(weights)} / ${discount} → ${JSON.stringify(parts)}`
      check(parts.reduce((s, p) => s + p, 0) === discount, `sum ${at}`)
      parts.forEach((p, i) => {
        check(Number.isSafeInteger(p) && p >= 0 && p <= weights[i]!, `range ${at}`)
        // Never 1 fen or more away from the exact share.
        if (total > 0 && discount * weights[i]! < Number.MAX_SAFE_INTEGER) check(Math.abs(p - (discount * weights[i]!) / total) < 1, `share ${at}`)
      })

      const lines = weights.map((w, i) => line(`p${i % 3}`, w))
      const rule: CouponRule =
        rnd() < 0.5
          ? amountOff(1 + int(20000), int(30000), rnd() < 0.3 ? ['p1'] : undefined)
          : percentOff(1 + int(98), rnd() < 0.5 ? null : 1 + int(20000), int(30000), rnd() < 0.3 ? ['p0', 'p2'] : undefined)
      const applied = applyCoupon(rule, lines)
      if (!applied.ok) continue
      const { discountFen, lineDiscounts } = applied.value
      const what = `${JSON.stringify(rule)} on ${JSON.stringify(weights)} → ${JSON.stringify(applied.value)}`
      check(lineDiscounts.reduce((s, d) => s + d, 0) === discountFen, `coupon sum ${what}`)
      check(discountFen <= Math.max(0, total - 1), `pays 1 fen ${what}`)
      lineDiscounts.forEach((d, i) => {
        check(d <= weights[i]!, `line cap ${what}`)
        if (rule.productIds && !rule.productIds.includes(lines[i]!.productId!)) check(d === 0, `ineligible ${what}`)
      })
      // Refunding a line unit by unit gives back exactly what was paid for it.
      const qty = 1 + int(4)
      const line0 = { lineFen: weights[0]!, discountFen: lineDiscounts[0]!, qty }
      let refunded = 0
      for (let u = 0; u < qty; u++) refunded += payableOfUnits(line0, u, 1)
      check(refunded === weights[0]! - lineDiscounts[0]!, `units ${what}`)
    }
    expect(bad).toEqual([])
  })
})

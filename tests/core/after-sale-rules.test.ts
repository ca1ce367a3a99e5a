import {
  afterSaleDeadline,
  afterSaleKindsAllowed,
  checkNewAfterSale,
  restockLines,
  shouldAutoApprove,
  type AfterSaleOrderFacts
} from '@core/after-sale-rules'
import { ORDER_STATUSES, type OrderStatus } from '@core/order'
import { refundableFen, refundableFenOfOrder } from '@core/refundable'

const NOW = '2025-06-10T00:00:00.000Z'
const DAYS = 7
const ctx = (over: Partial<{ hasOpenRequest: boolean; now: string; afterSaleDays: number }> = {}) => ({
  hasOpenRequest: false,
  now: NOW,
  afterSaleDays: DAYS,
  ...over
})
const order = (status: OrderStatus, over: Partial<AfterSaleOrderFacts> = {}): AfterSaleOrderFacts => ({
  status,
  paidFen: 10000,
  refundedFen: 0,
  ...(status === 'completed' ? { completedAt: '2025-06-05T00:00:00.000Z' } : {}),
  ...(status === 'refunding' ? { inFlightFen: 1000 } : {}),
  ...(status === 'refunded' ? { refundedFen: 10000 } : {}),
  ...over
})

describe('refundable amount', () => {
  test('paid less refunded less in flight; never below 0; nothing for unpaid, closed or refunded orders', () => {
    expect(refundableFen({ status: 'paid', paidFen: 10000, refundedFen: 0 })).toBe(10000)
    expect(refundableFen({ status: 'completed', paidFen: 10000, refundedFen: 3000 })).toBe(7000)
    expect(refundableFen({ status: 'refunding', paidFen: 10000, refundedFen: 3000, inFlightFen: 2000 })).toBe(5000)
    expect(refundableFen({ status: 'shipped', paidFen: 10000, refundedFen: 9000, inFlightFen: 2000 })).toBe(0)
    for (const status of ['pending_payment', 'closed', 'refunded'] as const) {
      expect(refundableFen({ status, paidFen: 10000, refundedFen: 0 })).toBe(0)
    }
  })

  test('refuses amounts that are not whole non-negative fen (a caller bug)', () => {
    expect(() => refundableFen({ status: 'paid', paidFen: 10.5, refundedFen: 0 })).toThrow(RangeError)
    expect(() => refundableFen({ status: 'paid', paidFen: 100, refundedFen: -1 })).toThrow(/refundedFen/)
    expect(() => refundableFen({ status: 'paid', paidFen: 100, refundedFen: 0, inFlightFen: NaN })).toThrow(/inFlightFen/)
  })

  test('of an order DTO: processing (and abnormal) refunds are in flight; payableFen wins over totalFen', () => {
    const refunds = [
      { amountFen: 1000, status: 'succeeded' },
      { amountFen: 500, status: 'processing' },
      { amountFen: 200, status: 'abnormal' },
      { amountFen: 300, status: 'failed' }
    ]
    expect(refundableFenOfOrder({ status: 'refunding', totalFen: 10000, refundedFen: 1000, refunds })).toBe(8300)
    expect(refundableFenOfOrder({ status: 'paid', totalFen: 10000, payableFen: 9000, refundedFen: 0 })).toBe(9000)
    expect(refundableFenOfOrder({ status: 'pending_payment', totalFen: 10000, refundedFen: 0, refunds: [] })).toBe(0)
  })
})

describe('which kinds an order allows', () => {
  const expected: Record<OrderStatus, string[]> = {
    pending_payment: [],
    paid: ['refund'],
    shipped: ['refund', 'return'],
    completed: ['refund', 'return'],
    closed: [],
    refunding: [],
    refunded: []
  }
  test.each([...ORDER_STATUSES])('%s', (status) => {
    expect(afterSaleKindsAllowed(order(status), NOW, DAYS)).toEqual(expected[status])
  })

  test('a completed order only until AFTER_SALE_DAYS after completion (the deadline itself is too late)', () => {
    const completed = order('completed', { completedAt: '2025-06-03T00:00:00.000Z' })
    expect(afterSaleDeadline('2025-06-03T00:00:00.000Z', 7)).toBe('2025-06-10T00:00:00.000Z')
    expect(afterSaleKindsAllowed(completed, '2025-06-09T23:59:59.999Z', 7)).toEqual(['refund', 'return'])
    expect(afterSaleKindsAllowed(completed, '2025-06-10T00:00:00.000Z', 7)).toEqual([])
    expect(afterSaleKindsAllowed(completed, '2025-06-09T23:59:59.999+08:00', 7)).toEqual(['refund', 'return'])
    // 0 days: nothing after completion.
    expect(afterSaleKindsAllowed(completed, '2025-06-03T00:00:00.001Z', 0)).toEqual([])
    expect(() => afterSaleDeadline('2025-06-03T00:00:00.000Z', -1)).toThrow(RangeError)
  })

  test('nothing when all was refunded already', () => {
    expect(afterSaleKindsAllowed(order('shipped', { refundedFen: 10000 }), NOW, DAYS)).toEqual([])
  })
})

describe('a new request', () => {
  test('refund of a paid, unshipped order up to the refundable amount', () => {
    expect(checkNewAfterSale(order('paid', { refundedFen: 2500 }), { kind: 'refund', amountFen: 7500 }, ctx())).toEqual({ ok: true, value: { refundableFen: 7500 } })
  })

  test('refused with the rule’s code', () => {
    const cases: Array<[AfterSaleOrderFacts, { kind: 'refund' | 'return'; amountFen: number }, ReturnType<typeof ctx>, string]> = [
      [order('paid'), { kind: 'refund', amountFen: 100 }, ctx({ hasOpenRequest: true }), 'AFTER_SALE_OPEN'],
      [order('pending_payment'), { kind: 'refund', amountFen: 100 }, ctx(), 'AFTER_SALE_NOT_ALLOWED'],
      [order('closed'), { kind: 'refund', amountFen: 100 }, ctx(), 'AFTER_SALE_NOT_ALLOWED'],
      [order('refunded'), { kind: 'refund', amountFen: 100 }, ctx(), 'AFTER_SALE_NOT_ALLOWED'],
      [order('refunding'), { kind: 'refund', amountFen: 100 }, ctx(), 'REFUND_IN_PROGRESS'],
      [order('paid'), { kind: 'return', amountFen: 100 }, ctx(), 'AFTER_SALE_KIND_NOT_ALLOWED'],
      [order('completed'), { kind: 'return', amountFen: 100 }, ctx({ now: '2025-06-12T00:00:00.000Z' }), 'AFTER_SALE_EXPIRED'],
      [order('shipped'), { kind: 'return', amountFen: 10001 }, ctx(), 'REFUND_EXCEEDS_PAID'],
      [order('shipped', { refundedFen: 10000 }), { kind: 'refund', amountFen: 1 }, ctx(), 'AFTER_SALE_NOT_ALLOWED'],
      [order('shipped'), { kind: 'refund', amountFen: 0 }, ctx(), 'INVALID_AMOUNT'],
      [order('shipped'), { kind: 'refund', amountFen: 1.5 }, ctx(), 'INVALID_AMOUNT']
    ]
    for (const [facts, request, c, code] of cases) {
      const r = checkNewAfterSale(facts, request, c)
      expect([facts.status, request, r.ok ? 'ok' : r.error.code]).toEqual([facts.status, request, code])
    }
  })

  test('the excess refusal names what is still refundable', () => {
    const r = checkNewAfterSale(order('completed', { refundedFen: 4000 }), { kind: 'return', amountFen: 6001 }, ctx())
    expect(r).toMatchObject({ ok: false, error: { code: 'REFUND_EXCEEDS_PAID', details: { refundableFen: 6000, amountFen: 6001 } } })
  })

  test('a completed order without completedAt is a caller bug', () => {
    expect(() => checkNewAfterSale({ status: 'completed', paidFen: 100, refundedFen: 0 }, { kind: 'refund', amountFen: 1 }, ctx())).toThrow(/completedAt/)
  })
})

describe('automatic approval', () => {
  test('only refunds of paid, unshipped orders, and only when the shop turned it on', () => {
    for (const status of ORDER_STATUSES) {
      for (const kind of ['refund', 'return'] as const) {
        expect([status, kind, shouldAutoApprove({ afterSaleAutoApprove: true }, { status, parcelsSent: 0 }, kind)]).toEqual([status, kind, status === 'paid' && kind === 'refund'])
        expect(shouldAutoApprove({ afterSaleAutoApprove: false }, { status, parcelsSent: 0 }, kind)).toBe(false)
      }
    }
  })

  test('not once a parcel of a split delivery went out', () => {
    expect(shouldAutoApprove({ afterSaleAutoApprove: true }, { status: 'paid', parcelsSent: 1 }, 'refund')).toBe(false)
  })
})

describe('restock lines', () => {
  const items = [
    { skuId: 'a', qty: 2 },
    { skuId: 'b', qty: 1 }
  ]
  test('the whole order when the request names nothing', () => {
    expect(restockLines(items, undefined, [])).toEqual(items)
  })
  test('the named lines, capped by what was ordered and what earlier requests put back', () => {
    expect(restockLines(items, [{ skuId: 'a', qty: 1 }], [])).toEqual([{ skuId: 'a', qty: 1 }])
    expect(restockLines(items, [{ skuId: 'a', qty: 5 }, { skuId: 'x', qty: 1 }], [])).toEqual([{ skuId: 'a', qty: 2 }])
    expect(restockLines(items, undefined, [{ skuId: 'a', qty: 1 }])).toEqual([{ skuId: 'a', qty: 1 }, { skuId: 'b', qty: 1 }])
    expect(restockLines(items, undefined, items)).toEqual([])
  })
})

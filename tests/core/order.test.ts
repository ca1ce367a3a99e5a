import {
  allowedActions,
  isFinalStatus,
  isOrderStatus,
  isPaidStatus,
  ORDER_ACTIONS,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  type OrderAction,
  type OrderState,
  type OrderStatus,
  transition
} from '@core/order'

const TOTAL = 10000

// For every status and action: the status it leads to, or the refusal code.
// Refund actions use a partial refund of 3000 of 10000 here.
const TABLE: Record<OrderStatus, Record<OrderAction, OrderStatus | `!${string}`>> = {
  pending_payment: { pay: 'paid', close: 'closed', ship: '!INVALID_TRANSITION', complete: '!INVALID_TRANSITION', request_refund: '!INVALID_TRANSITION', refund_succeeded: '!INVALID_TRANSITION', refund_failed: '!INVALID_TRANSITION' },
  paid: { pay: '!ALREADY_PAID', close: '!INVALID_TRANSITION', ship: 'shipped', complete: '!INVALID_TRANSITION', request_refund: 'refunding', refund_succeeded: '!INVALID_TRANSITION', refund_failed: '!INVALID_TRANSITION' },
  shipped: { pay: '!ALREADY_PAID', close: '!INVALID_TRANSITION', ship: '!INVALID_TRANSITION', complete: 'completed', request_refund: 'refunding', refund_succeeded: '!INVALID_TRANSITION', refund_failed: '!INVALID_TRANSITION' },
  completed: { pay: '!ALREADY_PAID', close: '!INVALID_TRANSITION', ship: '!INVALID_TRANSITION', complete: '!INVALID_TRANSITION', request_refund: 'refunding', refund_succeeded: '!INVALID_TRANSITION', refund_failed: '!INVALID_TRANSITION' },
  closed: { pay: '!INVALID_TRANSITION', close: '!ALREADY_CLOSED', ship: '!INVALID_TRANSITION', complete: '!INVALID_TRANSITION', request_refund: '!INVALID_TRANSITION', refund_succeeded: '!INVALID_TRANSITION', refund_failed: '!INVALID_TRANSITION' },
  // refunding came from shipped: a partial refund or a failure returns there.
  refunding: { pay: '!ALREADY_PAID', close: '!INVALID_TRANSITION', ship: '!INVALID_TRANSITION', complete: '!INVALID_TRANSITION', request_refund: '!REFUND_IN_PROGRESS', refund_succeeded: 'shipped', refund_failed: 'shipped' },
  refunded: { pay: '!ALREADY_PAID', close: '!INVALID_TRANSITION', ship: '!INVALID_TRANSITION', complete: '!INVALID_TRANSITION', request_refund: '!INVALID_TRANSITION', refund_succeeded: '!INVALID_TRANSITION', refund_failed: '!INVALID_TRANSITION' }
}

function stateOf(status: OrderStatus): OrderState {
  if (status === 'refunding') return { status, totalFen: TOTAL, refundedFen: 0, refundingFen: 3000, statusBeforeRefund: 'shipped' }
  if (status === 'refunded') return { status, totalFen: TOTAL, refundedFen: TOTAL }
  return { status, totalFen: TOTAL, refundedFen: 0 }
}

const pairs = ORDER_STATUSES.flatMap((status) => ORDER_ACTIONS.map((action) => [status, action, TABLE[status][action]] as const))

describe('transition table', () => {
  test('covers exactly the seven contract statuses', () => {
    expect([...ORDER_STATUSES]).toEqual(['pending_payment', 'paid', 'shipped', 'completed', 'closed', 'refunding', 'refunded'])
    expect(pairs).toHaveLength(49)
  })

  test.each(pairs.filter(([, , to]) => !to.startsWith('!')))('%s --%s--> %s', (from, action, to) => {
    const result = transition(stateOf(from), action, { amountFen: action === 'pay' ? TOTAL : 3000 })
    expect(result.ok && result.value.status).toBe(to)
  })

  test.each(pairs.filter(([, , to]) => to.startsWith('!')))('%s --%s--> refused %s', (from, action, to) => {
    const result = transition(stateOf(from), action, { amountFen: 3000 })
    expect(result).toMatchObject({ ok: false, error: { code: to.slice(1), details: { from, action } } })
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0)
  })

  test('allowedActions lists what each status allows', () => {
    for (const status of ORDER_STATUSES) {
      const expected = ORDER_ACTIONS.filter((a) => !TABLE[status][a].startsWith('!'))
      expect(allowedActions(status)).toEqual(expected)
    }
  })
})

describe('payment', () => {
  const pending: OrderState = { status: 'pending_payment', totalFen: 1990, refundedFen: 0 }

  test('pay without a reported amount, or with the exact amount', () => {
    expect(transition(pending, 'pay')).toEqual({ ok: true, value: { status: 'paid', totalFen: 1990, refundedFen: 0 } })
    expect(transition(pending, 'pay', { amountFen: 1990 }).ok).toBe(true)
  })

  test('a reported amount that differs is AMOUNT_MISMATCH (a forged or wrong notification)', () => {
    expect(transition(pending, 'pay', { amountFen: 1 })).toMatchObject({
      ok: false,
      error: { code: 'AMOUNT_MISMATCH', details: { expectedFen: 1990, actualFen: 1 } }
    })
  })
})

describe('refunds', () => {
  const paid: OrderState = { status: 'paid', totalFen: TOTAL, refundedFen: 0 }

  test('a full refund: paid → refunding → refunded', () => {
    const refunding = transition(paid, 'request_refund', { amountFen: TOTAL })
    expect(refunding).toEqual({ ok: true, value: { status: 'refunding', totalFen: TOTAL, refundedFen: 0, refundingFen: TOTAL, statusBeforeRefund: 'paid' } })
    if (!refunding.ok) return
    expect(transition(refunding.value, 'refund_succeeded')).toEqual({ ok: true, value: { status: 'refunded', totalFen: TOTAL, refundedFen: TOTAL } })
  })

  test('a partial refund of a completed order returns it to completed with refundedFen counted', () => {
    const r1 = transition({ ...paid, status: 'completed' }, 'request_refund', { amountFen: 3000 })
    if (!r1.ok) throw new Error('refused')
    expect(transition(r1.value, 'refund_succeeded', { amountFen: 3000 })).toEqual({
      ok: true,
      value: { status: 'completed', totalFen: TOTAL, refundedFen: 3000 }
    })
  })

  test('partial refunds add up until the last one makes the order refunded', () => {
    let state: OrderState = paid
    for (const amountFen of [2500, 2500, 5000]) {
      const req = transition(state, 'request_refund', { amountFen })
      if (!req.ok) throw new Error(req.error.code)
      const done = transition(req.value, 'refund_succeeded')
      if (!done.ok) throw new Error(done.error.code)
      state = done.value
    }
    expect(state).toEqual({ status: 'refunded', totalFen: TOTAL, refundedFen: TOTAL })
  })

  test('a refund beyond what is left is REFUND_EXCEEDS_PAID, with the refundable amount', () => {
    expect(transition({ ...paid, refundedFen: 7000 }, 'request_refund', { amountFen: 3001 })).toMatchObject({
      ok: false,
      error: { code: 'REFUND_EXCEEDS_PAID', details: { refundableFen: 3000 } }
    })
    expect(transition({ ...paid, refundedFen: 7000 }, 'request_refund', { amountFen: 3000 }).ok).toBe(true)
  })

  test.each([undefined, 0, -100, 12.5])('refund amount %p is INVALID_AMOUNT', (amountFen) => {
    expect(transition(paid, 'request_refund', { amountFen })).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNT' } })
  })

  test('a failed refund returns to the status before, nothing refunded', () => {
    const refunding: OrderState = { status: 'refunding', totalFen: TOTAL, refundedFen: 1000, refundingFen: 500, statusBeforeRefund: 'completed' }
    expect(transition(refunding, 'refund_failed')).toEqual({ ok: true, value: { status: 'completed', totalFen: TOTAL, refundedFen: 1000 } })
  })

  test('without statusBeforeRefund a partial refund returns to paid', () => {
    const refunding: OrderState = { status: 'refunding', totalFen: TOTAL, refundedFen: 0, refundingFen: 100 }
    expect(transition(refunding, 'refund_succeeded')).toMatchObject({ ok: true, value: { status: 'paid', refundedFen: 100 } })
  })

  test('refund_succeeded takes the amount from the payload when the state kept none', () => {
    const refunding: OrderState = { status: 'refunding', totalFen: TOTAL, refundedFen: 0 }
    expect(transition(refunding, 'refund_succeeded', { amountFen: TOTAL })).toMatchObject({ ok: true, value: { status: 'refunded' } })
    expect(transition(refunding, 'refund_succeeded')).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNT' } })
  })

  test('refund_succeeded with a different amount than requested is AMOUNT_MISMATCH', () => {
    const refunding: OrderState = { status: 'refunding', totalFen: TOTAL, refundedFen: 0, refundingFen: 100 }
    expect(transition(refunding, 'refund_succeeded', { amountFen: 200 })).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } })
  })

  test('refund_succeeded that would pass the total is REFUND_EXCEEDS_PAID', () => {
    const refunding: OrderState = { status: 'refunding', totalFen: TOTAL, refundedFen: 9000, refundingFen: 2000 }
    expect(transition(refunding, 'refund_succeeded')).toMatchObject({ ok: false, error: { code: 'REFUND_EXCEEDS_PAID' } })
  })

  test('a state with impossible amounts is a bug and throws', () => {
    expect(() => transition({ status: 'paid', totalFen: 100, refundedFen: 200 }, 'ship')).toThrow(RangeError)
    expect(() => transition({ status: 'paid', totalFen: 1.5, refundedFen: 0 }, 'ship')).toThrow(RangeError)
  })
})

describe('status helpers', () => {
  test.each(ORDER_STATUSES.map((s) => [s, s === 'paid' || s === 'shipped' || s === 'completed'] as const))(
    'isPaidStatus(%s) is %p',
    (status, paid) => {
      expect(isPaidStatus(status)).toBe(paid)
    }
  )

  test('isFinalStatus for closed and refunded only', () => {
    expect(ORDER_STATUSES.filter(isFinalStatus)).toEqual(['closed', 'refunded'])
  })

  test('isOrderStatus guards strings from storage', () => {
    expect(isOrderStatus('shipped')).toBe(true)
    expect(isOrderStatus('SHIPPED')).toBe(false)
    expect(isOrderStatus(undefined)).toBe(false)
  })

  test('every status has a Chinese label', () => {
    expect(ORDER_STATUS_LABELS.pending_payment).toBe('待付款')
    expect(Object.keys(ORDER_STATUS_LABELS).sort()).toEqual([...ORDER_STATUSES].sort())
  })
})

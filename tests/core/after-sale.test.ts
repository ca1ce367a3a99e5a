import {
  AFTER_SALE_ACTIONS,
  AFTER_SALE_KINDS,
  AFTER_SALE_STATUS_LABELS,
  AFTER_SALE_STATUSES,
  afterSaleTransition,
  allowedAfterSaleActions,
  isAfterSaleKind,
  isAfterSaleStatus,
  isFinalAfterSale,
  isOpenAfterSale,
  refundStartStatus,
  staffAfterSaleActions,
  type AfterSaleAction,
  type AfterSaleKind,
  type AfterSaleStatus
} from '@core/after-sale'

type Cell = AfterSaleStatus | '!INVALID_AFTER_SALE_TRANSITION' | '!AFTER_SALE_CLOSED'
const X: Cell = '!INVALID_AFTER_SALE_TRANSITION'
const C: Cell = '!AFTER_SALE_CLOSED'

// Every (kind, status, action): the next status or the refusal code.
const TABLE: Record<AfterSaleKind, Record<AfterSaleStatus, Record<AfterSaleAction, Cell>>> = {
  refund: {
    requested: { approve: 'approved', reject: 'rejected', cancel: 'cancelled', ship_return: X, receive: X, start_refund: X, refund_succeeded: X, refund_failed: X },
    approved: { approve: X, reject: X, cancel: 'cancelled', ship_return: X, receive: X, start_refund: 'refunding', refund_succeeded: X, refund_failed: X },
    awaiting_return: { approve: X, reject: 'rejected', cancel: 'cancelled', ship_return: 'awaiting_return', receive: 'returned', start_refund: X, refund_succeeded: X, refund_failed: X },
    returned: { approve: X, reject: X, cancel: X, ship_return: X, receive: X, start_refund: X, refund_succeeded: X, refund_failed: X },
    refunding: { approve: X, reject: X, cancel: X, ship_return: X, receive: X, start_refund: X, refund_succeeded: 'refunded', refund_failed: 'approved' },
    refunded: { approve: C, reject: C, cancel: C, ship_return: C, receive: C, start_refund: C, refund_succeeded: C, refund_failed: C },
    rejected: { approve: C, reject: C, cancel: C, ship_return: C, receive: C, start_refund: C, refund_succeeded: C, refund_failed: C },
    cancelled: { approve: C, reject: C, cancel: C, ship_return: C, receive: C, start_refund: C, refund_succeeded: C, refund_failed: C }
  },
  return: {
    requested: { approve: 'awaiting_return', reject: 'rejected', cancel: 'cancelled', ship_return: X, receive: X, start_refund: X, refund_succeeded: X, refund_failed: X },
    approved: { approve: X, reject: X, cancel: 'cancelled', ship_return: X, receive: X, start_refund: X, refund_succeeded: X, refund_failed: X },
    awaiting_return: { approve: X, reject: 'rejected', cancel: 'cancelled', ship_return: 'awaiting_return', receive: 'returned', start_refund: X, refund_succeeded: X, refund_failed: X },
    returned: { approve: X, reject: X, cancel: X, ship_return: X, receive: X, start_refund: 'refunding', refund_succeeded: X, refund_failed: X },
    refunding: { approve: X, reject: X, cancel: X, ship_return: X, receive: X, start_refund: X, refund_succeeded: 'refunded', refund_failed: 'returned' },
    refunded: { approve: C, reject: C, cancel: C, ship_return: C, receive: C, start_refund: C, refund_succeeded: C, refund_failed: C },
    rejected: { approve: C, reject: C, cancel: C, ship_return: C, receive: C, start_refund: C, refund_succeeded: C, refund_failed: C },
    cancelled: { approve: C, reject: C, cancel: C, ship_return: C, receive: C, start_refund: C, refund_succeeded: C, refund_failed: C }
  }
}

const cells = AFTER_SALE_KINDS.flatMap((kind) =>
  AFTER_SALE_STATUSES.flatMap((status) => AFTER_SALE_ACTIONS.map((action) => [kind, status, action, TABLE[kind][status][action]] as const))
)

describe('after-sales transition table', () => {
  test('covers the contract statuses, both kinds and every action', () => {
    expect([...AFTER_SALE_STATUSES]).toEqual(['requested', 'approved', 'awaiting_return', 'returned', 'refunding', 'refunded', 'rejected', 'cancelled'])
    expect(cells).toHaveLength(2 * 8 * 8)
  })

  test.each(cells.filter(([, , , to]) => !to.startsWith('!')))('%s: %s --%s--> %s', (kind, status, action, to) => {
    expect(afterSaleTransition({ kind, status }, action)).toEqual({ ok: true, value: to })
  })

  test.each(cells.filter(([, , , to]) => to.startsWith('!')))('%s: %s --%s--> refused %s', (kind, status, action, to) => {
    const result = afterSaleTransition({ kind, status }, action)
    expect(result).toMatchObject({ ok: false, error: { code: to.slice(1), details: { from: status, kind, action } } })
    if (!result.ok) expect(result.error.message).toContain(status)
  })

  test('allowedAfterSaleActions lists exactly the table’s moves', () => {
    for (const kind of AFTER_SALE_KINDS) {
      for (const status of AFTER_SALE_STATUSES) {
        expect(allowedAfterSaleActions({ kind, status })).toEqual(AFTER_SALE_ACTIONS.filter((a) => !TABLE[kind][status][a].startsWith('!')))
      }
    }
  })
})

describe('the two paths end to end', () => {
  const walk = (kind: AfterSaleKind, actions: AfterSaleAction[]) => {
    let status: AfterSaleStatus = 'requested'
    const seen: AfterSaleStatus[] = [status]
    for (const action of actions) {
      const r = afterSaleTransition({ kind, status }, action)
      if (!r.ok) throw new Error(r.error.message)
      status = r.value
      seen.push(status)
    }
    return seen
  }

  test('refund: requested → approved → refunding → refunded', () => {
    expect(walk('refund', ['approve', 'start_refund', 'refund_succeeded'])).toEqual(['requested', 'approved', 'refunding', 'refunded'])
  })

  test('return: requested → awaiting_return → (parcel) → returned → refunding → refunded', () => {
    expect(walk('return', ['approve', 'ship_return', 'receive', 'start_refund', 'refund_succeeded'])).toEqual([
      'requested',
      'awaiting_return',
      'awaiting_return',
      'returned',
      'refunding',
      'refunded'
    ])
  })

  test('a failed refund goes back to where staff can refund again', () => {
    expect(walk('refund', ['approve', 'start_refund', 'refund_failed', 'start_refund', 'refund_succeeded']).at(-1)).toBe('refunded')
    expect(walk('return', ['approve', 'receive', 'start_refund', 'refund_failed', 'start_refund']).at(-1)).toBe('refunding')
    expect(refundStartStatus('refund')).toBe('approved')
    expect(refundStartStatus('return')).toBe('returned')
  })
})

describe('status facts', () => {
  test('open and final partition the statuses', () => {
    for (const s of AFTER_SALE_STATUSES) expect(isOpenAfterSale(s)).toBe(!isFinalAfterSale(s))
    expect(AFTER_SALE_STATUSES.filter(isFinalAfterSale)).toEqual(['refunded', 'rejected', 'cancelled'])
  })

  test('guards and labels', () => {
    expect(AFTER_SALE_STATUSES.every(isAfterSaleStatus)).toBe(true)
    expect([isAfterSaleStatus('done'), isAfterSaleStatus(3), isAfterSaleKind('refund'), isAfterSaleKind('swap')]).toEqual([false, false, true, false])
    for (const s of AFTER_SALE_STATUSES) expect(AFTER_SALE_STATUS_LABELS[s]).toMatch(/\p{Script=Han}/u)
  })
})

describe('staff buttons', () => {
  test('each matches a move the table allows (approve again and received again re-send a failed refund)', () => {
    const moveOf = { approve: ['approve', 'start_refund'], reject: ['reject'], received: ['receive', 'start_refund'] } as const
    for (const kind of AFTER_SALE_KINDS) {
      for (const status of AFTER_SALE_STATUSES) {
        for (const button of staffAfterSaleActions({ kind, status })) {
          expect([kind, status, button, moveOf[button].some((a) => !TABLE[kind][status][a].startsWith('!'))]).toEqual([kind, status, button, true])
        }
      }
    }
    expect(staffAfterSaleActions({ kind: 'refund', status: 'requested' })).toEqual(['approve', 'reject'])
    expect(staffAfterSaleActions({ kind: 'refund', status: 'approved' })).toEqual(['approve'])
    expect(staffAfterSaleActions({ kind: 'return', status: 'awaiting_return' })).toEqual(['received', 'reject'])
    expect(staffAfterSaleActions({ kind: 'return', status: 'returned' })).toEqual(['received'])
    expect(staffAfterSaleActions({ kind: 'return', status: 'refunding' })).toEqual([])
  })
})

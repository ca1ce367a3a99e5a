import { autoCompleteAtOf, shipByOf, shipRefusal, transition, ORDER_STATUSES, type OrderState } from '@core/order'

const paid: OrderState = { status: 'paid', totalFen: 10000, refundedFen: 0 }

test('a parcel of a split delivery keeps the order paid; the last one ships it', () => {
  expect(transition(paid, 'ship', { allDelivered: false })).toEqual({ ok: true, value: paid })
  expect(transition(paid, 'ship', { allDelivered: true })).toEqual({ ok: true, value: { ...paid, status: 'shipped' } })
  expect(transition(paid, 'ship')).toEqual({ ok: true, value: { ...paid, status: 'shipped' } })
})

test('a partially refunded order ships and completes keeping its refunds; completed can still be refunded', () => {
  const part: OrderState = { ...paid, refundedFen: 3000 }
  const shipped = transition(part, 'ship')
  expect(shipped.ok && shipped.value).toEqual({ status: 'shipped', totalFen: 10000, refundedFen: 3000 })
  const done = transition({ status: 'shipped', totalFen: 10000, refundedFen: 3000 }, 'complete')
  expect(done.ok && done.value).toEqual({ status: 'completed', totalFen: 10000, refundedFen: 3000 })
  const refunding = transition({ status: 'completed', totalFen: 10000, refundedFen: 3000 }, 'request_refund', { amountFen: 7000 })
  expect(refunding.ok && refunding.value).toEqual({ status: 'refunding', totalFen: 10000, refundedFen: 3000, refundingFen: 7000, statusBeforeRefund: 'completed' })
  const back = transition({ status: 'refunding', totalFen: 10000, refundedFen: 0, refundingFen: 100, statusBeforeRefund: 'completed' }, 'refund_succeeded')
  expect(back.ok && back.value.status).toBe('completed')
})

test('ship and complete are refused from every other status', () => {
  for (const status of ORDER_STATUSES) {
    const state: OrderState = status === 'refunding' ? { status, totalFen: 100, refundedFen: 0, refundingFen: 1 } : { status, totalFen: 100, refundedFen: status === 'refunded' ? 100 : 0 }
    expect(transition(state, 'ship', { allDelivered: false }).ok).toBe(status === 'paid')
    expect(transition(state, 'complete').ok).toBe(status === 'shipped')
  }
})

test('shipRefusal names why', () => {
  expect(ORDER_STATUSES.map((s) => [s, shipRefusal(s)])).toEqual([
    ['pending_payment', 'ORDER_NOT_PAID'],
    ['paid', null],
    ['shipped', 'ORDER_NOT_SHIPPABLE'],
    ['completed', 'ORDER_NOT_SHIPPABLE'],
    ['closed', 'ORDER_NOT_SHIPPABLE'],
    ['refunding', 'ORDER_NOT_SHIPPABLE'],
    ['refunded', 'ORDER_NOT_SHIPPABLE']
  ])
})

test('deadlines: ship within 48 h of payment; auto-complete N days after shipping', () => {
  expect(shipByOf('2025-06-01T02:00:00.000Z')).toBe('2025-06-03T02:00:00.000Z')
  expect(shipByOf('2025-06-01T10:00:00+08:00')).toBe('2025-06-03T02:00:00.000Z')
  expect(autoCompleteAtOf('2025-06-01T02:00:00.000Z', 10)).toBe('2025-06-11T02:00:00.000Z')
  expect(() => autoCompleteAtOf('2025-06-01T02:00:00.000Z', 0)).toThrow(RangeError)
  expect(() => shipByOf('yesterday')).toThrow(RangeError)
})

import { parseRefundAmount, refundableFen, refundableFenOfOrder, refundableInputOf } from '@core/refundable'

describe('refundable amounts', () => {
  test('paid less refunded less a refund under way; 0 for unpaid, closed and refunded orders', () => {
    expect(refundableFen({ status: 'paid', paidFen: 25800, refundedFen: 0 })).toBe(25800)
    expect(refundableFen({ status: 'shipped', paidFen: 25800, refundedFen: 8800, inFlightFen: 1000 })).toBe(16000)
    for (const status of ['pending_payment', 'closed', 'refunded'] as const) expect(refundableFen({ status, paidFen: 25800, refundedFen: 0 })).toBe(0)
    expect(refundableFen({ status: 'completed', paidFen: 100, refundedFen: 80, inFlightFen: 50 })).toBe(0)
    expect(() => refundableFen({ status: 'paid', paidFen: 1.5, refundedFen: 0 })).toThrow(RangeError)
  })

  test('an order on the wire: payableFen wins over totalFen, processing and abnormal refunds are in flight', () => {
    const order = {
      status: 'paid' as const,
      totalFen: 30000,
      payableFen: 28700,
      refundedFen: 1000,
      refunds: [
        { amountFen: 500, status: 'processing' },
        { amountFen: 200, status: 'abnormal' },
        { amountFen: 1000, status: 'succeeded' },
        { amountFen: 300, status: 'closed' }
      ]
    }
    expect(refundableInputOf(order)).toEqual({ status: 'paid', paidFen: 28700, refundedFen: 1000, inFlightFen: 700 })
    expect(refundableFenOfOrder(order)).toBe(27000)
    expect(refundableFenOfOrder({ status: 'paid', totalFen: 25800 })).toBe(25800)
  })

  test('parseRefundAmount: more than 0, at most what is refundable, Chinese messages', () => {
    expect(parseRefundAmount('¥49.9', 25800)).toEqual({ ok: true, value: 4990 })
    expect(parseRefundAmount('258', 25800)).toEqual({ ok: true, value: 25800 })
    expect(parseRefundAmount('258.01', 25800)).toEqual({
      ok: false,
      error: { code: 'REFUND_EXCEEDS_PAID', message: '最多可退 ¥258，请修改金额', details: { refundableFen: 25800 } }
    })
    expect(parseRefundAmount('0', 25800)).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNT', message: '退款金额要大于 0' } })
    expect(parseRefundAmount('', 25800)).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNT' } })
    expect(parseRefundAmount('1.234', 25800)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_DECIMALS' } })
    expect(parseRefundAmount('1', 0)).toMatchObject({ ok: false, error: { code: 'REFUND_EXCEEDS_PAID', message: '最多可退 ¥0，请修改金额' } })
  })
})

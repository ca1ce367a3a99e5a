import { makeOutTradeNo, orderExpiresAt, isOrderExpired, validateOutTradeNo } from '@core/order'

describe('validateOutTradeNo', () => {
  test.each(['abc123', 'A_b-C9', '0'.repeat(32), 'ORDER_20240101_0001'])('%p is valid', (value) => {
    expect(validateOutTradeNo(value)).toEqual({ ok: true, value })
  })

  test.each(['abc12', '0'.repeat(33), 'abc 123', 'abc*123', 'abc|123', '订单123456', 'abc.123', '', 123456, null])(
    '%p is INVALID_OUT_TRADE_NO',
    (value) => {
      expect(validateOutTradeNo(value)).toMatchObject({ ok: false, error: { code: 'INVALID_OUT_TRADE_NO' } })
    }
  )
})

describe('makeOutTradeNo', () => {
  const uuid = '0190f3a2-7c1e-7b3a-9f00-1234567890ab'

  test('is the seed letters/digits plus the attempt, always valid', () => {
    expect(makeOutTradeNo('01HX5Z7K3M', 1)).toBe('01HX5Z7K3M_1')
    const fromUuid = makeOutTradeNo(uuid, 0)
    expect(fromUuid).toBe('0190f3a27c1e7b3a9f001234567890_0')
    expect(validateOutTradeNo(fromUuid).ok).toBe(true)
  })

  test('differs per attempt and stays within 32 characters', () => {
    const numbers = [0, 1, 2, 10, 999_999].map((a) => makeOutTradeNo(uuid, a))
    expect(new Set(numbers).size).toBe(numbers.length)
    for (const n of numbers) expect(validateOutTradeNo(n).ok).toBe(true)
  })

  test('is deterministic, so a retry of one attempt reuses its number', () => {
    expect(makeOutTradeNo('order-42abc', 3)).toBe(makeOutTradeNo('order-42abc', 3))
  })

  test('a seed too short or a bad attempt is a programming error', () => {
    expect(() => makeOutTradeNo('a-b', 1)).toThrow(RangeError)
    expect(() => makeOutTradeNo('abcdef', -1)).toThrow(RangeError)
    expect(() => makeOutTradeNo('abcdef', 1.5)).toThrow(RangeError)
  })
})

describe('order expiry', () => {
  test('adds the timeout to the creation time, answering UTC', () => {
    expect(orderExpiresAt('2024-05-01T10:00:00+08:00', 15)).toBe('2024-05-01T02:15:00.000Z')
    expect(orderExpiresAt('2024-12-31T23:50:00.000Z', 15)).toBe('2025-01-01T00:05:00.000Z')
  })

  test('refuses a time without offset and a bad timeout', () => {
    expect(() => orderExpiresAt('2024-05-01T10:00:00', 15)).toThrow(/offset/)
    expect(() => orderExpiresAt('yesterday', 15)).toThrow(RangeError)
    expect(() => orderExpiresAt('2024-05-01T10:00:00Z', 0)).toThrow(RangeError)
  })

  test('isOrderExpired from the expiry instant on', () => {
    const expiresAt = '2024-05-01T02:15:00.000Z'
    const at = Date.parse(expiresAt)
    expect(isOrderExpired(expiresAt, at - 1)).toBe(false)
    expect(isOrderExpired(expiresAt, at)).toBe(true)
    expect(isOrderExpired(expiresAt, '2024-05-01T10:16:00+08:00')).toBe(true)
  })
})

import { ERROR_CODES, LOCAL_ERROR_CODES, isErrorCode } from '@core/error-codes'

describe('error codes', () => {
  test('each code is UPPER_SNAKE and listed once', () => {
    for (const code of [...ERROR_CODES, ...LOCAL_ERROR_CODES]) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/)
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length)
    expect(new Set(LOCAL_ERROR_CODES).size).toBe(LOCAL_ERROR_CODES.length)
  })

  test('a local code is never also an answer (it has no status and no message)', () => {
    expect(LOCAL_ERROR_CODES.filter((c) => (ERROR_CODES as readonly string[]).includes(c))).toEqual([])
  })

  test('isErrorCode accepts answers only', () => {
    expect(isErrorCode('ORDER_NOT_FOUND')).toBe(true)
    expect(isErrorCode('NETWORK')).toBe(false)
    expect(isErrorCode('order_not_found')).toBe(false)
    expect(isErrorCode(undefined)).toBe(false)
    expect(isErrorCode(404)).toBe(false)
  })
})

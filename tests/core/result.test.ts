import { err, ok, unwrap } from '@core/result'

describe('Result', () => {
  test('ok carries the value', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 })
  })

  test('err carries code and message, and details only when given', () => {
    expect(err('OUT_OF_STOCK', 'gone')).toEqual({ ok: false, error: { code: 'OUT_OF_STOCK', message: 'gone' } })
    expect('details' in err('CONFLICT', 'y').error).toBe(false)
    expect(err('OUT_OF_STOCK', 'gone', { skuId: 's1' }).error.details).toEqual({ skuId: 's1' })
  })

  test('unwrap returns the value or throws with the code', () => {
    expect(unwrap(ok('v'))).toBe('v')
    expect(() => unwrap(err('INTERNAL', 'it broke'))).toThrow('INTERNAL: it broke')
  })
})

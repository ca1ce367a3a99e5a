import { MAX_CART_LINES, validateCartItems } from '@core/cart-input'

describe('validateCartItems', () => {
  test('accepts a list of {skuId, qty}, dropping extra keys', () => {
    expect(validateCartItems([{ skuId: 'k1', qty: 2, price: 1 }])).toEqual({ ok: true, value: [{ skuId: 'k1', qty: 2 }] })
    expect(validateCartItems([])).toEqual({ ok: true, value: [] })
  })

  test.each([
    [[{ skuId: 'k1', qty: 0 }], 'items.0.qty'],
    [[{ skuId: 'k1', qty: 100 }], 'items.0.qty'],
    [[{ skuId: 'k1', qty: 1.5 }], 'items.0.qty'],
    [[{ skuId: 'k 1', qty: 1 }], 'items.0.skuId'],
    [[{ qty: 1 }], 'items.0.skuId'],
    [[{ skuId: 'a', qty: 1 }, { skuId: 'a', qty: 2 }], 'items'],
    [{ skuId: 'a', qty: 1 }, 'items']
  ])('%j fails at %s', (input, path) => {
    const r = validateCartItems(input)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ITEMS' } })
    if (!r.ok) expect((r.error.details as Array<{ path: string }>)[0].path).toBe(path)
  })

  test(`at most ${MAX_CART_LINES} lines`, () => {
    const lines = Array.from({ length: MAX_CART_LINES + 1 }, (_, i) => ({ skuId: `k${i}`, qty: 1 }))
    expect(validateCartItems(lines).ok).toBe(false)
    expect(validateCartItems(lines.slice(1)).ok).toBe(true)
  })
})

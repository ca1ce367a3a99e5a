import {
  acknowledgePrices,
  addLine,
  type CartLine,
  type CartSkuInfo,
  MAX_LINE_QTY,
  maxLineQty,
  mergeCarts,
  normalizeLines,
  priceCart,
  removeLine,
  setQty
} from '@core/cart'

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'OK' : r.error?.code)

describe('addLine', () => {
  test('adds a new line at the end with the price shown', () => {
    const r = addLine([{ skuId: 'a', qty: 1 }], 'b', 2, { stock: 10, priceFen: 1990 })
    expect(r).toEqual({ ok: true, value: [{ skuId: 'a', qty: 1 }, { skuId: 'b', qty: 2, seenPriceFen: 1990 }] })
  })

  test('adds to the existing line of the same SKU', () => {
    const r = addLine([{ skuId: 'a', qty: 2, seenPriceFen: 100 }], 'a', 3)
    expect(r).toEqual({ ok: true, value: [{ skuId: 'a', qty: 5, seenPriceFen: 100 }] })
  })

  test('does not change the input array', () => {
    const lines: CartLine[] = [{ skuId: 'a', qty: 1 }]
    addLine(lines, 'a', 1)
    expect(lines).toEqual([{ skuId: 'a', qty: 1 }])
  })

  test.each([0, -1, 1.5, NaN])('qty %p is INVALID_QTY', (qty) => {
    expect(code(addLine([], 'a', qty))).toBe('INVALID_QTY')
  })

  test('up to 99 on a line, 100 is QTY_ABOVE_LIMIT', () => {
    expect(code(addLine([], 'a', 99))).toBe('OK')
    const r = addLine([{ skuId: 'a', qty: 98 }], 'a', 2, { stock: 500 })
    expect(r).toMatchObject({ ok: false, error: { code: 'QTY_ABOVE_LIMIT', details: { maxQty: 99, inCart: 98 } } })
  })

  test('never above stock: INSUFFICIENT_STOCK says how many are left', () => {
    expect(code(addLine([{ skuId: 'a', qty: 2 }], 'a', 1, { stock: 3 }))).toBe('OK')
    const r = addLine([{ skuId: 'a', qty: 2 }], 'a', 2, { stock: 3 })
    expect(r).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK', details: { maxQty: 3, inCart: 2 } } })
    if (!r.ok) expect(r.error.message).toContain('3')
  })

  test('a sold-out SKU cannot be added', () => {
    expect(code(addLine([], 'a', 1, { stock: 0 }))).toBe('SOLD_OUT')
  })
})

describe('setQty and removeLine', () => {
  const lines: CartLine[] = [{ skuId: 'a', qty: 1 }, { skuId: 'b', qty: 4 }]

  test('sets a quantity within limits', () => {
    expect(setQty(lines, 'b', 7, 10)).toEqual({ ok: true, value: [{ skuId: 'a', qty: 1 }, { skuId: 'b', qty: 7 }] })
    expect(code(setQty(lines, 'b', 99))).toBe('OK')
  })

  test.each([
    [0, undefined, 'INVALID_QTY'],
    [100, undefined, 'QTY_ABOVE_LIMIT'],
    [11, 10, 'INSUFFICIENT_STOCK'],
    [100, 1000, 'QTY_ABOVE_LIMIT'],
    [1, 0, 'SOLD_OUT']
  ])('qty %p with stock %p is %s', (qty, stock, expected) => {
    expect(code(setQty(lines, 'b', qty, stock))).toBe(expected)
  })

  test('an unknown line is LINE_NOT_FOUND', () => {
    expect(code(setQty(lines, 'zz', 1))).toBe('LINE_NOT_FOUND')
  })

  test('removeLine drops the SKU and keeps the rest', () => {
    expect(removeLine(lines, 'a')).toEqual([{ skuId: 'b', qty: 4 }])
    expect(removeLine(lines, 'zz')).toEqual(lines)
  })

  test('maxLineQty is 99 or the stock when lower', () => {
    expect(maxLineQty()).toBe(99)
    expect(maxLineQty(5)).toBe(5)
    expect(maxLineQty(500)).toBe(99)
    expect(maxLineQty(-3)).toBe(0)
  })
})

describe('mergeCarts', () => {
  test("adds the guest's lines to the user's, same SKU summed, user's order first", () => {
    const merged = mergeCarts(
      [{ skuId: 'a', qty: 1 }, { skuId: 'b', qty: 2 }],
      [{ skuId: 'c', qty: 1 }, { skuId: 'a', qty: 3 }]
    )
    expect(merged).toEqual([{ skuId: 'a', qty: 4 }, { skuId: 'b', qty: 2 }, { skuId: 'c', qty: 1 }])
  })

  test('caps a summed line at 99', () => {
    expect(mergeCarts([{ skuId: 'a', qty: 60 }], [{ skuId: 'a', qty: 60 }])).toEqual([{ skuId: 'a', qty: MAX_LINE_QTY }])
  })

  test('caps at stock when known, but keeps a sold-out or unknown line at 1 for priceCart to flag', () => {
    const merged = mergeCarts(
      [{ skuId: 'a', qty: 3 }, { skuId: 'gone', qty: 2 }],
      [{ skuId: 'a', qty: 3 }, { skuId: 'none', qty: 5 }],
      { a: { stock: 4 }, none: { stock: 0 } }
    )
    expect(merged).toEqual([{ skuId: 'a', qty: 4 }, { skuId: 'gone', qty: 2 }, { skuId: 'none', qty: 1 }])
  })

  test("keeps the user's seen price, else the guest's", () => {
    const merged = mergeCarts([{ skuId: 'a', qty: 1, seenPriceFen: 100 }, { skuId: 'b', qty: 1 }], [
      { skuId: 'a', qty: 1, seenPriceFen: 90 },
      { skuId: 'b', qty: 1, seenPriceFen: 80 }
    ])
    expect(merged).toEqual([{ skuId: 'a', qty: 2, seenPriceFen: 100 }, { skuId: 'b', qty: 2, seenPriceFen: 80 }])
  })

  test('accepts a Map lookup and drops lines with qty below 1', () => {
    const merged = mergeCarts([{ skuId: 'a', qty: 0 }], [{ skuId: 'b', qty: 9 }], new Map([['b', { stock: 2 }]]))
    expect(merged).toEqual([{ skuId: 'b', qty: 2 }])
  })

  test('normalizeLines folds duplicates of one cart', () => {
    expect(normalizeLines([{ skuId: 'a', qty: 1 }, { skuId: 'a', qty: 2 }])).toEqual([{ skuId: 'a', qty: 3 }])
  })
})

describe('priceCart', () => {
  const sku = (over: Partial<CartSkuInfo> = {}): CartSkuInfo => ({
    productId: 'p1',
    title: '纯棉T恤',
    attrs: { 颜色: '黑' },
    priceFen: 1990,
    stock: 10,
    ...over
  })

  test('prices clean lines and totals them', () => {
    const cart = priceCart([{ skuId: 'a', qty: 2 }, { skuId: 'b', qty: 1 }], { a: sku(), b: sku({ priceFen: 500, image: '/media/b.jpg' }) })
    expect(cart.totalFen).toBe(4480)
    expect(cart.payableCount).toBe(3)
    expect(cart.payableLines).toBe(2)
    expect(cart.hasProblems).toBe(false)
    expect(cart.lines[0]).toEqual({ skuId: 'a', qty: 2, productId: 'p1', title: '纯棉T恤', attrs: { 颜色: '黑' }, priceFen: 1990, lineFen: 3980, maxQty: 10 })
    expect(cart.lines[1].image).toBe('/media/b.jpg')
  })

  test('an empty cart is 0', () => {
    expect(priceCart([], {})).toEqual({ lines: [], totalFen: 0, payableCount: 0, payableLines: 0, hasProblems: false })
  })

  test('SKU_GONE: the SKU no longer exists; the last seen price is kept for display', () => {
    const cart = priceCart([{ skuId: 'x', qty: 1, seenPriceFen: 990 }, { skuId: 'a', qty: 1 }], new Map([['a', sku()]]))
    expect(cart.lines[0]).toMatchObject({ skuId: 'x', problem: 'SKU_GONE', productId: null, priceFen: 990, lineFen: 0, maxQty: 0 })
    expect(cart.totalFen).toBe(1990)
    expect(cart.hasProblems).toBe(true)
  })

  test('SOLD_OUT: stock is 0 (or oversold below 0)', () => {
    const cart = priceCart([{ skuId: 'a', qty: 1 }, { skuId: 'b', qty: 1 }], { a: sku({ stock: 0 }), b: sku({ stock: -1 }) })
    expect(cart.lines.map((l) => l.problem)).toEqual(['SOLD_OUT', 'SOLD_OUT'])
    expect(cart.lines[0].maxQty).toBe(0)
    expect(cart.totalFen).toBe(0)
    expect(cart.payableCount).toBe(0)
  })

  test('INSUFFICIENT_STOCK: more wanted than left, maxQty says how many', () => {
    const cart = priceCart([{ skuId: 'a', qty: 3 }], { a: sku({ stock: 2 }) })
    expect(cart.lines[0]).toMatchObject({ problem: 'INSUFFICIENT_STOCK', maxQty: 2, lineFen: 5970 })
    expect(cart.totalFen).toBe(0)
  })

  test('exactly the stock is fine', () => {
    expect(priceCart([{ skuId: 'a', qty: 2 }], { a: sku({ stock: 2 }) }).lines[0].problem).toBeUndefined()
  })

  test('PRICE_CHANGED: the line carries a seen price that differs from the current one', () => {
    const cart = priceCart(
      [{ skuId: 'a', qty: 1, seenPriceFen: 1890 }, { skuId: 'b', qty: 1, seenPriceFen: 1990 }],
      { a: sku(), b: sku() }
    )
    expect(cart.lines[0]).toMatchObject({ problem: 'PRICE_CHANGED', priceFen: 1990, seenPriceFen: 1890 })
    expect(cart.lines[1].problem).toBeUndefined()
    expect(cart.totalFen).toBe(1990)
  })

  test('PRICE_CHANGED from a separate seenPrices table when the line has none', () => {
    const cart = priceCart([{ skuId: 'a', qty: 1 }], { a: sku() }, { seenPrices: { a: 2990 } })
    expect(cart.lines[0]).toMatchObject({ problem: 'PRICE_CHANGED', seenPriceFen: 2990 })
  })

  test('no seen price means no PRICE_CHANGED', () => {
    expect(priceCart([{ skuId: 'a', qty: 1 }], { a: sku({ priceFen: 1 }) }).lines[0].problem).toBeUndefined()
  })

  test.each([0, 100, 2.5])('INVALID_QTY for a stored qty of %p', (qty) => {
    const cart = priceCart([{ skuId: 'a', qty }], { a: sku({ stock: 1000 }) })
    expect(cart.lines[0]).toMatchObject({ problem: 'INVALID_QTY', lineFen: 0 })
  })

  test('a line reports one problem, by precedence: sold out beats price change', () => {
    const cart = priceCart([{ skuId: 'a', qty: 5, seenPriceFen: 1 }], { a: sku({ stock: 0 }) })
    expect(cart.lines[0].problem).toBe('SOLD_OUT')
    const short = priceCart([{ skuId: 'a', qty: 5, seenPriceFen: 1 }], { a: sku({ stock: 2 }) })
    expect(short.lines[0].problem).toBe('INSUFFICIENT_STOCK')
  })

  test('acknowledgePrices clears PRICE_CHANGED on the next pricing, and leaves gone lines alone', () => {
    const lines: CartLine[] = [{ skuId: 'a', qty: 1, seenPriceFen: 1890 }, { skuId: 'x', qty: 1, seenPriceFen: 5 }]
    const skus = { a: sku() }
    const accepted = acknowledgePrices(lines, priceCart(lines, skus))
    expect(accepted).toEqual([{ skuId: 'a', qty: 1, seenPriceFen: 1990 }, { skuId: 'x', qty: 1, seenPriceFen: 5 }])
    expect(priceCart(accepted, skus).lines[0].problem).toBeUndefined()
  })
})

import { cartTotals, isPayableLine, itemsTotalFen, priceCart } from '@core/cart'

describe('cart totals', () => {
  test('only payable lines count: not those with a problem, not those still pending', () => {
    const totals = cartTotals([
      { qty: 2, lineFen: 25800 },
      { qty: 1, lineFen: 9900, problem: 'PRICE_CHANGED' },
      { qty: 3, lineFen: 3000, pending: true },
      { qty: 1, lineFen: 1990 }
    ])
    expect(totals).toEqual({ totalFen: 27790, payableCount: 3, payableLines: 2, hasProblems: true })
  })

  test('an empty cart and a pending-only cart have nothing to pay and no problem', () => {
    expect(cartTotals([])).toEqual({ totalFen: 0, payableCount: 0, payableLines: 0, hasProblems: false })
    expect(cartTotals([{ qty: 1, lineFen: 100, pending: true }])).toEqual({ totalFen: 0, payableCount: 0, payableLines: 0, hasProblems: false })
  })

  test('isPayableLine', () => {
    expect(isPayableLine({ qty: 1, lineFen: 1 })).toBe(true)
    expect(isPayableLine({ qty: 1, lineFen: 0, problem: 'SKU_GONE' })).toBe(false)
    expect(isPayableLine({ qty: 1, lineFen: 1, pending: true })).toBe(false)
  })

  test('priceCart answers the same totals as cartTotals of its lines', () => {
    const skus = new Map([
      ['a', { productId: 'p', title: 'A', attrs: {}, priceFen: 12900, stock: 5 }],
      ['b', { productId: 'p', title: 'B', attrs: {}, priceFen: 990, stock: 0 }]
    ])
    const priced = priceCart([{ skuId: 'a', qty: 2 }, { skuId: 'b', qty: 1 }, { skuId: 'gone', qty: 1 }], skus)
    expect(priced.totalFen).toBe(25800)
    expect({ ...priced, lines: undefined }).toEqual({ ...cartTotals(priced.lines), lines: undefined })
  })

  test('itemsTotalFen: price × qty summed in whole fen', () => {
    expect(itemsTotalFen([])).toBe(0)
    expect(itemsTotalFen([{ priceFen: 1990, qty: 3 }, { priceFen: 1, qty: 99 }])).toBe(6069)
    expect(() => itemsTotalFen([{ priceFen: 19.9, qty: 1 }])).toThrow()
  })
})

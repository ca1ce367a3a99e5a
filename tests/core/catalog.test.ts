import {
  attributeOptions,
  choiceStates,
  findSku,
  formatAttrs,
  isSoldOut,
  priceRange,
  totalStock,
  type Product
} from '@core/catalog'

// 黑/白 × S/M/L, but no 白-L, and 黑-M sold out.
const tee: Product = {
  id: 'p1',
  title: '纯棉T恤',
  images: ['/media/tee.jpg'],
  description: '',
  skus: [
    { id: 'k-bs', attrs: { 颜色: '黑', 尺码: 'S' }, priceFen: 9900, stock: 3 },
    { id: 'k-bm', attrs: { 颜色: '黑', 尺码: 'M' }, priceFen: 9900, stock: 0 },
    { id: 'k-bl', attrs: { 颜色: '黑', 尺码: 'L' }, priceFen: 10900, stock: 1 },
    { id: 'k-ws', attrs: { 颜色: '白', 尺码: 'S' }, priceFen: 8900, stock: 5 },
    { id: 'k-wm', attrs: { 颜色: '白', 尺码: 'M' }, priceFen: 8900, stock: 2 }
  ]
}

const single: Product = { id: 'p2', title: '帆布袋', images: [], description: '', skus: [{ id: 'k0', attrs: {}, priceFen: 3900, stock: 7 }] }

describe('attributeOptions', () => {
  test('lists attribute names and values in first-seen order', () => {
    const options = attributeOptions(tee)
    expect(Object.keys(options)).toEqual(['颜色', '尺码'])
    expect(options['颜色']).toEqual(['黑', '白'])
    expect(options['尺码']).toEqual(['S', 'M', 'L'])
  })

  test('a product without attributes has no options', () => {
    expect(attributeOptions(single)).toEqual({})
  })
})

describe('findSku', () => {
  test('finds the SKU of a complete choice', () => {
    expect(findSku(tee, { 颜色: '白', 尺码: 'M' })?.id).toBe('k-wm')
  })

  test('finds a sold-out SKU too (the picker shows it as sold out)', () => {
    expect(findSku(tee, { 颜色: '黑', 尺码: 'M' })?.id).toBe('k-bm')
  })

  test('nothing while the choice is incomplete', () => {
    expect(findSku(tee, { 颜色: '黑' })).toBeUndefined()
    expect(findSku(tee, {})).toBeUndefined()
    expect(findSku(tee, { 颜色: '黑', 尺码: undefined })).toBeUndefined()
  })

  test('nothing for a combination that does not exist or an unknown value', () => {
    expect(findSku(tee, { 颜色: '白', 尺码: 'L' })).toBeUndefined()
    expect(findSku(tee, { 颜色: '红', 尺码: 'S' })).toBeUndefined()
  })

  test('nothing when an extra attribute is chosen', () => {
    expect(findSku(tee, { 颜色: '黑', 尺码: 'S', 款式: '长袖' })).toBeUndefined()
  })

  test('the only SKU of an attribute-less product is found with no choices', () => {
    expect(findSku(single, {})?.id).toBe('k0')
  })
})

describe('choiceStates', () => {
  test('with nothing chosen, a value is available when any SKU with it has stock', () => {
    expect(choiceStates(tee, {})).toEqual({
      颜色: { 黑: 'available', 白: 'available' },
      尺码: { S: 'available', M: 'available', L: 'available' }
    })
  })

  test('after choosing 白, L does not exist and M/S are available', () => {
    expect(choiceStates(tee, { 颜色: '白' })['尺码']).toEqual({ S: 'available', M: 'available', L: 'unavailable' })
  })

  test('after choosing 黑, M is sold out', () => {
    expect(choiceStates(tee, { 颜色: '黑' })['尺码']).toEqual({ S: 'available', M: 'soldOut', L: 'available' })
  })

  test('after choosing M, 黑 is sold out and 白 available', () => {
    expect(choiceStates(tee, { 尺码: 'M' })['颜色']).toEqual({ 黑: 'soldOut', 白: 'available' })
  })

  test("an attribute's own choice does not restrict its other values", () => {
    const states = choiceStates(tee, { 颜色: '白', 尺码: 'S' })
    expect(states['颜色']).toEqual({ 黑: 'available', 白: 'available' })
    expect(states['尺码']).toEqual({ S: 'available', M: 'available', L: 'unavailable' })
  })

  test('a value sold out in every combination is soldOut even with nothing chosen', () => {
    const p: Product = { ...tee, skus: tee.skus.map((s) => (s.attrs['尺码'] === 'S' ? { ...s, stock: 0 } : s)) }
    expect(choiceStates(p, {})['尺码']['S']).toBe('soldOut')
  })
})

describe('price and stock', () => {
  test('priceRange spans the SKU prices', () => {
    expect(priceRange(tee)).toEqual({ minFen: 8900, maxFen: 10900 })
    expect(priceRange(single)).toEqual({ minFen: 3900, maxFen: 3900 })
    expect(priceRange({ skus: [] })).toBeNull()
  })

  test('totalStock sums stock and ignores oversold negatives', () => {
    expect(totalStock(tee)).toBe(11)
    expect(totalStock({ skus: [{ id: 'a', attrs: {}, priceFen: 1, stock: -2 }, { id: 'b', attrs: {}, priceFen: 1, stock: 1 }] })).toBe(1)
  })

  test('isSoldOut when no SKU has stock', () => {
    expect(isSoldOut(tee)).toBe(false)
    expect(isSoldOut({ skus: tee.skus.map((s) => ({ ...s, stock: 0 })) })).toBe(true)
  })

  test('formatAttrs labels a SKU', () => {
    expect(formatAttrs({ 颜色: '黑', 尺码: 'M' })).toBe('颜色：黑，尺码：M')
    expect(formatAttrs({})).toBe('')
  })
})

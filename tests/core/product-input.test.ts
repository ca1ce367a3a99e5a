import { PRODUCT_LIMITS, productInputSchema, skuAttrsKey, stockProblem } from '@core/product-input'

const sku = (over: Record<string, unknown> = {}) => ({ attrs: { 颜色: '黛青' }, priceFen: 12900, stock: 5, ...over })
const product = (over: Record<string, unknown> = {}) => ({ title: '山茶花手霜', skus: [sku()], ...over })
const paths = (input: unknown) => {
  const r = productInputSchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'))
}

describe('product input rules', () => {
  test('a plain product passes, with description and images defaulted', () => {
    const r = productInputSchema.parse(product())
    expect(r).toEqual({ title: '山茶花手霜', description: '', images: [], skus: [sku()] })
  })

  test('title: trimmed, 1 to titleMax characters', () => {
    expect(paths(product({ title: '   ' }))).toEqual(['title'])
    expect(paths(product({ title: 'a'.repeat(PRODUCT_LIMITS.titleMax) }))).toEqual([])
    expect(paths(product({ title: 'a'.repeat(PRODUCT_LIMITS.titleMax + 1) }))).toEqual(['title'])
  })

  test('SKU count: at least one, at most skusMax', () => {
    expect(paths(product({ skus: [] }))).toEqual(['skus'])
    const many = (n: number) => Array.from({ length: n }, (_, i) => sku({ attrs: { 编号: String(i) } }))
    expect(paths(product({ skus: many(PRODUCT_LIMITS.skusMax) }))).toEqual([])
    expect(paths(product({ skus: many(PRODUCT_LIMITS.skusMax + 1) }))).toEqual(['skus'])
  })

  test('price: whole fen from 0 to priceFenMax; stock: whole from 0 to stockMax', () => {
    expect(paths(product({ skus: [sku({ priceFen: 0, stock: 0 })] }))).toEqual([])
    expect(paths(product({ skus: [sku({ priceFen: PRODUCT_LIMITS.priceFenMax, stock: PRODUCT_LIMITS.stockMax })] }))).toEqual([])
    expect(paths(product({ skus: [sku({ priceFen: PRODUCT_LIMITS.priceFenMax + 1 })] }))).toEqual(['skus.0.priceFen'])
    expect(paths(product({ skus: [sku({ priceFen: 19.9 })] }))).toEqual(['skus.0.priceFen'])
    expect(paths(product({ skus: [sku({ stock: -1 })] }))).toEqual(['skus.0.stock'])
    expect(paths(product({ skus: [sku({ stock: PRODUCT_LIMITS.stockMax + 1 })] }))).toEqual(['skus.0.stock'])
  })

  test('attributes: at most attrsMax, names and values within their lengths', () => {
    const attrs = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`规格${i}`, '值']))
    expect(paths(product({ skus: [sku({ attrs: attrs(PRODUCT_LIMITS.attrsMax) })] }))).toEqual([])
    expect(paths(product({ skus: [sku({ attrs: attrs(PRODUCT_LIMITS.attrsMax + 1) })] }))).toEqual(['skus.0.attrs'])
    expect(paths(product({ skus: [sku({ attrs: { 颜色: 'x'.repeat(PRODUCT_LIMITS.attrValueMax + 1) } })] }))).toEqual(['skus.0.attrs.颜色'])
  })

  test('the same attributes in another order are the same SKU', () => {
    expect(skuAttrsKey({ 颜色: '黑', 尺码: 'S' })).toBe(skuAttrsKey({ 尺码: 'S', 颜色: '黑' }))
    expect(paths(product({ skus: [sku({ attrs: { 颜色: '黑', 尺码: 'S' } }), sku({ attrs: { 尺码: 'S', 颜色: '黑' } })] }))).toEqual(['skus.1.attrs'])
  })

  test('stockProblem: the admin form says why in Chinese', () => {
    expect(stockProblem(0)).toBeNull()
    expect(stockProblem(PRODUCT_LIMITS.stockMax)).toBeNull()
    expect(stockProblem(null)).toBe('库存需要是 0 或正整数')
    expect(stockProblem(1.5)).toBe('库存需要是 0 或正整数')
    expect(stockProblem(PRODUCT_LIMITS.stockMax + 1)).toBe('库存最多 10,000,000')
  })
})

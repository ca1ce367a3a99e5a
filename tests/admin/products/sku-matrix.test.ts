import { buildSkuRows, checkAttributes, combinations, fenToYuanText, rowsFromSkus, attributesFromSkus, toSkuInputs, MAX_SKUS } from '../../../src/admin/products/sku-matrix'

describe('SKU matrix', () => {
  test('颜色 × 尺码 gives every combination, first attribute slowest', () => {
    expect(combinations([{ name: '颜色', values: ['黑', '白'] }, { name: '尺码', values: ['S', 'M', 'L'] }])).toEqual([
      { 颜色: '黑', 尺码: 'S' },
      { 颜色: '黑', 尺码: 'M' },
      { 颜色: '黑', 尺码: 'L' },
      { 颜色: '白', 尺码: 'S' },
      { 颜色: '白', 尺码: 'M' },
      { 颜色: '白', 尺码: 'L' }
    ])
  })

  test('no usable attribute gives one SKU without attributes; half-typed attributes are ignored', () => {
    expect(combinations([])).toEqual([{}])
    expect(combinations([{ name: '颜色', values: [] }, { name: '', values: ['x'] }, { name: ' 尺码 ', values: [' M ', 'M', ''] }])).toEqual([{ 尺码: 'M' }])
  })

  test('regenerating keeps the id, price and stock of combinations that survive', () => {
    const first = buildSkuRows([{ name: '颜色', values: ['黑'] }], [])
    const edited = [{ ...first[0]!, id: 'sku_1', price: '99', stock: 5 }]
    const next = buildSkuRows([{ name: '颜色', values: ['黑', '白'] }], edited)
    expect(next.map((r) => [r.attrs, r.id, r.price, r.stock])).toEqual([
      [{ 颜色: '黑' }, 'sku_1', '99', 5],
      [{ 颜色: '白' }, undefined, '', 0]
    ])
  })

  test('prices parse from yuan text to fen through core, with errors at their SKU paths', () => {
    const rows = buildSkuRows([{ name: '尺码', values: ['S', 'M', 'L'] }], []).map((r, i) => ({ ...r, price: ['¥1,299', '0.29', '12.345'][i]!, stock: [1, null, 3][i]! }))
    const result = toSkuInputs(rows)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toEqual([
      { path: 'skus.1.stock', message: '库存需要是 0 或正整数' },
      { path: 'skus.2.priceFen', message: '金额最多两位小数（精确到分）' }
    ])
    const good = toSkuInputs(rows.map((r) => ({ ...r, price: r.price === '12.345' ? '12.34' : r.price, stock: r.stock ?? 0 })))
    expect(good).toEqual({
      ok: true,
      skus: [
        { attrs: { 尺码: 'S' }, priceFen: 129900, stock: 1 },
        { attrs: { 尺码: 'M' }, priceFen: 29, stock: 0 },
        { attrs: { 尺码: 'L' }, priceFen: 1234, stock: 3 }
      ]
    })
  })

  test('stored SKUs round-trip into attributes and rows with yuan text', () => {
    const skus = [
      { id: 'a', attrs: { 颜色: '黑', 尺码: 'M' }, priceFen: 12900, stock: 3 },
      { id: 'b', attrs: { 颜色: '白', 尺码: 'M' }, priceFen: 1990, stock: 0 }
    ]
    expect(attributesFromSkus(skus)).toEqual([{ name: '颜色', values: ['黑', '白'] }, { name: '尺码', values: ['M'] }])
    expect(rowsFromSkus(skus).map((r) => r.price)).toEqual(['129', '19.90'])
    expect(fenToYuanText(5)).toBe('0.05')
  })

  test('attribute problems: duplicate names, names without values, too many combinations', () => {
    expect(checkAttributes([{ name: '颜色', values: ['黑'] }, { name: '颜色', values: ['白'] }, { name: '尺码', values: [] }, { name: '', values: ['x'] }])).toEqual([
      { path: 'attributes.1.name', message: '规格名“颜色”重复了' },
      { path: 'attributes.2.values', message: '请至少填一个规格值' },
      { path: 'attributes.3.name', message: '请填写规格名，如 颜色' }
    ])
    const many = Array.from({ length: 11 }, (_, i) => `v${i}`)
    expect(checkAttributes([{ name: 'a', values: many }, { name: 'b', values: many }])).toEqual([
      { path: 'attributes', message: `组合出 121 个 SKU，最多 ${MAX_SKUS} 个` }
    ])
  })

  test("core's product limits: attribute count and lengths, stock at most the server's maximum", () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `规格${i}`, values: ['x'] }))
    expect(checkAttributes(six)).toEqual([{ path: 'attributes', message: '最多 5 种规格' }])
    expect(checkAttributes([{ name: '颜'.repeat(21), values: ['黑'.repeat(51)] }])).toEqual([
      { path: 'attributes.0.name', message: '规格名最多 20 个字' },
      { path: 'attributes.0.values', message: '每个规格值最多 50 个字' }
    ])
    const row = { key: '{}', attrs: {}, price: '19.9', stock: 10_000_001 }
    expect(toSkuInputs([row])).toEqual({ ok: false, issues: [{ path: 'skus.0.stock', message: '库存最多 10,000,000' }] })
    expect(toSkuInputs([{ ...row, stock: 10_000_000 }])).toEqual({ ok: true, skus: [{ attrs: {}, priceFen: 1990, stock: 10_000_000 }] })
  })
})

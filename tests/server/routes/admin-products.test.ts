// Staff catalog and the shopper's product view: SKUs with attrs, priceFen
// and stock; PUT keeps, adds and retires SKUs; bad input changes nothing.
import { describeEachDb } from '../helpers/each-db'
import { editorCookie, productBody, seedProduct } from '../helpers/seed'
import { createTestApp, type TestApp, type Json } from '../helpers/test-app'

describeEachDb('products (staff and shopper)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  test('POST creates a product with SKU ids; GET (staff and shopper) shows it', async () => {
    const res = await t.call('POST', '/api/admin/products', { cookie: t.adminCookie, body: productBody() })
    expect(res.status).toBe(201)
    const product = res.json.product
    expect(product).toEqual({
      id: expect.stringMatching(/^prd_/),
      title: '羊绒围巾',
      description: '100% 羊绒',
      images: ['/media/scarf.jpg'],
      skus: [
        { id: expect.stringMatching(/^sku_/), attrs: { 颜色: '驼色' }, priceFen: 59900, stock: 10 },
        { id: expect.stringMatching(/^sku_/), attrs: { 颜色: '黑色' }, priceFen: 62900, stock: 0 }
      ]
    })
    expect((await t.call('GET', `/api/admin/products/${product.id}`, { cookie: t.adminCookie })).json).toEqual({ product })
    const shopper = await t.call('GET', `/api/v1/products/${product.id}`)
    expect(shopper.status).toBe(200)
    expect(shopper.json).toEqual({ product })
  })

  test('PUT updates SKUs in place, adds new ones and retires the ones left out', async () => {
    const product = await seedProduct(t)
    const [camel, black] = product.skus
    const res = await t.call('PUT', `/api/admin/products/${product.id}`, {
      cookie: t.adminCookie,
      body: productBody({
        title: '羊绒围巾（新）',
        skus: [
          { id: camel.id, attrs: { 颜色: '驼色' }, priceFen: 49900, stock: 3 },
          { attrs: { 颜色: '灰色' }, priceFen: 52900, stock: 7 }
        ]
      })
    })
    expect(res.status).toBe(200)
    expect(res.json.product.title).toBe('羊绒围巾（新）')
    expect(res.json.product.skus).toEqual([
      { id: camel.id, attrs: { 颜色: '驼色' }, priceFen: 49900, stock: 3 },
      { id: expect.stringMatching(/^sku_/), attrs: { 颜色: '灰色' }, priceFen: 52900, stock: 7 }
    ])
    expect(res.json.product.skus.map((s: Json) => s.id)).not.toContain(black.id)
    // Retired SKUs stay in the database for orders that point at them.
    const row = await t.deps.db.selectFrom('skus').select('active').where('id', '=', black.id).executeTakeFirst()
    expect(row).toEqual({ active: 0 })
  })

  test('an editor may create and edit products; every change is audited', async () => {
    const cookie = await editorCookie(t)
    const res = await t.call('POST', '/api/admin/products', { cookie, body: productBody({ title: '编辑的商品' }) })
    expect(res.status).toBe(201)
    const audit = await t.call('GET', `/api/admin/audit?targetId=${res.json.product.id}`, { cookie: t.adminCookie })
    expect(audit.json.items).toEqual([expect.objectContaining({ action: 'product.create', details: { title: '编辑的商品' } })])
  })

  test('GET /api/admin/products pages newest-changed first', async () => {
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000)
      await seedProduct(t, { title: `分页 ${i}` })
    }
    const first = await t.call('GET', '/api/admin/products?limit=2', { cookie: t.adminCookie })
    expect(first.json.items.map((p: Json) => p.title)).toEqual(['分页 2', '分页 1'])
    const second = await t.call('GET', `/api/admin/products?limit=2&cursor=${first.json.nextCursor}`, { cookie: t.adminCookie })
    expect(second.json.items[0].title).toBe('分页 0')
  })

  test('bad product input is 400 with the field path, and nothing is stored', async () => {
    const before = (await t.call('GET', '/api/admin/products?limit=100', { cookie: t.adminCookie })).json.items.length
    const cases: Array<[unknown, string]> = [
      [productBody({ title: '' }), 'title'],
      [productBody({ skus: [] }), 'skus'],
      [productBody({ skus: [{ attrs: {}, priceFen: 12.5, stock: 1 }] }), 'skus.0.priceFen'],
      [productBody({ skus: [{ attrs: {}, priceFen: -1, stock: 1 }] }), 'skus.0.priceFen'],
      [productBody({ skus: [{ attrs: {}, priceFen: 100, stock: -2 }] }), 'skus.0.stock'],
      [productBody({ images: ['javascript:alert(1)'] }), 'images.0'],
      [
        productBody({
          skus: [
            { attrs: { 尺码: 'M' }, priceFen: 1, stock: 1 },
            { attrs: { 尺码: 'M' }, priceFen: 2, stock: 1 }
          ]
        }),
        'skus.1.attrs'
      ]
    ]
    for (const [body, path] of cases) {
      const res = await t.call('POST', '/api/admin/products', { cookie: t.adminCookie, body })
      expect([path, res.status, res.json.error.code]).toEqual([path, 400, 'VALIDATION_FAILED'])
      expect(res.json.error.details.map((d: Json) => d.path)).toContain(path)
    }
    const after = (await t.call('GET', '/api/admin/products?limit=100', { cookie: t.adminCookie })).json.items.length
    expect(after).toBe(before)
  })

  test('PUT with a SKU id of another product is refused and changes nothing', async () => {
    const a = await seedProduct(t, { title: 'A' })
    const b = await seedProduct(t, { title: 'B' })
    const res = await t.call('PUT', `/api/admin/products/${a.id}`, {
      cookie: t.adminCookie,
      body: productBody({ title: 'A2', skus: [{ id: b.skus[0].id, attrs: {}, priceFen: 1, stock: 1 }] })
    })
    expect(res.status).toBe(400)
    expect(res.json.error.details).toEqual([{ path: 'skus.0.id', message: expect.any(String) }])
    expect((await t.call('GET', `/api/v1/products/${a.id}`)).json.product).toEqual(a)
    expect((await t.call('GET', `/api/v1/products/${b.id}`)).json.product).toEqual(b)
  })

  test('unknown and malformed ids', async () => {
    const missing = await t.call('GET', '/api/v1/products/prd_missing')
    expect(missing.status).toBe(404)
    expect(missing.json.error.code).toBe('PRODUCT_NOT_FOUND')
    expect((await t.call('GET', '/api/admin/products/prd_missing', { cookie: t.adminCookie })).status).toBe(404)
    const put = await t.call('PUT', '/api/admin/products/prd_missing', { cookie: t.adminCookie, body: productBody() })
    expect(put.status).toBe(404)
    expect((await t.call('GET', '/api/v1/products/bad!id')).status).toBe(400)
    expect((await t.call('GET', '/api/admin/products?limit=0', { cookie: t.adminCookie })).status).toBe(400)
  })
})

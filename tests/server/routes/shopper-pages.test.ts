// The shopper's content API: only published pages, in the contract's
// shape, products at live price and stock, and the paged list newest first.
import { describeEachDb } from '../helpers/each-db'
import { pageBody, productBody, seedPage, seedProduct } from '../helpers/seed'
import { createTestApp, type TestApp, type Json } from '../helpers/test-app'

describeEachDb('GET /api/v1/pages', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  test('a published page: {page:{slug,title,cover,blocks,share}, products:{[id]:Product}}', async () => {
    const product = await seedProduct(t)
    await seedPage(t, 'lookbook', { productId: product.id, publish: true })
    const res = await t.call('GET', '/api/v1/pages/lookbook')
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      page: {
        slug: 'lookbook',
        title: '页面 lookbook',
        cover: '/media/hero.jpg',
        blocks: pageBody('lookbook', product.id).blocks,
        share: { title: '页面 lookbook', imageUrl: '/media/hero.jpg' },
        publishedAt: t.clock.now().toISOString()
      },
      products: { [product.id]: product }
    })
  })

  test('products are resolved live: a price or stock change shows without republishing', async () => {
    const product = await seedProduct(t, { title: '实时价格' })
    await seedPage(t, 'live-price', { productId: product.id, publish: true })
    await t.call('PUT', `/api/admin/products/${product.id}`, {
      cookie: t.adminCookie,
      body: productBody({
        title: '实时价格',
        skus: [{ id: product.skus[0].id, attrs: product.skus[0].attrs, priceFen: 100, stock: 0 }]
      })
    })
    const res = await t.call('GET', '/api/v1/pages/live-price')
    expect(res.json.products[product.id].skus).toEqual([{ id: product.skus[0].id, attrs: { 颜色: '驼色' }, priceFen: 100, stock: 0 }])
  })

  test('explicit cover and share override the fallbacks', async () => {
    const body = pageBody('custom-share', undefined, {
      cover: '/media/cover.jpg',
      share: { title: '快来看', imageUrl: 'https://cdn.example.com/share.png' }
    })
    const created = await t.call('POST', '/api/admin/pages', { cookie: t.adminCookie, body })
    await t.call('POST', `/api/admin/pages/${created.json.page.id}/publish`, { cookie: t.adminCookie, body: {} })
    const res = await t.call('GET', '/api/v1/pages/custom-share')
    expect(res.json.page.cover).toBe('/media/cover.jpg')
    expect(res.json.page.share).toEqual({ title: '快来看', imageUrl: 'https://cdn.example.com/share.png' })
    expect(res.json.products).toEqual({})
  })

  test('the list: published only, newest first, paged with a cursor', async () => {
    await seedPage(t, 'never-published')
    for (const slug of ['first', 'second', 'third']) {
      t.clock.advance(60_000)
      await seedPage(t, slug, { publish: true })
    }
    const one = await t.call('GET', '/api/v1/pages?limit=2')
    expect(one.status).toBe(200)
    expect(one.json.items.map((p: Json) => p.slug)).toEqual(['third', 'second'])
    expect(one.json.items[0]).toEqual({
      slug: 'third',
      title: '页面 third',
      cover: '/media/hero.jpg',
      share: { title: '页面 third', imageUrl: '/media/hero.jpg' },
      publishedAt: t.clock.now().toISOString()
    })
    const rest = await t.call('GET', `/api/v1/pages?limit=50&cursor=${one.json.nextCursor}`)
    const slugs = rest.json.items.map((p: Json) => p.slug)
    expect(slugs.slice(0, 1)).toEqual(['first'])
    expect(slugs).not.toContain('never-published')
    expect(rest.json.nextCursor).toBeNull()
  })

  test('bad input: slug, limit and cursor', async () => {
    const slug = await t.call('GET', '/api/v1/pages/Not_A_Slug')
    expect(slug.status).toBe(400)
    expect(slug.json.error.code).toBe('INVALID_SLUG')
    for (const q of ['limit=0', 'limit=51', 'limit=abc', 'cursor=%%%']) {
      const res = await t.call('GET', `/api/v1/pages?${q}`)
      expect([q, res.status]).toEqual([q, 400])
      expect(res.json.error.code).toMatch(/^(VALIDATION_FAILED|INVALID_CURSOR)$/)
    }
    expect((await t.call('GET', '/api/v1/pages/unknown-page')).status).toBe(404)
  })
})

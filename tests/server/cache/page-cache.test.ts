// Published pages from memory (src/server/cache/page-cache.ts): ETag and 304, previews never
// cached, and every write that changes an answer reaching the cache: publish, unpublish, a
// product edit at once; a stock move from an order within a second (the clock is moved, not
// waited for). On PostgreSQL a second app instance on the same schema hears the change
// through LISTEN/NOTIFY: the test awaits that instance's change event, then reads.
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../../src/server/app'
import { pageCacheFor, STOCK_LAG_MS, type PageCache } from '../../../src/server/cache/page-cache'
import type { ContentChange } from '../../../src/server/cache/content-changes'
import { createShop, type Shop } from '../commerce/helpers/shop'
import { orderOf } from '../commerce/helpers/orders'
import { describeEachDb } from '../helpers/each-db'
import { pageBody, productBody, seedPage, seedProduct } from '../helpers/seed'

/** Resolves with the first change the cache applies that `match` accepts. */
function nextChange(cache: PageCache, match: (c: ContentChange | null) => boolean): Promise<ContentChange | null> {
  return new Promise((resolve) => {
    const on = (c: ContentChange | null) => {
      if (!match(c)) return
      cache.off('change', on)
      resolve(c)
    }
    cache.on('change', on)
  })
}

describeEachDb('page cache', (dialect) => {
  let shop: Shop
  beforeAll(async () => {
    shop = await createShop({ dialect })
    await pageCacheFor(shop.t.deps).ready()
  }, 60_000)
  afterAll(() => shop.close())

  const read = (slug: string, headers: Record<string, string> = {}) => shop.t.call('GET', `/api/v1/pages/${slug}`, { headers })

  test('a published page carries an ETag; If-None-Match with it answers 304 with no body, another ETag 200', async () => {
    const product = await seedProduct(shop.t)
    await seedPage(shop.t, 'etag-page', { productId: product.id, publish: true })
    const first = await read('etag-page')
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toBe('no-cache')
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(first.json.products[product.id].id).toBe(product.id)

    const again = await read('etag-page')
    expect(again.text).toBe(first.text)
    expect(again.headers.get('etag')).toBe(etag)

    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const notModified = await read('etag-page', { 'if-none-match': tag })
      expect(notModified.status).toBe(304)
      expect(notModified.text).toBe('')
      expect(notModified.headers.get('etag')).toBe(etag)
    }
    const stale = await read('etag-page', { 'if-none-match': '"not-this-one"' })
    expect(stale.status).toBe(200)
    expect(stale.text).toBe(first.text)
  })

  test('an unknown slug is still 404 in the API shape', async () => {
    const res = await read('no-such-page')
    expect(res.status).toBe(404)
    expect(res.json.error.code).toBe('PAGE_NOT_FOUND')
    expect(res.headers.get('etag')).toBeNull()
  })

  test('a preview is read from the draft every time: no ETag, no-store', async () => {
    const page = await seedPage(shop.t, 'preview-page', { publish: true })
    await read('preview-page')
    await shop.t.call('PUT', `/api/admin/pages/${page.id}`, { cookie: shop.t.adminCookie, body: pageBody('preview-page', undefined, { title: '草稿标题' }) })
    const link = await shop.t.call('POST', `/api/admin/pages/${page.id}/preview`, { cookie: shop.t.adminCookie, body: {} })
    expect(link.status).toBe(200)
    const preview = await read(`preview-page?preview=${encodeURIComponent(link.json.token)}`)
    expect(preview.status).toBe(200)
    expect(preview.json.page.title).toBe('草稿标题')
    expect(preview.headers.get('etag')).toBeNull()
    expect(preview.headers.get('cache-control')).toBe('no-store')
    // The draft edit is not live: the cached published answer still stands.
    expect((await read('preview-page')).json.page.title).toBe('页面 preview-page')
  })

  test('publishing a new version, unpublishing, and a product edit show at once', async () => {
    const product = await seedProduct(shop.t, { title: '缓存围巾' })
    const page = await seedPage(shop.t, 'fresh-page', { productId: product.id, publish: true })
    const v1 = await read('fresh-page')
    expect(v1.json.page.title).toBe('页面 fresh-page')

    await shop.t.call('PUT', `/api/admin/pages/${page.id}`, { cookie: shop.t.adminCookie, body: pageBody('fresh-page', product.id, { title: '第二版' }) })
    const published = await shop.t.call('POST', `/api/admin/pages/${page.id}/publish`, { cookie: shop.t.adminCookie, body: {} })
    expect(published.status).toBe(200)
    const v2 = await read('fresh-page', { 'if-none-match': v1.headers.get('etag')! })
    expect(v2.status).toBe(200)
    expect(v2.json.page.title).toBe('第二版')

    const edited = await shop.t.call('PUT', `/api/admin/products/${product.id}`, {
      cookie: shop.t.adminCookie,
      body: productBody({ title: '缓存围巾（新）', skus: [{ id: product.skus[0].id, attrs: product.skus[0].attrs, priceFen: 12300, stock: 7 }] })
    })
    expect(edited.status).toBe(200)
    const v3 = await read('fresh-page')
    expect(v3.json.products[product.id].title).toBe('缓存围巾（新）')
    expect(v3.json.products[product.id].skus[0]).toMatchObject({ priceFen: 12300, stock: 7 })

    expect((await shop.t.call('POST', `/api/admin/pages/${page.id}/unpublish`, { cookie: shop.t.adminCookie, body: {} })).status).toBe(200)
    expect((await read('fresh-page')).status).toBe(404)
  })

  test('an order moves the stock shown within one second, not on every order', async () => {
    const cache = pageCacheFor(shop.t.deps)
    const product = await seedProduct(shop.t, { title: '限量', skus: [{ attrs: { 颜色: '黑' }, priceFen: 5000, stock: 10 }] })
    const skuId = product.skus[0].id
    await seedPage(shop.t, 'stock-page', { productId: product.id, publish: true })
    const before = await read('stock-page')
    expect(before.json.products[product.id].skus[0].stock).toBe(10)

    const buyer = await shop.shopper()
    const heard = nextChange(cache, (c) => c?.kind === 'stock' && c.skuId === skuId)
    await orderOf(shop, buyer, [{ skuId, qty: 3 }])
    await heard
    // Within the lag the answer may stay as it was (one rebuild a second under a stream of orders)…
    const within = await read('stock-page', { 'if-none-match': before.headers.get('etag')! })
    expect(within.status).toBe(304)
    // …and once a second has passed since it was built, the read shows the database's stock.
    shop.clock.advance(STOCK_LAG_MS)
    const after = await read('stock-page')
    expect(after.status).toBe(200)
    expect(after.json.products[product.id].skus[0].stock).toBe(7)
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
  })

  if (dialect === 'postgres') {
    describe('two instances on one schema', () => {
      let second: FastifyInstance
      let secondUrl: string
      beforeAll(async () => {
        second = await buildApp({ config: shop.t.config, db: shop.t.db.reopen(), clock: shop.clock, log: { level: 'silent' } })
        secondUrl = await second.listen({ port: 0, host: '127.0.0.1' })
        await pageCacheFor(second.deps).ready()
      })
      afterAll(() => second.close())

      const readOnSecond = async (slug: string) => {
        const res = await fetch(`${secondUrl}/api/v1/pages/${slug}`)
        return { status: res.status, etag: res.headers.get('etag'), json: (await res.json()) as { page: { title: string }; products: Record<string, { skus: Array<{ priceFen: number; stock: number }> }> } }
      }

      test('a publish, a product edit and an order on the first instance reach the second one through NOTIFY', async () => {
        const cache = pageCacheFor(second.deps)
        const product = await seedProduct(shop.t, { title: '双实例', skus: [{ attrs: { 颜色: '白' }, priceFen: 8000, stock: 20 }] })
        const page = await seedPage(shop.t, 'two-instances', { productId: product.id, publish: true })
        const first = await readOnSecond('two-instances')
        expect(first.json.page.title).toBe('页面 two-instances')
        const built = cache.hits.built
        expect((await readOnSecond('two-instances')).etag).toBe(first.etag)
        expect(cache.hits.built).toBe(built) // served from the second instance's memory

        await shop.t.call('PUT', `/api/admin/pages/${page.id}`, { cookie: shop.t.adminCookie, body: pageBody('two-instances', product.id, { title: '另一实例发布' }) })
        let heard = nextChange(cache, (c) => c?.kind === 'pages')
        await shop.t.call('POST', `/api/admin/pages/${page.id}/publish`, { cookie: shop.t.adminCookie, body: {} })
        await heard
        expect((await readOnSecond('two-instances')).json.page.title).toBe('另一实例发布')

        heard = nextChange(cache, (c) => c?.kind === 'product' && c.productId === product.id)
        await shop.t.call('PUT', `/api/admin/products/${product.id}`, {
          cookie: shop.t.adminCookie,
          body: productBody({ title: '双实例', skus: [{ id: product.skus[0].id, attrs: { 颜色: '白' }, priceFen: 7500, stock: 20 }] })
        })
        await heard
        expect((await readOnSecond('two-instances')).json.products[product.id]!.skus[0]!.priceFen).toBe(7500)

        heard = nextChange(cache, (c) => c?.kind === 'stock' && c.skuId === product.skus[0].id)
        await orderOf(shop, await shop.shopper(), [{ skuId: product.skus[0].id, qty: 2 }])
        await heard
        shop.clock.advance(STOCK_LAG_MS)
        expect((await readOnSecond('two-instances')).json.products[product.id]!.skus[0]!.stock).toBe(18)
      })
    })
  }
})

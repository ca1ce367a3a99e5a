// The per-block report: block_view events, and product_view / add_to_cart
// events carrying props.blockIndex + props.blockType, sent through the real
// POST /api/v1/events and counted per block of one page.
import { describeEachDb } from '../helpers/each-db'
import { seedProduct } from '../helpers/seed'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { MINUTE } from '../helpers/test-clock'

describeEachDb('per-block report', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  it('counts views, viewers, taps and add-to-carts per block, every live block listed', async () => {
    const product = await seedProduct(t)
    const body = {
      slug: 'lookbook',
      title: '搭配',
      blocks: [
        { type: 'shop-the-look', image: '/media/look.jpg', hotspots: [{ x: 0.5, y: 0.5, productId: product.id }] },
        { type: 'quote', text: '好看' },
        { type: 'product', productId: product.id }
      ]
    }
    const page = (await t.call('POST', '/api/admin/pages', { cookie: t.adminCookie, body })).json.page
    await t.call('POST', `/api/admin/pages/${page.id}/publish`, { cookie: t.adminCookie, body: {} })

    const now = t.clock.now().getTime()
    let n = 0
    const ev = (anonId: string, type: string, fields: Record<string, unknown>) => ({ id: `ev-${++n}`, type, ts: now - MINUTE, anonId, sessionId: `s-${anonId}`, ...fields })
    const at = (blockIndex: number, blockType: string) => ({ props: { blockIndex, blockType } })
    const sku = product.skus[0]!.id
    const events = [
      ev('a1', 'block_view', { contentSlug: 'lookbook', ...at(0, 'shop-the-look') }),
      ev('a1', 'block_view', { contentSlug: 'lookbook', ...at(0, 'shop-the-look') }),
      ev('a2', 'block_view', { contentSlug: 'lookbook', ...at(0, 'shop-the-look') }),
      ev('a2', 'block_view', { contentSlug: 'lookbook', ...at(2, 'product') }),
      ev('a1', 'product_view', { contentSlug: 'lookbook', productId: product.id, ...at(0, 'shop-the-look') }),
      ev('a1', 'add_to_cart', { contentSlug: 'lookbook', productId: product.id, skuId: sku, qty: 1, ...at(0, 'shop-the-look') }),
      ev('a2', 'add_to_cart', { contentSlug: 'lookbook', productId: product.id, skuId: sku, qty: 1, ...at(2, 'product') }),
      // Not counted: no block, another page, a malformed block.
      ev('a2', 'add_to_cart', { contentSlug: 'lookbook', productId: product.id, skuId: sku, qty: 1 }),
      ev('a3', 'block_view', { contentSlug: 'other-page', ...at(0, 'hero') }),
      ev('a3', 'product_view', { contentSlug: 'lookbook', productId: product.id, props: { blockIndex: 'x', blockType: 'product' } })
    ]
    const sent = await t.call('POST', '/api/v1/events', { body: { events } })
    expect(sent.json).toEqual(expect.objectContaining({ accepted: events.length, rejected: [] }))

    const report = await t.call('GET', '/api/admin/analytics/blocks?contentSlug=lookbook', { cookie: t.adminCookie })
    expect(report.status).toBe(200)
    expect(report.json.rows).toEqual([
      { blockIndex: 0, blockType: 'shop-the-look', views: 3, viewers: 2, taps: 1, addToCarts: 1 },
      { blockIndex: 1, blockType: 'quote', views: 0, viewers: 0, taps: 0, addToCarts: 0 },
      { blockIndex: 2, blockType: 'product', views: 1, viewers: 1, taps: 0, addToCarts: 1 }
    ])
    // The window is on the events' ts.
    const later = new Date(now - 30_000).toISOString()
    const empty = await t.call('GET', `/api/admin/analytics/blocks?contentSlug=lookbook&from=${encodeURIComponent(later)}`, { cookie: t.adminCookie })
    expect(empty.json.rows.every((r: { views: number }) => r.views === 0)).toBe(true)
    expect((await t.call('GET', '/api/admin/analytics/blocks', { cookie: t.adminCookie })).status).toBe(400)
    expect((await t.call('GET', '/api/admin/analytics/blocks?contentSlug=lookbook')).status).toBe(401)
  })
})

// Launches and 开售提醒 through the real path (HTTP, database, the WeChat
// sandbox): a countdown block naming a product on a live page keeps it off
// sale until `until` (409 NOT_ON_SALE, launchAt on the product answers);
// shoppers register reminders (with the sharer the server attributes); at
// the launch one jobs tick queues each reminder once and the outbox sends
// it to subscribeMessage.send; the report counts reminders and buyers.
import { TEMPLATES } from '../../../src/sandbox/subscribe-templates'
import { runDueJobs } from '../../../src/server/jobs'
import { paidOrder, TEMPLATES_ENV } from '../after-sales/helpers'
import { placeOrder, seedSku } from '../commerce/helpers/orders'
import { createShop, type Shop, type Shopper } from '../commerce/helpers/shop'
import { describeEachDb } from '../helpers/each-db'
import type { Json } from '../helpers/test-app'
import { HOUR, MINUTE } from '../helpers/test-clock'

const LAUNCH_TEMPLATE = TEMPLATES.find((t) => t.kind === 'launch')!.id

describeEachDb('launches and 开售提醒', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let sharer: Shopper
  let productId: string
  let skuId: string
  let launchAt: string
  let pageId: string
  const slug = 'coat-launch'

  beforeAll(async () => {
    shop = await createShop({ dialect, env: TEMPLATES_ENV })
    buyer = await shop.shopper()
    sharer = await shop.shopper()
    ;({ productId, skuId } = await seedSku(shop, 12900, 50, '限量羊毛大衣'))
    launchAt = new Date(shop.clock.now().getTime() + 2 * HOUR).toISOString()
    const body = {
      slug,
      title: '大衣开售',
      blocks: [
        { type: 'countdown', until: launchAt.replace('Z', '+00:00'), title: '距离开售', productId },
        { type: 'product', productId }
      ]
    }
    const created = await shop.call('POST', '/api/admin/pages', { cookie: shop.t.adminCookie, body })
    pageId = created.json.page.id
    expect((await shop.call('POST', `/api/admin/pages/${pageId}/publish`, { cookie: shop.t.adminCookie, body: {} })).status).toBe(200)
  })
  afterAll(() => shop.close())

  const remind = (who: Shopper, body: Record<string, unknown>) => shop.call('POST', '/api/v1/launch-reminders', { token: who.token, body })
  const subscribeTasks = () => shop.t.deps.db.selectFrom('wechatTasks').selectAll().where('kind', '=', 'subscribe_message').execute()

  it('before the launch: launchAt on the product and the page, orders refused with 409 NOT_ON_SALE', async () => {
    expect((await shop.call('GET', `/api/v1/products/${productId}`)).json.product.launchAt).toBe(launchAt)
    expect((await shop.call('GET', `/api/v1/pages/${slug}`)).json.products[productId].launchAt).toBe(launchAt)
    const res = await placeOrder(shop, buyer, [{ skuId, qty: 1 }])
    expect([res.status, res.json.error.code, res.json.error.details]).toEqual([409, 'NOT_ON_SALE', { productId, launchAt }])
    const stock = await shop.t.deps.db.selectFrom('skus').select('stock').where('id', '=', skuId).executeTakeFirstOrThrow()
    expect(Number(stock.stock)).toBe(50)
  })

  it('reminders: one per shopper and product, the sharer from the server’s attribution, refused when nothing launches', async () => {
    // The buyer came through the sharer's share.
    const now = shop.clock.now().getTime()
    const events = (who: Shopper, list: Json[]) => shop.call('POST', '/api/v1/events', { token: who.token, body: { events: list } })
    expect((await events(sharer, [{ id: 'e-share-1', type: 'share', ts: now - 5 * MINUTE, anonId: 'anon-sharer', sessionId: 'sess-sharer', shareId: 'shLaunch01', channel: 'chat', contentSlug: slug }])).json.accepted).toBe(1)
    expect((await events(buyer, [{ id: 'e-open-1', type: 'share_open', ts: now - MINUTE, anonId: 'anon-buyer', sessionId: 'sess-buyer', shareId: 'shLaunch01', contentSlug: slug, scene: 1007 }])).json.accepted).toBe(1)

    expect((await shop.call('POST', '/api/v1/me/subscriptions', { token: buyer.token, body: { accepted: ['launch'] } })).json.credits.launch).toBe(1)
    shop.sandbox.mp.grantSubscription(buyer.openid, LAUNCH_TEMPLATE, 1)
    const first = await remind(buyer, { productId, contentSlug: slug, channel: 'chat', shareId: 'shSomeoneElse' })
    expect(first.status).toBe(201)
    expect(first.json.reminder).toEqual(expect.objectContaining({ productId, contentSlug: slug, launchAt, sentAt: null }))
    const again = await remind(buyer, { productId, contentSlug: slug })
    expect([again.status, again.json.reminder.id]).toEqual([200, first.json.reminder.id])
    const row = await shop.t.deps.db.selectFrom('launchReminders').selectAll().where('id', '=', first.json.reminder.id).executeTakeFirstOrThrow()
    expect([row.shareId, row.sharerUserId, row.channel]).toEqual(['shLaunch01', sharer.userId, 'chat'])

    // The sharer asks too but never accepted the template: their reminder is handled without a message.
    expect((await remind(sharer, { productId, contentSlug: slug, channel: 'timeline' })).status).toBe(201)

    const other = await seedSku(shop, 100, 5, '常规款')
    expect((await remind(buyer, { productId: other.productId })).json.error.code).toBe('CONFLICT')
    expect((await remind(buyer, { productId: 'prd_nope' })).status).toBe(404)
    expect((await shop.call('POST', '/api/v1/launch-reminders', { body: { productId } })).status).toBe(401)
    expect((await remind(buyer, { productId, channel: 'pigeon' })).status).toBe(400)
  })

  it('at the launch one jobs tick sends each reminder once through the outbox; orders are taken', async () => {
    const before = (await subscribeTasks()).length
    shop.clock.advance(2 * HOUR - MINUTE)
    expect((await runDueJobs(shop.t.deps)).reminders).toBeUndefined()
    shop.clock.advance(MINUTE)
    const tick = await runDueJobs(shop.t.deps)
    expect(tick.reminders?.queued).toHaveLength(1)
    expect(tick.reminders?.skipped).toHaveLength(1)
    const sent = shop.sandbox.mp.messages(buyer.openid)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toEqual(expect.objectContaining({ templateId: LAUNCH_TEMPLATE, page: `pages/content/index?slug=${slug}` }))
    expect(sent[0]!.data).toEqual({
      thing1: { value: '限量羊毛大衣' },
      amount2: { value: '129.00元' },
      time3: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) },
      thing4: { value: '已开售，数量有限，先到先得' }
    })
    expect(shop.sandbox.mp.messages(sharer.openid)).toEqual([])
    // Once: later ticks find nothing due.
    expect((await runDueJobs(shop.t.deps)).reminders).toBeUndefined()
    expect((await subscribeTasks()).length - before).toBe(1)
    const mine = await shop.call('GET', '/api/v1/me/launch-reminders', { token: buyer.token })
    expect(mine.json.items).toEqual([expect.objectContaining({ productId, sentAt: shop.clock.now().toISOString() })])

    expect((await shop.call('GET', `/api/v1/products/${productId}`)).json.product.launchAt).toBeUndefined()
    await paidOrder(shop, buyer, [{ skuId, qty: 2 }])

    const report = await shop.call('GET', `/api/admin/analytics/launch-reminders?contentSlug=${slug}`, { cookie: shop.t.adminCookie })
    expect(report.status).toBe(200)
    expect(report.json.rows).toEqual(
      expect.arrayContaining([
        { contentSlug: slug, productId, sharerUserId: sharer.userId, channel: 'chat', reminders: 1, sent: 1, delivered: 1, buyers: 1, paidOrders: 1, paidFen: 25800 },
        { contentSlug: slug, productId, sharerUserId: null, channel: 'timeline', reminders: 1, sent: 1, delivered: 0, buyers: 0, paidOrders: 0, paidFen: 0 }
      ])
    )
    expect(report.json.pages).toEqual([{ contentSlug: slug, reminders: 2, buyers: 1 }])
  })

  it('launches follow what is live: a scheduled page announces its launch when it goes live, unpublishing ends it', async () => {
    const { productId: pid, skuId: sid } = await seedSku(shop, 5000, 10, '预告款')
    const until = new Date(shop.clock.now().getTime() + 5 * HOUR).toISOString()
    const created = await shop.call('POST', '/api/admin/pages', {
      cookie: shop.t.adminCookie,
      body: { slug: 'teaser', title: '预告', blocks: [{ type: 'countdown', until, productId: pid }] }
    })
    const id = created.json.page.id
    const at = new Date(shop.clock.now().getTime() + HOUR).toISOString()
    await shop.call('POST', `/api/admin/pages/${id}/publish`, { cookie: shop.t.adminCookie, body: { at } })
    expect((await shop.call('GET', `/api/v1/products/${pid}`)).json.product.launchAt).toBeUndefined()
    shop.clock.advance(HOUR)
    expect((await runDueJobs(shop.t.deps)).published).toEqual([id])
    expect((await shop.call('GET', `/api/v1/products/${pid}`)).json.product.launchAt).toBe(until)
    expect((await placeOrder(shop, buyer, [{ skuId: sid, qty: 1 }])).json.error.code).toBe('NOT_ON_SALE')
    await shop.call('POST', `/api/admin/pages/${id}/unpublish`, { cookie: shop.t.adminCookie, body: {} })
    expect((await shop.call('GET', `/api/v1/products/${pid}`)).json.product.launchAt).toBeUndefined()
    expect((await placeOrder(shop, buyer, [{ skuId: sid, qty: 1 }])).status).toBe(201)
  })
})

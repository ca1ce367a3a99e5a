/**
 * Subscription messages: the shopper's acceptances become credits (one
 * message each); after-sales decisions and refund results queue a message
 * in the outbox only for a configured template and a credit; the outbox
 * sends it to the sandbox's subscribeMessage.send, which checks every value
 * against its key type; 43101 (no consent left at WeChat) is skipped quietly.
 */
import { describeEachDb } from '../helpers/each-db'
import { seedSku } from '../commerce/helpers/orders'
import { createShop, type Shop, type Shopper } from '../commerce/helpers/shop'
import { runOutbox } from '../../../src/server/flows/outbox/run-outbox'
import { TEMPLATES } from '../../../src/sandbox/subscribe-templates'
import { advanceOrder, afterSales, paidOrder } from './helpers'

const templateOf = (kind: string) => TEMPLATES.find((t) => t.kind === kind)!.id
// Every template but the launch one: its acceptances are not counted.
const CONFIGURED = { shipped: templateOf('shipped'), refund: templateOf('refund'), afterSale: templateOf('afterSale') }

describeEachDb('subscription messages', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let skuId: string
  let api: ReturnType<typeof afterSales>

  beforeAll(async () => {
    shop = await createShop({ dialect, env: { WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(CONFIGURED) }, sandbox: { refundDelayMs: 30 } })
    buyer = await shop.shopper()
    skuId = (await seedSku(shop, 3000, 100, '手工粗陶茶杯套装（四只装，附赠杯垫与礼盒）')).skuId
    api = afterSales(shop)
  })
  afterAll(() => shop.close())

  const accept = (who: Shopper, accepted: unknown) => shop.call('POST', '/api/v1/me/subscriptions', { token: who.token, body: { accepted } })
  const subscribeTasks = () =>
    shop.t.deps.db.selectFrom('wechatTasks').selectAll().where('kind', '=', 'subscribe_message').orderBy('createdAt').orderBy('id').execute()

  it('counts one message per acceptance of a configured template', async () => {
    const who = await shop.shopper()
    expect((await accept(who, ['refund', 'afterSale', 'refund', 'launch'])).json).toEqual({ credits: { refund: 1, afterSale: 1 } })
    expect((await accept(who, ['refund'])).json).toEqual({ credits: { refund: 2, afterSale: 1 } })
    expect((await accept(who, [])).json).toEqual({ credits: { refund: 2, afterSale: 1 } })
    for (const accepted of [['refund', 'nope'], 'refund', [1]]) {
      const res = await accept(who, accepted)
      expect([accepted, res.status, res.json.error.code]).toEqual([accepted, 400, 'VALIDATION_FAILED'])
    }
    expect((await shop.call('POST', '/api/v1/me/subscriptions', { body: { accepted: ['refund'] } })).status).toBe(401)
  })

  it('an after-sales rejection and a refund reach the shopper, each using one credit; none without a credit', async () => {
    await accept(buyer, ['afterSale', 'refund'])
    shop.sandbox.mp.grantSubscription(buyer.openid, CONFIGURED.afterSale, 1)
    shop.sandbox.mp.grantSubscription(buyer.openid, CONFIGURED.refund, 1)
    const before = (await subscribeTasks()).length

    const order = await paidOrder(shop, buyer, [{ skuId, qty: 1 }])
    const first = (await api.ask(buyer, order.id, { kind: 'refund', reason: '不想要了', amountFen: 1000 })).json.afterSale
    await api.reject(first.id, { reason: '订单已打包，无法取消，请收货后申请退货退款' })
    shop.clock.advance(60_000)
    const second = (await api.ask(buyer, order.id, { kind: 'refund', reason: '不想要了', amountFen: 1000 })).json.afterSale
    await api.approve(second.id)
    await api.settled(buyer, order.id)
    // A third decision finds no afterSale credit left: nothing is queued for it.
    const third = (await api.ask(buyer, order.id, { kind: 'refund', reason: '不想要了', amountFen: 500 })).json.afterSale
    await api.reject(third.id, { reason: '重复申请' })

    const tasks = (await subscribeTasks()).slice(before)
    expect(tasks.map((t) => [t.orderId, JSON.parse(t.payload).template_id])).toEqual([
      [order.id, CONFIGURED.afterSale],
      [order.id, CONFIGURED.refund]
    ])
    await runOutbox(shop.t.deps)
    const sent = shop.sandbox.mp.messages(buyer.openid)
    expect(sent.map((m) => [m.templateId, m.page])).toEqual([
      [CONFIGURED.afterSale, `pkg-orders/detail/index?id=${order.id}`],
      [CONFIGURED.refund, `pkg-orders/detail/index?id=${order.id}`]
    ])
    expect(sent[0]!.data).toEqual({
      character_string1: { value: order.outTradeNo },
      phrase2: { value: '仅退款' },
      phrase3: { value: '已拒绝' },
      time4: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) },
      thing5: { value: '订单已打包，无法取消，请收货后申请退货…' }
    })
    expect(sent[1]!.data).toEqual(expect.objectContaining({ amount2: { value: '10.00元' }, phrase3: { value: '退款成功' } }))
    expect((await subscribeTasks()).slice(before).map((t) => t.status)).toEqual(['done', 'done'])
  })

  it('shipping tells a shopper who accepted the shipped template: carrier, tracking number, goods cut to 20 characters', async () => {
    const who = await shop.shopper()
    await accept(who, ['shipped'])
    shop.sandbox.mp.grantSubscription(who.openid, CONFIGURED.shipped, 1)
    const order = await paidOrder(shop, who, [{ skuId, qty: 2 }])
    await advanceOrder(shop, order.id, 'shipped')
    await runOutbox(shop.t.deps)
    const [sent] = shop.sandbox.mp.messages(who.openid)
    expect(sent).toEqual(expect.objectContaining({ templateId: CONFIGURED.shipped, page: `pkg-orders/detail/index?id=${order.id}` }))
    expect(sent!.data).toEqual({
      character_string1: { value: order.outTradeNo },
      thing2: { value: '手工粗陶茶杯套装（四只装，附赠杯垫与礼…' },
      thing3: { value: '顺丰速运' },
      character_string4: { value: expect.stringMatching(/^SF[A-Za-z0-9]+$/) },
      time5: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) }
    })
    // The credit is used up: shipping another order tells nobody.
    const second = await paidOrder(shop, who, [{ skuId, qty: 1 }])
    await advanceOrder(shop, second.id, 'shipped')
    expect((await subscribeTasks()).filter((t) => t.orderId === second.id)).toEqual([])
  })

  it('a message WeChat has no consent for (43101) is dropped quietly, not retried or shown to staff', async () => {
    const who = await shop.shopper()
    await accept(who, ['afterSale'])
    const order = await paidOrder(shop, who, [{ skuId, qty: 1 }])
    const id = (await api.ask(who, order.id, { kind: 'refund', reason: '不想要了', amountFen: 100 })).json.afterSale.id
    await api.reject(id, { reason: '请联系客服' })
    await runOutbox(shop.t.deps)
    const task = (await subscribeTasks()).find((t) => t.orderId === order.id)!
    expect(task).toEqual(expect.objectContaining({ status: 'done', problemMessage: null, nextAttemptAt: null }))
    expect(task.lastError).toMatch(/^43101/)
    expect(shop.sandbox.mp.messages(who.openid)).toEqual([])
  })
})

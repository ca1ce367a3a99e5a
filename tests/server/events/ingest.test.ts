// POST /api/v1/events: per-event validation, duplicates stored once, limits,
// server-only types refused, token → user id and anon binding.
import { describeEachDb } from '../helpers/each-db'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { startWechatFake, type WechatFake } from '../helpers/wechat-fake'
import { ev, loginShopper, sendEvents } from './event-helpers'

describeEachDb('events ingest', (dialect) => {
  let t: TestApp
  let fake: WechatFake
  let now: number
  beforeAll(async () => {
    fake = await startWechatFake()
    t = await createTestApp({ dialect, env: { WECHAT_API_BASE: fake.url } })
    now = t.clock.now().getTime()
  })
  afterAll(async () => {
    await t.close()
    await fake.close()
  })

  const stored = (ids: string[]) =>
    t.deps.db.selectFrom('events').selectAll().where('id', 'in', ids).orderBy('id').execute()

  test('good events are kept, bad ones rejected by index with core codes', async () => {
    const answer = await sendEvents(t, [
      ev('i1', 'content_view', 'anonA', now - 1000, { contentSlug: 'winter' }),
      ev('i2', 'order_paid', 'anonA', now, { orderId: 'o1', amountFen: 100 }),
      ev('i3', 'add_to_cart', 'anonA', now),
      { type: 'warp_drive', id: 'i4', ts: now, anonId: 'anonA', sessionId: 's' },
      ev('i5', 'share', 'anonA', now, { shareId: 'sh1', channel: 'chat', contentSlug: 'winter' }),
      ev('i6', 'page_view', 'anonA', now + 60 * 60_000, { page: 'pages/index/index' })
    ])
    expect(answer.accepted).toBe(2)
    expect(answer.duplicates).toBe(0)
    expect(answer.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, 'SERVER_ONLY_TYPE'],
      [2, 'INVALID_EVENT'],
      [3, 'UNKNOWN_EVENT_TYPE'],
      [5, 'TS_OUT_OF_RANGE']
    ])
    for (const r of answer.rejected) expect(r.message).toEqual(expect.any(String))
    const rows = await stored(['i1', 'i2', 'i3', 'i4', 'i5', 'i6'])
    expect(rows.map((r) => r.id)).toEqual(['i1', 'i5'])
    const share = rows[1]!
    expect(Number(share.ts)).toBe(now)
    expect(share).toMatchObject({ type: 'share', anonId: 'anonA', userId: null, shareId: 'sh1', channel: 'chat', contentSlug: 'winter' })
  })

  test('a batch sent twice is stored once; a repeat inside one batch counts as a duplicate', async () => {
    const batch = [
      ev('d1', 'app_launch', 'anonB', now, { scene: 1007 }),
      ev('d2', 'product_view', 'anonB', now, { productId: 'prd_1', props: { from: 'grid' } })
    ]
    expect(await sendEvents(t, batch)).toEqual({ accepted: 2, duplicates: 0, rejected: [] })
    expect(await sendEvents(t, [...batch, ev('d3', 'checkout_start', 'anonB', now), batch[0]])).toEqual({
      accepted: 1,
      duplicates: 3,
      rejected: []
    })
    const rows = await stored(['d1', 'd2', 'd3'])
    expect(rows).toHaveLength(3)
    expect(JSON.parse(rows[1]!.props as string)).toEqual({ from: 'grid' })
    expect(rows[0]!.scene).toBe(1007)
  })

  test('props are stored as the JSON the app sent, whether an event took the fast check or the schema', async () => {
    const props = { blockIndex: 3, blockType: 'product', note: '限时 ✓', nested: { list: [1, 'two', null] } }
    const answer = await sendEvents(t, [
      ev('p1', 'add_to_cart', 'anonP', now, { skuId: 'k1', qty: 1, props }),
      // an extra field the schema drops: this one goes through zod, and is stored the same way
      ev('p2', 'add_to_cart', 'anonP', now, { skuId: 'k1', qty: 1, props, tracker: 'v2' }),
      ev('p3', 'page_view', 'anonP', now, { page: 'pages/index/index', props: { k: 'bad\u0000' } })
    ])
    expect(answer).toEqual({ accepted: 2, duplicates: 0, rejected: [{ index: 2, code: 'INVALID_EVENT', message: expect.stringContaining('props.k') }] })
    const rows = await stored(['p1', 'p2'])
    expect(rows.map((r) => r.props)).toEqual([JSON.stringify(props), JSON.stringify(props)])
  })

  test('batch limits: more than 100 events or 256 KB are refused whole', async () => {
    const many = Array.from({ length: 101 }, (_, i) => ev(`m${i}`, 'app_launch', 'anonC', now))
    const tooMany = await t.call('POST', '/api/v1/events', { body: { events: many } })
    expect(tooMany.status).toBe(413)
    expect(tooMany.json.error.code).toBe('TOO_MANY_EVENTS')

    const fat = Array.from({ length: 100 }, (_, i) => ev(`f${i}`, 'app_launch', 'anonC', now, { page: 'p'.repeat(512), props: { pad: 'x'.repeat(2030) } }))
    const tooBig = await t.call('POST', '/api/v1/events', { body: { events: fat } })
    expect(tooBig.status).toBe(413)
    expect(tooBig.json.error.code).toBe('BATCH_TOO_LARGE')

    const notBatch = await t.call('POST', '/api/v1/events', { body: { event: [] } })
    expect(notBatch.status).toBe(400)
    expect(notBatch.json.error.code).toBe('INVALID_BATCH')
    expect(await stored([...many, ...fat].map((e) => e.id))).toEqual([])

    const exactly100 = await sendEvents(t, many.slice(0, 100))
    expect(exactly100.accepted).toBe(100)
  })

  test('with a token events carry the user id and bind the device; a bad token is ignored', async () => {
    const shopper = await loginShopper(t, fake, 'openid-tok')
    expect((await sendEvents(t, [ev('t1', 'app_launch', 'anonTok', now)], shopper.token)).accepted).toBe(1)
    expect((await sendEvents(t, [ev('t2', 'app_launch', 'anonNoTok', now)], 'not-a-real-token')).accepted).toBe(1)
    const rows = await stored(['t1', 't2'])
    expect(rows.map((r) => [r.id, r.userId])).toEqual([
      ['t1', shopper.userId],
      ['t2', null]
    ])
    const binding = await t.deps.db.selectFrom('anonBindings').selectAll().where('anonId', '=', 'anonTok').executeTakeFirst()
    expect(binding?.userId).toBe(shopper.userId)
  })

  test('events sent before login move to the user when the device is bound; a second device too', async () => {
    await sendEvents(t, [ev('b1', 'content_view', 'anonPhone', now - 5000, { contentSlug: 'winter' })])
    await sendEvents(t, [ev('b2', 'content_view', 'anonPad', now - 4000, { contentSlug: 'winter' })])
    const before = await stored(['b1', 'b2'])
    expect(before.map((r) => r.shopper)).toEqual(['anonPhone', 'anonPad'])

    const user = await loginShopper(t, fake, 'openid-two-devices', 'anonPhone')
    await loginShopper(t, fake, 'openid-two-devices', 'anonPad')
    // a later anonymous batch from a bound device is stored under the user at once
    await sendEvents(t, [ev('b3', 'add_to_cart', 'anonPad', now, { skuId: 'sku_1', qty: 1 })])
    const after = await stored(['b1', 'b2', 'b3'])
    expect(after.map((r) => [r.id, r.anonId, r.shopper])).toEqual([
      ['b1', 'anonPhone', user.userId],
      ['b2', 'anonPad', user.userId],
      ['b3', 'anonPad', user.userId]
    ])

    // another account logging in on the same phone does not take its history
    await loginShopper(t, fake, 'openid-someone-else', 'anonPhone')
    expect((await stored(['b1']))[0]!.shopper).toBe(user.userId)
  })
})

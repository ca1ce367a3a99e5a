/**
 * GET /metrics after a real checkout through the WeChat sandbox (order,
 * JSAPI order at WeChat Pay, the shopper pays, the signed notification marks
 * it paid): the counters moved, routes are labelled by pattern (never by
 * URL), and the endpoint is closed to anyone without METRICS_TOKEN. /readyz
 * reports the database, migrations and outbox.
 */
import { randomUUID } from 'node:crypto'
import { describeEachDb } from '../helpers/each-db'
import { createShop, type Shop, type Shopper } from '../commerce/helpers/shop'
import { orderOf, payInSandbox, seedSku } from '../commerce/helpers/orders'
import { createTestApp, type TestApp } from '../helpers/test-app'

const TOKEN = 'metrics-token-0123456789'

/** The value of one sample line, e.g. value(text, 'shop_orders_paid_total'), 0 when absent. */
function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : 0
}

describeEachDb('metrics after a checkout', (dialect) => {
  let shop: Shop
  let buyer: Shopper
  let skuId: string

  beforeAll(async () => {
    shop = await createShop({ dialect, env: { METRICS_TOKEN: TOKEN } })
    buyer = await shop.shopper()
    skuId = (await seedSku(shop, 19900, 10)).skuId
  })
  afterAll(() => shop.close())

  const scrape = async () => {
    const res = await shop.call('GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    return res.text
  }

  it('counts the order, the payment, the WeChat Pay calls and the routes by pattern', async () => {
    const before = await scrape()
    const order = await orderOf(shop, buyer, [{ skuId, qty: 1 }])
    await payInSandbox(shop, buyer, order.id)
    const got = await shop.call('GET', `/api/v1/orders/${order.id}`, { token: buyer.token })
    expect(got.json.order.status).toBe('paid')
    const events = await shop.call('POST', '/api/v1/events', {
      body: {
        events: [
          { id: randomUUID(), type: 'page_view', ts: shop.clock.now().getTime(), anonId: 'a-metrics', sessionId: 's1', page: 'pages/index' },
          { id: randomUUID(), type: 'order_paid', ts: shop.clock.now().getTime(), anonId: 'a-metrics', sessionId: 's1' }
        ]
      }
    })
    expect(events.json).toEqual(expect.objectContaining({ accepted: 1 }))

    const after = await scrape()
    expect(value(after, 'shop_orders_created_total') - value(before, 'shop_orders_created_total')).toBe(1)
    expect(value(after, 'shop_orders_paid_total') - value(before, 'shop_orders_paid_total')).toBe(1)
    const created = 'http_requests_total{method="POST",route="/api/v1/orders",status="201"}'
    expect(value(after, created) - value(before, created)).toBe(1)
    // The order's own id never becomes a label: the pattern does.
    expect(after).toContain('route="/api/v1/orders/:id"')
    expect(after).not.toContain(order.id)
    expect(after).toMatch(/http_request_duration_seconds_bucket\{le="[\d.]+",method="POST",route="\/api\/v1\/orders",status="201"\}/)
    expect(value(after, 'wechat_call_duration_seconds_count{api="pay.jsapi_order"}')).toBeGreaterThanOrEqual(1)
    expect(value(after, 'shop_events_ingested_total{outcome="accepted"}') - value(before, 'shop_events_ingested_total{outcome="accepted"}')).toBe(1)
    expect(value(after, 'shop_events_ingested_total{outcome="rejected"}') - value(before, 'shop_events_ingested_total{outcome="rejected"}')).toBe(1)
    expect(after).toMatch(/shop_events_rejected_total\{code="[A-Z_]+"\} 1/)
    expect(after).toContain('shop_outbox_pending 0')
    expect(after).toContain('shop_outbox_oldest_due_age_seconds 0')
    if (dialect === 'postgres') expect(after).toMatch(/shop_db_pool_connections\{state="total"\} \d+/)
    else expect(after).not.toContain('shop_db_pool_connections')
  })

  it('counts WeChat Pay failures per API', async () => {
    const before = await scrape()
    // Querying an order WeChat never saw is refused by WeChat Pay (ORDER_NOT_EXIST).
    const r = await shop.t.deps.pay!.queryOrder('no-such-order-1')
    expect(r.ok).toBe(false)
    const after = await scrape()
    const errors = (t: string) =>
      t
        .split('\n')
        .filter((l) => l.startsWith('wechat_call_errors_total{api="pay.query_order"'))
        .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0)
    expect(errors(after) - errors(before)).toBe(1)
  })

  it('refuses /metrics without the token, in the usual error shape', async () => {
    const none = await shop.call('GET', '/metrics')
    expect(none.status).toBe(401)
    expect(none.json).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String), details: null } })
    const wrong = await shop.call('GET', '/metrics', { headers: { authorization: 'Bearer not-the-token-at-all' } })
    expect(wrong.status).toBe(401)
  })
})

describeEachDb('metrics without METRICS_TOKEN, and readiness', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  it('answers loopback clients and refuses anything that came through a proxy with 403', async () => {
    const direct = await t.call('GET', '/metrics')
    expect(direct.status).toBe(200)
    expect(direct.text).toContain('# TYPE http_requests_total counter')
    const proxied = await t.call('GET', '/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } })
    expect(proxied.status).toBe(403)
    expect(proxied.json.error).toEqual(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('METRICS_TOKEN') }))
  })

  it('/readyz: 200 with details on a migrated database with an empty outbox', async () => {
    const res = await t.call('GET', '/readyz')
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      ready: true,
      checks: {
        database: { ok: true, dialect },
        migrations: { ok: true, current: expect.stringMatching(/^\d{4}-/), latest: expect.stringMatching(/^\d{4}-/), pending: [] },
        outbox: { ok: true, oldestDueAgeSeconds: 0, maxAgeSeconds: 900 }
      }
    })
    expect(res.json.checks.migrations.current).toBe(res.json.checks.migrations.latest)
  })

  it('/readyz: 503 when the oldest due outbox task waited longer than the threshold', async () => {
    const now = t.clock.now()
    const old = new Date(now.getTime() - 3600_000).toISOString()
    await t.deps.db
      .insertInto('wechatTasks')
      .values({
        id: 'task-stuck',
        kind: 'set_msg_jump_path',
        orderId: null,
        payload: '{}',
        status: 'pending',
        attempts: 3,
        nextAttemptAt: old,
        lastErrcode: null,
        lastError: null,
        problemMessage: null,
        problemAction: null,
        dedupeKey: 'stuck',
        lockedBy: null,
        lockedUntil: null,
        createdAt: old,
        updatedAt: old,
        doneAt: null
      })
      .execute()
    try {
      const res = await t.call('GET', '/readyz')
      expect(res.status).toBe(503)
      expect(res.json.ready).toBe(false)
      expect(res.json.checks.outbox).toEqual({ ok: false, oldestDueAgeSeconds: 3600, maxAgeSeconds: 900 })
      const metrics = await t.call('GET', '/metrics')
      expect(metrics.text).toContain('shop_outbox_pending 1')
      expect(metrics.text).toContain('shop_outbox_oldest_due_age_seconds 3600')
    } finally {
      await t.deps.db.deleteFrom('wechatTasks').where('id', '=', 'task-stuck').execute()
    }
  })

  it('/healthz stays the cheap probe', async () => {
    const res = await t.call('GET', '/healthz')
    expect(res.status).toBe(200)
  })
})

// Attack: POST /api/v1/events is rate-limited per client address
// and per device id, counted in memory and shared through the database, so a
// second instance sees the first one's counts; a calm shopper elsewhere never
// notices. Limits are per minute of the server's clock. The suite runs with
// a tenth of production's limits (same code path) to stay quick.
import { buildApp } from '../../../src/server/app'
import { EVENT_LIMITS, type EventLimits } from '../../../src/server/flows/limits/event-limits'
import { describeEachDb } from '../helpers/each-db'
import { callFrom } from '../helpers/from-address'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { ev } from '../events/event-helpers'

const LIMITS: EventLimits = { windowMs: 60_000, perAddress: 1_000, perDevice: 300 }

test('production limits are generous: a mall\'s shared Wi-Fi, a device catching up on its offline queue', () => {
  expect(EVENT_LIMITS).toEqual({ windowMs: 60_000, perAddress: 10_000, perDevice: 1_200 })
})

describeEachDb('events flood', (dialect) => {
  let t: TestApp
  let now: number
  let seq = 0
  beforeAll(async () => {
    t = await createTestApp({ dialect, eventLimits: LIMITS })
    now = t.clock.now().getTime()
  })
  afterAll(() => t.close())

  /** A full batch (100 events), each batch from fresh devices unless anonId is given. */
  const batch = (anonId?: string) => {
    const n = ++seq
    return { events: Array.from({ length: 100 }, (_, i) => ev(`f${n}-${i}`, 'page_view', anonId ?? `anonF${n}-${i % 10}`, now, { page: 'pages/index/index' })) }
  }
  const stored = async () => (await t.deps.db.selectFrom('events').select('id').where('id', 'like', 'f%').execute()).length

  test('one address floods: 429 with Retry-After past its limit, nothing more stored; a shopper on another address does not notice', async () => {
    const allowed = LIMITS.perAddress / 100
    const answers = await Promise.all(
      Array.from({ length: allowed + 20 }, () => callFrom('127.0.0.2', t.url, 'POST', '/api/v1/events', { body: batch() }))
    )
    expect(answers.filter((a) => a.status === 200 && a.json.accepted === 100)).toHaveLength(allowed)
    const refused = answers.filter((a) => a.status !== 200)
    expect(refused.map((a) => [a.status, a.json.error.code])).toEqual(Array(20).fill([429, 'TOO_MANY_REQUESTS']))
    const retryAfter = Number(refused[0]!.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(refused[0]!.json.error.details).toEqual({ retryAfterSeconds: retryAfter })
    expect(await stored()).toBe(LIMITS.perAddress)

    const calm = await callFrom('127.0.0.3', t.url, 'POST', '/api/v1/events', { body: { events: [ev('calm-1', 'app_launch', 'anonCalm', now)] } })
    expect([calm.status, calm.json.accepted]).toEqual([200, 1])

    t.clock.advance(retryAfter * 1000)
    expect((await callFrom('127.0.0.2', t.url, 'POST', '/api/v1/events', { body: batch() })).status).toBe(200)
  })

  test('one device id from many addresses is limited on its own', async () => {
    const perDeviceBatches = LIMITS.perDevice / 100
    const statuses = []
    for (let i = 0; i < perDeviceBatches + 2; i++) {
      statuses.push((await callFrom(`127.0.1.${i + 1}`, t.url, 'POST', '/api/v1/events', { body: batch('anonBusy') })).status)
    }
    expect(statuses).toEqual([...Array(perDeviceBatches).fill(200), 429, 429])
  })

  test('the count is shared: a second instance on the same database refuses the address after one flush', async () => {
    t.clock.advance(60_000)
    const second = await buildApp({ config: t.config, db: t.db.reopen(), clock: t.clock, log: { level: 'silent' }, eventLimits: LIMITS })
    const secondUrl = await second.listen({ port: 0, host: '127.0.0.1' })
    try {
      for (let i = 0; i < LIMITS.perAddress / 100; i++) {
        expect((await callFrom('127.0.0.5', t.url, 'POST', '/api/v1/events', { body: batch() })).status).toBe(200)
      }
      await t.deps.eventLimits.flush()
      // The second instance has not heard of this address yet: at most one flush interval of overshoot.
      await callFrom('127.0.0.5', secondUrl, 'POST', '/api/v1/events', { body: batch() })
      await second.deps.eventLimits.flush()
      const late = await callFrom('127.0.0.5', secondUrl, 'POST', '/api/v1/events', { body: batch() })
      expect([late.status, late.json.error.code]).toEqual([429, 'TOO_MANY_REQUESTS'])
      const counted = await t.deps.db.selectFrom('rateCounters').select(['key', 'count']).where('key', '=', 'events:ip:127.0.0.5').execute()
      expect(counted.map((c) => c.count)).toEqual([LIMITS.perAddress + 100])
    } finally {
      await second.close()
    }
  })
})

/**
 * The fast path of POST /events (core/event-fast-path.ts) never disagrees
 * with the schema: whatever it accepts, validateEvent accepts as the same
 * event with the same props JSON; every valid event the app sends takes it;
 * and each mutation of a valid event that the schema refuses, it leaves to
 * the schema (so the batch answers the schema's code and message).
 */
import { CLIENT_EVENT_TYPES, MAX_PROPS_BYTES, validateBatch, validateEvent } from '@core/events'
import { fastClientEvent } from '@core/event-fast-path'

const NOW = 1_714_550_400_000
const base = { id: 'e1', ts: NOW, anonId: 'anon1', sessionId: 's1' }

const examples: Record<(typeof CLIENT_EVENT_TYPES)[number], Record<string, unknown>> = {
  app_launch: { scene: 1001 },
  page_view: { page: 'pages/index/index' },
  content_view: { contentSlug: 'spring' },
  product_view: { productId: 'p1' },
  share: { shareId: 'sh1', channel: 'chat', contentSlug: 'spring' },
  share_open: { shareId: 'sh1', scene: 1007, channel: 'poster' },
  add_to_cart: { skuId: 'k1', qty: 2, productId: 'p1', contentSlug: 'spring', props: { blockIndex: 0, blockType: 'product' } },
  checkout_start: {},
  coupon_claim: { contentSlug: 'spring', props: { couponId: 'cpn_1', note: '领券 ✓' } },
  campaign_open: { campaignCode: 'Wb2026a', channel: 'weibo', scene: 1194 },
  block_view: { contentSlug: 'spring', props: { blockIndex: 2, blockType: 'shop-the-look' } }
}
const valid = Object.entries(examples).map(([type, extra]) => ({ ...base, type, ...extra }))

// Values a field may be set to: each is tried on every field of every valid example.
const oddValues: unknown[] = [
  undefined, null, '', 'x', 'a\u0000b', 'spring', 'Spring', '-spring', 'a'.repeat(65), 'a'.repeat(513), 'chat', 'poster', 'weibo', 'search',
  'sh1', 'Wb2026a', 'abc', 'order_paid', 'page_view', 0, -1, 1, 1.5, 99, 100, NOW, NOW + 11 * 60_000, NOW - 31 * 86_400_000,
  Number.MAX_SAFE_INTEGER + 2, Number.NaN, true, [], {}, { blockIndex: 1, blockType: 'hero' }, { constructor: 'x' },
  { deep: { nul: 'a\u0000' } }, { text: 'the text \\u0000 is not a NUL' }, { big: 'x'.repeat(MAX_PROPS_BYTES) }, ['a']
]
const fields = ['id', 'type', 'ts', 'anonId', 'sessionId', 'page', 'scene', 'shareId', 'parentShareId', 'channel', 'campaignCode',
  'contentSlug', 'productId', 'skuId', 'qty', 'props', 'userId', 'amountFen', 'extra']

function agree(input: unknown, now?: number): void {
  const fast = fastClientEvent(input, now)
  const slow = validateEvent(input, { from: 'client', now })
  if (!fast) return
  expect(slow.ok).toBe(true)
  if (!slow.ok) return
  expect(fast.event).toEqual(slow.value)
  expect(fast.propsJson).toBe(slow.value.props === undefined ? null : JSON.stringify(slow.value.props))
}

describe('the events fast path', () => {
  test.each(valid.map((e) => [e.type, e]))('a valid %s event takes the fast path as it is', (_type, event) => {
    const fast = fastClientEvent(event, NOW)
    expect(fast?.event).toBe(event)
    agree(event, NOW)
  })

  test('every field set to every odd value: the fast path accepts only what the schema accepts, as the same event', () => {
    const slowWays: string[] = []
    for (const event of valid) {
      for (const field of fields) {
        for (const value of oddValues) {
          const input: Record<string, unknown> = { ...event }
          if (value === undefined) delete input[field]
          else input[field] = value
          agree(input, NOW)
          agree(input)
          const known = !['userId', 'amountFen', 'extra'].includes(field) || value === undefined
          if (known && !fastClientEvent(input, NOW) && validateEvent(input, { from: 'client', now: NOW }).ok) {
            slowWays.push(`${String(event.type)}.${field}=${JSON.stringify(value)}`)
          }
        }
      }
    }
    // A valid event of the app's own fields takes the slow way only for odd props: a false NUL alarm, an own `constructor`.
    expect(new Set(slowWays.map((w) => w.replace(/^\w+\./, '')))).toEqual(
      new Set(['props={"text":"the text \\\\u0000 is not a NUL"}', 'props={"constructor":"x"}'])
    )
  })

  test('a batch answers a bad event with the schema\'s code and message, and keeps the good ones with their props JSON', () => {
    const bad = [
      { ...base, id: 'b1', type: 'page_view' },
      { ...base, id: 'b2', type: 'content_view', contentSlug: 'Bad Slug' },
      { ...base, id: 'b3', type: 'order_paid' },
      { ...base, id: 'b4', type: 'add_to_cart', skuId: 'k1', qty: 100 },
      { ...base, id: 'b5', type: 'page_view', page: 'p\u0000' },
      { ...base, id: 'b6', type: 'app_launch', props: { k: 'x'.repeat(MAX_PROPS_BYTES) } },
      { ...base, id: 'b7', type: 'app_launch', ts: NOW + 3_600_000 }
    ]
    const result = validateBatch([valid[0], ...bad, valid[10]], { now: NOW })
    expect(result.events.map((e) => e.index)).toEqual([0, 8])
    expect(result.events[1]?.propsJson).toBe(JSON.stringify((valid[10] as { props?: unknown }).props))
    expect(result.rejected).toEqual(
      bad.map((input, i) => {
        const r = validateEvent(input, { from: 'client', now: NOW })
        if (r.ok) throw new Error(`${input.id} should be refused`)
        return { index: i + 1, code: r.error.code, message: r.error.message }
      })
    )
    expect(result.rejected.map((r) => r.code)).toEqual(['INVALID_EVENT', 'INVALID_EVENT', 'SERVER_ONLY_TYPE', 'INVALID_EVENT', 'INVALID_EVENT', 'PROPS_TOO_LARGE', 'TS_OUT_OF_RANGE'])
  })
})

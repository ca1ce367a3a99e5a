import {
  CLIENT_EVENT_TYPES,
  MAX_BATCH_BYTES,
  MAX_BATCH_EVENTS,
  MAX_PROPS_BYTES,
  SERVER_EVENT_TYPES,
  validateBatch,
  validateBatchShape,
  validateEvent
} from '@core/events'

const NOW = 1_714_550_400_000
const base = { id: 'e1', ts: NOW, anonId: 'anon1', sessionId: 's1' }
const client = { from: 'client' as const }

// One valid example per client type.
const examples: Record<(typeof CLIENT_EVENT_TYPES)[number], Record<string, unknown>> = {
  app_launch: { scene: 1001 },
  page_view: { page: 'pages/index/index' },
  content_view: { contentSlug: 'spring' },
  product_view: { productId: 'p1' },
  share: { shareId: 'sh1', channel: 'chat', contentSlug: 'spring' },
  share_open: { shareId: 'sh1', scene: 1007 },
  add_to_cart: { skuId: 'k1', qty: 2, productId: 'p1', contentSlug: 'spring' },
  checkout_start: {},
  coupon_claim: { contentSlug: 'spring', props: { couponId: 'cpn_1' } },
  campaign_open: { campaignCode: 'Wb2026a', channel: 'weibo', scene: 1194 },
  block_view: { contentSlug: 'spring', props: { blockIndex: 2, blockType: 'shop-the-look' } }
}

const codeOf = (input: unknown, from: 'client' | 'server' = 'client', now?: number) => {
  const r = validateEvent(input, { from, now })
  return r.ok ? 'OK' : r.error.code
}

describe('validateEvent: types', () => {
  test.each(Object.entries(examples))('a client %s event is accepted', (type, extra) => {
    const input = { ...base, type, ...extra }
    expect(validateEvent(input, client)).toEqual({ ok: true, value: input })
  })

  test.each([...SERVER_EVENT_TYPES])('a client sending %s gets SERVER_ONLY_TYPE', (type) => {
    expect(codeOf({ ...base, type, userId: 'u1', orderId: 'o1', amountFen: 100 })).toBe('SERVER_ONLY_TYPE')
  })

  test.each([...SERVER_EVENT_TYPES])('the server may write %s with user, order and amount', (type) => {
    const input = { id: 'e9', ts: NOW, type, userId: 'u1', orderId: 'o1', amountFen: 1990 }
    expect(validateEvent(input, { from: 'server' })).toEqual({ ok: true, value: input })
    expect(codeOf({ id: 'e9', ts: NOW, type, userId: 'u1' }, 'server')).toBe('INVALID_EVENT')
  })

  test('an unknown type is UNKNOWN_EVENT_TYPE, a missing one INVALID_EVENT', () => {
    expect(codeOf({ ...base, type: 'purchase' })).toBe('UNKNOWN_EVENT_TYPE')
    expect(codeOf({ ...base })).toBe('INVALID_EVENT')
    expect(codeOf('app_launch')).toBe('INVALID_EVENT')
    expect(codeOf(null)).toBe('INVALID_EVENT')
  })

  test('identity fields a client sends are dropped, not trusted', () => {
    const r = validateEvent({ ...base, type: 'app_launch', userId: 'someone-else', amountFen: 1 }, client)
    expect(r.ok && r.value).toEqual({ ...base, type: 'app_launch' })
  })
})

describe('validateEvent: fields', () => {
  const launch = { ...base, type: 'app_launch' }

  test.each([
    ['id', { id: '' }],
    ['id', { id: 'has space' }],
    ['id', { id: 'x'.repeat(65) }],
    ['ts', { ts: '2024-05-01' }],
    ['ts', { ts: 1.5 }],
    ['ts', { ts: -1 }],
    ['anonId', { anonId: undefined }],
    ['sessionId', { sessionId: 5 }],
    ['channel', { channel: 'telegram' }],
    ['contentSlug', { contentSlug: 'Bad Slug' }],
    ['qty', { qty: 0 }],
    ['qty', { qty: 100 }],
    ['scene', { scene: 'share' }],
    ['props', { props: [1, 2] }]
  ])('a bad %s is INVALID_EVENT at that path', (path, patch) => {
    const r = validateEvent({ ...launch, ...patch }, client)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('INVALID_EVENT')
    expect((r.error.details as Array<{ path: string }>).map((i) => i.path)).toContain(path)
  })

  test.each([
    ['page_view', {}, 'page'],
    ['content_view', {}, 'contentSlug'],
    ['product_view', {}, 'productId'],
    ['share', { channel: 'chat', contentSlug: 'spring' }, 'shareId'],
    ['share', { shareId: 'sh1', contentSlug: 'spring' }, 'channel'],
    ['share', { shareId: 'sh1', channel: 'timeline' }, 'contentSlug'],
    ['share', { shareId: 'sh1', channel: 'weibo', contentSlug: 'spring' }, 'channel'],
    ['campaign_open', { channel: 'weibo' }, 'campaignCode'],
    ['block_view', { contentSlug: 'spring', props: { blockType: 'quote' } }, 'props.blockIndex'],
    ['share', { shareId: 'sh1', channel: 'chat', productId: 'p1', parentShareId: 'sh1' }, 'parentShareId'],
    ['share_open', { scene: 1007 }, 'shareId'],
    ['add_to_cart', { qty: 1 }, 'skuId'],
    ['add_to_cart', { skuId: 'k1' }, 'qty']
  ])('%s with %j misses %s', (type, extra, path) => {
    const r = validateEvent({ ...base, type, ...extra }, client)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_EVENT' } })
    if (!r.ok) expect(r.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]))
  })

  test('a share of a product with a parent share is fine', () => {
    expect(codeOf({ ...base, type: 'share', shareId: 'sh2', parentShareId: 'sh1', channel: 'timeline', productId: 'p1' })).toBe('OK')
  })
})

describe('validateEvent: props size and clock', () => {
  // {"k":"…"} is 8 bytes of JSON around the value.
  const propsOfBytes = (bytes: number, char = 'a') => ({ k: char.repeat((bytes - 8) / (char === 'a' ? 1 : 3)) })

  test('props of exactly 2 KB as JSON pass, one byte more is PROPS_TOO_LARGE', () => {
    expect(codeOf({ ...base, type: 'app_launch', props: propsOfBytes(MAX_PROPS_BYTES) })).toBe('OK')
    const r = validateEvent({ ...base, type: 'app_launch', props: propsOfBytes(MAX_PROPS_BYTES + 1) }, client)
    expect(r).toMatchObject({ ok: false, error: { code: 'PROPS_TOO_LARGE', details: { bytes: MAX_PROPS_BYTES + 1 } } })
  })

  test('props size counts UTF-8 bytes: Chinese is 3 bytes a character', () => {
    // 8 + 3 × 680 = 2048
    expect(codeOf({ ...base, type: 'app_launch', props: { k: '好'.repeat(680) } })).toBe('OK')
    expect(codeOf({ ...base, type: 'app_launch', props: { k: '好'.repeat(681) } })).toBe('PROPS_TOO_LARGE')
  })

  test('with now, ts may be up to 10 minutes ahead and 30 days behind', () => {
    const at = (ts: number) => codeOf({ ...base, ts, type: 'app_launch' }, 'client', NOW)
    expect(at(NOW + 10 * 60_000)).toBe('OK')
    expect(at(NOW + 10 * 60_000 + 1)).toBe('TS_OUT_OF_RANGE')
    expect(at(NOW - 30 * 86_400_000)).toBe('OK')
    expect(at(NOW - 30 * 86_400_000 - 1)).toBe('TS_OUT_OF_RANGE')
  })
})

describe('batches', () => {
  const event = { ...base, type: 'app_launch' }

  test('validateBatchShape takes {events:[…]} up to 100 events', () => {
    const events = Array.from({ length: MAX_BATCH_EVENTS }, (_, i) => ({ ...event, id: `e${i}` }))
    expect(validateBatchShape({ events })).toEqual({ ok: true, value: events })
    expect(validateBatchShape({ events: [] })).toEqual({ ok: true, value: [] })
    expect(validateBatchShape({ events: [...events, event] })).toMatchObject({ ok: false, error: { code: 'TOO_MANY_EVENTS' } })
  })

  test.each([[null], [[]], [{}], [{ events: {} }], ['events']])('%j is INVALID_BATCH', (body) => {
    expect(validateBatchShape(body)).toMatchObject({ ok: false, error: { code: 'INVALID_BATCH' } })
  })

  test('a body over 256 KB is BATCH_TOO_LARGE, by raw length or measured JSON', () => {
    expect(validateBatchShape({ events: [] }, MAX_BATCH_BYTES + 1)).toMatchObject({ ok: false, error: { code: 'BATCH_TOO_LARGE' } })
    expect(validateBatchShape({ events: [] }, MAX_BATCH_BYTES).ok).toBe(true)
    const big = { events: [{ ...event, props: { k: 'a'.repeat(MAX_BATCH_BYTES) } }] }
    expect(validateBatchShape(big)).toMatchObject({ ok: false, error: { code: 'BATCH_TOO_LARGE' } })
  })

  test('validateBatch keeps good events and rejects the others by index', () => {
    const result = validateBatch([event, { ...event, id: 'e2', type: 'order_paid' }, { ...event, id: 'e3', type: 'page_view' }, { ...event, id: 'e4' }])
    expect(result.events.map((e) => e.index)).toEqual([0, 3])
    expect(result.rejected).toEqual([
      { index: 1, code: 'SERVER_ONLY_TYPE', message: expect.any(String) },
      { index: 2, code: 'INVALID_EVENT', message: 'page_view needs page' }
    ])
  })
})

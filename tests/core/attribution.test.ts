import { ATTRIBUTION_WINDOW_MS, attributeOrder, maxDepthFrom, shareDepth, type ShareInfo } from '@core/attribution'

const ORDER_AT = Date.parse('2024-05-08T12:00:00.000Z')
const DAY = 86_400_000

// alice shared root; bob re-shared it (sh-b); carol re-shared bob's (sh-c).
const shares: Record<string, ShareInfo> = {
  'sh-a': { sharerIds: ['u-alice', 'anon-alice'], contentSlug: 'spring' },
  'sh-b': { sharerIds: ['u-bob'], parentShareId: 'sh-a', contentSlug: 'spring' },
  'sh-c': { sharerIds: ['anon-carol'], parentShareId: 'sh-b', productId: 'p1' },
  'sh-me': { sharerIds: ['u-dave'], contentSlug: 'summer' }
}
const dave = ['anon-dave', 'u-dave']

const attribute = (opens: Array<{ shareId: string; at: number | string; sharerId?: string }>, orderAt: number | string = ORDER_AT) =>
  attributeOrder({ orderAt, shopperIds: dave, opens, shares })

describe('attributeOrder: window', () => {
  test('an open 1 day before the order attributes it, with sharer, content and depth', () => {
    expect(attribute([{ shareId: 'sh-b', at: ORDER_AT - DAY }])).toEqual({
      shareId: 'sh-b',
      sharerId: 'u-bob',
      contentSlug: 'spring',
      productId: null,
      depth: 2,
      openedAt: ORDER_AT - DAY
    })
  })

  test('an open exactly 7 days before counts', () => {
    expect(attribute([{ shareId: 'sh-a', at: ORDER_AT - ATTRIBUTION_WINDOW_MS }])?.shareId).toBe('sh-a')
  })

  test('an open 7 days and 1 ms before does not', () => {
    expect(attribute([{ shareId: 'sh-a', at: ORDER_AT - ATTRIBUTION_WINDOW_MS - 1 }])).toBeNull()
  })

  test('an open at the order instant counts, 1 ms after does not', () => {
    expect(attribute([{ shareId: 'sh-a', at: ORDER_AT }])?.shareId).toBe('sh-a')
    expect(attribute([{ shareId: 'sh-a', at: ORDER_AT + 1 }])).toBeNull()
  })

  test('ISO times with offsets are the same instants', () => {
    const open = { shareId: 'sh-a', at: '2024-05-01T20:00:00+08:00' } // exactly 7 days before
    expect(attribute([open], '2024-05-08T12:00:00Z')?.shareId).toBe('sh-a')
    expect(attribute([{ ...open, at: '2024-05-01T19:59:59.999+08:00' }], '2024-05-08T12:00:00Z')).toBeNull()
  })

  test('no opens, or only unreadable times, is null', () => {
    expect(attribute([])).toBeNull()
    expect(attribute([{ shareId: 'sh-a', at: 'last tuesday' }])).toBeNull()
  })

  test('an unreadable order time is a bug and throws', () => {
    expect(() => attribute([], '2024-05-08 12:00')).toThrow(RangeError)
  })
})

describe('attributeOrder: last touch and self-opens', () => {
  test('the most recent open in the window wins', () => {
    const opens = [
      { shareId: 'sh-b', at: ORDER_AT - 3 * DAY },
      { shareId: 'sh-c', at: ORDER_AT - 1 * DAY },
      { shareId: 'sh-a', at: ORDER_AT - 2 * DAY }
    ]
    expect(attribute(opens)).toMatchObject({ shareId: 'sh-c', sharerId: 'anon-carol', productId: 'p1', contentSlug: null, depth: 3 })
  })

  test('a more recent open after the order does not beat an older one within the window', () => {
    expect(attribute([{ shareId: 'sh-a', at: ORDER_AT - DAY }, { shareId: 'sh-b', at: ORDER_AT + DAY }])?.shareId).toBe('sh-a')
  })

  test('on equal times, the later open in the list wins', () => {
    expect(attribute([{ shareId: 'sh-a', at: ORDER_AT - DAY }, { shareId: 'sh-b', at: ORDER_AT - DAY }])?.shareId).toBe('sh-b')
  })

  test("opens of the shopper's own share never count, even as the latest", () => {
    const opens = [{ shareId: 'sh-a', at: ORDER_AT - 2 * DAY }, { shareId: 'sh-me', at: ORDER_AT - DAY }]
    expect(attribute(opens)?.shareId).toBe('sh-a')
    expect(attribute([{ shareId: 'sh-me', at: ORDER_AT - DAY }])).toBeNull()
  })

  test('a self-open is recognized through any of the shopper ids (anonymous before login)', () => {
    const asAlice = (ids: string[]) =>
      attributeOrder({ orderAt: ORDER_AT, shopperIds: new Set(ids), opens: [{ shareId: 'sh-a', at: ORDER_AT - DAY }], shares })
    expect(asAlice(['anon-alice'])).toBeNull()
    expect(asAlice(['u-alice', 'anon-other'])).toBeNull()
    expect(asAlice(['anon-x'])?.sharerId).toBe('u-alice')
  })

  test("an open's own sharerId also marks a self-open", () => {
    const shares2 = { 'sh-x': { sharerIds: [] as string[] } }
    const r = attributeOrder({ orderAt: ORDER_AT, shopperIds: dave, opens: [{ shareId: 'sh-x', at: ORDER_AT - DAY, sharerId: 'anon-dave' }], shares: shares2 })
    expect(r).toBeNull()
    const other = attributeOrder({ orderAt: ORDER_AT, shopperIds: dave, opens: [{ shareId: 'sh-x', at: ORDER_AT - DAY, sharerId: 'anon-eve' }], shares: shares2 })
    expect(other).toMatchObject({ shareId: 'sh-x', sharerId: 'anon-eve', depth: 1 })
  })

  test('opens of unknown shares are ignored', () => {
    expect(attribute([{ shareId: 'sh-unknown', at: ORDER_AT - DAY }])).toBeNull()
    expect(attribute([{ shareId: 'sh-a', at: ORDER_AT - 2 * DAY }, { shareId: 'sh-unknown', at: ORDER_AT - DAY }])?.shareId).toBe('sh-a')
  })

  test('a Map of shares works like a record', () => {
    const r = attributeOrder({ orderAt: ORDER_AT, shopperIds: dave, opens: [{ shareId: 'sh-c', at: ORDER_AT - DAY }], shares: new Map(Object.entries(shares)) })
    expect(r?.depth).toBe(3)
  })
})

describe('shareDepth', () => {
  test('1 for a root, parent + 1 down the chain', () => {
    expect(shareDepth('sh-a', shares)).toBe(1)
    expect(shareDepth('sh-b', shares)).toBe(2)
    expect(shareDepth('sh-c', shares)).toBe(3)
  })

  test('0 for an unknown share; a missing parent counts as a root', () => {
    expect(shareDepth('nope', shares)).toBe(0)
    expect(shareDepth('orphan', { orphan: { parentShareId: 'lost' } })).toBe(2)
  })

  test('a cycle ends instead of looping forever', () => {
    const cyclic = { x: { parentShareId: 'y' }, y: { parentShareId: 'z' }, z: { parentShareId: 'x' } }
    expect(shareDepth('x', cyclic)).toBe(3)
    expect(shareDepth('self', { self: { parentShareId: 'self' } })).toBe(1)
  })

  test('a long chain counts every level', () => {
    const chain: Record<string, { parentShareId?: string }> = { s0: {} }
    for (let i = 1; i < 500; i++) chain[`s${i}`] = { parentShareId: `s${i - 1}` }
    expect(shareDepth('s499', chain)).toBe(500)
  })
})

describe('maxDepthFrom', () => {
  test("the deepest share under a sharer's shares", () => {
    expect(maxDepthFrom(['sh-a'], shares)).toBe(3)
    expect(maxDepthFrom(['sh-b'], shares)).toBe(3)
    expect(maxDepthFrom(['sh-me'], shares)).toBe(1)
    expect(maxDepthFrom(['sh-me', 'sh-b'], shares)).toBe(3)
  })

  test('0 for no or unknown shares, and safe on cycles', () => {
    expect(maxDepthFrom([], shares)).toBe(0)
    expect(maxDepthFrom(['nope'], shares)).toBe(0)
    expect(maxDepthFrom(['x'], { x: { parentShareId: 'y' }, y: { parentShareId: 'x' } })).toBe(2)
  })
})

import Taro from '@tarojs/taro'
import { validateEvent, type ClientEvent } from '@core/events'
import { __fire, __reset, __storage } from '../../setup/taro'
import type { EventsResponse } from '@core/contract/events'
import { createTracker, BATCH_SIZE } from '../../../src/app/services/tracker'
import { QUEUE_KEY } from '../../../src/app/services/tracker-queue'
import { ApiError } from '../../../src/app/services/http'
import { fakeBackend } from '../helpers/fake-backend'

beforeEach(() => __reset())

function recorder() {
  const batches: ClientEvent[][] = []
  let fail: Error | null = null
  const send = jest.fn(async (events: ClientEvent[]): Promise<EventsResponse> => {
    if (fail) throw fail
    batches.push(events)
    return { accepted: events.length, duplicates: 0, rejected: [] }
  })
  return { batches, send, failWith: (e: Error | null) => { fail = e } }
}

test('events are queued in storage and sent in batches of at most 50, each valid for the server', async () => {
  const r = recorder()
  const tracker = createTracker({ send: r.send, now: () => 1_700_000_000_000 })
  for (let i = 0; i < 120; i++) tracker.track('page_view', { page: `pages/p${i}` })
  expect(JSON.parse(__storage.get(QUEUE_KEY) as string)).toHaveLength(120)

  await tracker.flush()

  expect(r.batches.map((b) => b.length)).toEqual([BATCH_SIZE, BATCH_SIZE, 20])
  const all = r.batches.flat()
  expect(new Set(all.map((e) => e.id)).size).toBe(120)
  expect(all.map((e) => e.page)).toEqual(Array.from({ length: 120 }, (_, i) => `pages/p${i}`))
  for (const e of all) expect(validateEvent(e, { from: 'client' }).ok).toBe(true)
  expect(tracker.pending()).toBe(0)
})

test('nothing is lost across a restart: a new tracker sends what the old one queued', async () => {
  const first = recorder()
  first.failWith(new ApiError(0, 'NETWORK', 'offline'))
  const before = createTracker({ send: first.send, now: () => Date.now() })
  before.track('app_launch', { scene: 1007 })
  before.track('content_view', { contentSlug: 'summer-linen' })
  await before.flush()
  expect(before.pending()).toBe(2)

  // A restart: fresh modules, same storage.
  let restarted: typeof import('../../../src/app/services/tracker') | undefined
  jest.isolateModules(() => {
    restarted = require('../../../src/app/services/tracker')
  })
  const second = recorder()
  const after = restarted!.createTracker({ send: second.send, now: () => Date.now() })
  await after.flush()
  expect(second.batches.flat().map((e) => e.type)).toEqual(['app_launch', 'content_view'])
  expect(after.pending()).toBe(0)
})

test('a failed send is retried with growing backoff, and the events go out once it works', async () => {
  let now = 1_000_000
  const r = recorder()
  const tracker = createTracker({ send: r.send, now: () => now })
  tracker.track('add_to_cart', { skuId: 'sku-1', qty: 1 })
  r.failWith(new ApiError(503, 'HTTP_503', 'down'))

  await tracker.flush()
  const firstWait = tracker.backoffUntil() - now
  expect(firstWait).toBeGreaterThan(0)
  await tracker.flush() // still backing off: not even tried
  expect(r.send).toHaveBeenCalledTimes(1)

  now = tracker.backoffUntil()
  await tracker.flush()
  expect(r.send).toHaveBeenCalledTimes(2)
  expect(tracker.backoffUntil() - now).toBeGreaterThan(firstWait)

  r.failWith(null)
  now = tracker.backoffUntil()
  await tracker.flush()
  expect(r.batches.flat().map((e) => e.type)).toEqual(['add_to_cart'])
  expect(tracker.pending()).toBe(0)
  expect(tracker.backoffUntil()).toBe(0)
})

test('when the app hides, the queue is flushed at once, backoff or not', async () => {
  let now = 5_000
  const r = recorder()
  const tracker = createTracker({ send: r.send, now: () => now })
  tracker.start(60_000)
  expect(Taro.onAppHide).toHaveBeenCalled()
  tracker.track('share', { shareId: 'sh1', channel: 'chat', contentSlug: 'summer-linen' })
  r.failWith(new ApiError(0, 'NETWORK', 'offline'))
  await tracker.flush()
  r.failWith(null)
  now += 100 // well inside the backoff

  await __fire('appHide')
  expect(r.batches.flat().map((e) => e.shareId)).toEqual(['sh1'])
  tracker.stop()
})

test('the interval flushes every few seconds', async () => {
  jest.useFakeTimers()
  try {
    const r = recorder()
    const tracker = createTracker({ send: r.send, now: () => Date.now() })
    tracker.start(3000)
    tracker.track('page_view', { page: 'pages/index/index' })
    expect(r.send).not.toHaveBeenCalled()
    await jest.advanceTimersByTimeAsync(3000)
    expect(r.batches.flat()).toHaveLength(1)
    tracker.stop()
  } finally {
    jest.useRealTimers()
  }
})

test('a batch the server refuses outright is dropped so later events are not stuck behind it', async () => {
  const r = recorder()
  const tracker = createTracker({ send: r.send, now: () => Date.now() })
  tracker.track('page_view', { page: 'x' })
  r.failWith(new ApiError(400, 'INVALID_BATCH', 'bad'))
  const error = jest.spyOn(console, 'error').mockImplementation(() => {})
  await tracker.flush()
  expect(error).toHaveBeenCalled()
  error.mockRestore()
  expect(tracker.pending()).toBe(0)
})

test('the default sender posts {events} to POST /api/v1/events, with the token when logged in', async () => {
  const backend = fakeBackend().on('POST', '/api/v1/events', (c) => ({ body: { accepted: (c.body as { events: unknown[] }).events.length, duplicates: 0, rejected: [] } }))
  __storage.set('auth:token', JSON.stringify({ token: 'tok-9', userId: 'u9' }))
  const { tracker } = require('../../../src/app/services/tracker') as typeof import('../../../src/app/services/tracker')
  tracker.track('checkout_start')
  await tracker.flush()
  const [call] = backend.callsTo('POST', '/api/v1/events')
  expect((call.body as { events: ClientEvent[] }).events.map((e) => e.type)).toEqual(['checkout_start'])
  expect(call.headers.Authorization).toBe('Bearer tok-9')
})

test('a full storage loses the event loudly but never breaks the page that tracked it', () => {
  const tracker = createTracker({ send: recorder().send, now: () => Date.now() })
  const set = Taro.setStorageSync as unknown as jest.Mock
  const original = set.getMockImplementation()
  set.mockImplementation(() => {
    throw new Error('setStorageSync:fail exceed storage max size 10MB')
  })
  const error = jest.spyOn(console, 'error').mockImplementation(() => {})
  try {
    expect(() => tracker.track('page_view', { page: 'x' })).not.toThrow()
    expect(error).toHaveBeenCalledWith(expect.stringContaining('could not queue page_view'), expect.any(Error))
  } finally {
    set.mockImplementation(original)
    error.mockRestore()
  }
})

test('429 from the server: the tracker waits as long as Retry-After says, even when the app hides, and loses nothing', async () => {
  let now = 5_000_000
  const r = recorder()
  const tracker = createTracker({ send: r.send, now: () => now })
  for (let i = 0; i < 70; i++) tracker.track('page_view', { page: `pages/p${i}` })
  r.failWith(new ApiError(429, 'TOO_MANY_REQUESTS', '请求太频繁', { retryAfterSeconds: 60 }))

  await tracker.flush()
  expect(r.send).toHaveBeenCalledTimes(1)
  expect(tracker.backoffUntil()).toBeGreaterThanOrEqual(now + 60_000)
  expect(tracker.pending()).toBe(70)

  await tracker.flush(true) // the app hides while rate-limited: still not sent
  now += 59_000
  await tracker.flush()
  expect(r.send).toHaveBeenCalledTimes(1)
  expect(tracker.pending()).toBe(70)

  r.failWith(null)
  now += 1_000
  await tracker.flush()
  expect(r.batches.flat()).toHaveLength(70)
  expect(tracker.pending()).toBe(0)
})

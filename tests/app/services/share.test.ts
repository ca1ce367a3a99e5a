// Shares through the server (POST /api/v1/shares), with the client-made fallback when it
// cannot be reached in time; the share event announces either; Moments uses an id made ahead.
import type { ClientEvent } from '@core/events'
import { __reset, __storage } from '../../setup/taro'
import { copyShareLink, h5ShareUrl, issueShare, prepareTimelineShare, SHARE_ISSUE_TIMEOUT_MS, shareToChat, shareToTimeline } from '../../../src/app/services/share'
import { rememberArrivedShare } from '../../../src/app/services/attribution'
import { QUEUE_KEY } from '../../../src/app/services/tracker-queue'
import { apiError, fakeBackend } from '../helpers/fake-backend'
import { taroExtras } from '../helpers/taro-extras'

const queued = () => JSON.parse((__storage.get(QUEUE_KEY) as string) || '[]') as ClientEvent[]
const shares = () => queued().filter((e) => e.type === 'share')

beforeEach(() => {
  __reset()
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

test('the server issues the id (logging in first); the share event announces it with the parent share', async () => {
  rememberArrivedShare('shParent')
  const backend = fakeBackend()
    .withLogin()
    .on('POST', '/api/v1/shares', { status: 201, body: { share: { id: 'Srv00001', scene: 's=Srv00001' } } })
  const share = await issueShare({ productId: 'p-tee' }, 'poster')
  expect(share).toEqual({ id: 'Srv00001', scene: 's=Srv00001', issued: true })
  const [call] = backend.callsTo('POST', '/api/v1/shares')
  expect(call.body).toEqual({ productId: 'p-tee', channel: 'poster', parentShareId: 'shParent' })
  expect(call.headers.Authorization).toBe('Bearer tok-1')
  expect(shares()).toEqual([expect.objectContaining({ shareId: 'Srv00001', channel: 'poster', productId: 'p-tee', parentShareId: 'shParent' })])
})

test('offline: a client-made id, announced with the share event', async () => {
  fakeBackend()
    .withLogin()
    .on('POST', '/api/v1/shares', () => new Error('request:fail'))
  const share = await issueShare({ contentSlug: 'summer-linen' }, 'chat', { fallbackId: 'shClient1' })
  expect(share).toEqual({ id: 'shClient1', issued: false })
  expect(shares()).toEqual([expect.objectContaining({ shareId: 'shClient1', channel: 'chat', contentSlug: 'summer-linen' })])
})

test('a server slower than WeChat waits for a chat card: the client-made id at the timeout', async () => {
  jest.useFakeTimers()
  fakeBackend()
    .withLogin()
    .on('POST', '/api/v1/shares', () => new Promise(() => undefined))
  const card = shareToChat({ contentSlug: 'summer-linen' }, { title: '夏日' })
  const fallback = new URLSearchParams(card.path.split('?')[1]).get('sh')
  expect(fallback).toMatch(/^sh[0-9A-Za-z]+$/)
  await jest.advanceTimersByTimeAsync(SHARE_ISSUE_TIMEOUT_MS)
  expect((await card.promise).path).toBe(card.path)
  expect(shares()).toEqual([expect.objectContaining({ shareId: fallback, channel: 'chat' })])
})

test("a chat card's promise carries the server's id when it answers in time", async () => {
  fakeBackend()
    .withLogin()
    .on('POST', '/api/v1/shares', { status: 201, body: { share: { id: 'Chat0001', scene: 's=Chat0001' } } })
  const card = shareToChat({ productId: 'p-tee' }, { title: '短袖', imageUrl: '/media/tee.jpg' })
  expect(await card.promise).toEqual({ title: '短袖', imageUrl: 'http://api.test/media/tee.jpg', path: '/pages/product/index?id=p-tee&sh=Chat0001' })
})

test("Moments uses the page's share made ahead (once, for a logged-in shopper), else a client-made id", async () => {
  const backend = fakeBackend()
    .withLogin()
    .on('POST', '/api/v1/shares', { status: 201, body: { share: { id: 'Time0001', scene: 's=Time0001' } } })
  // Not logged in: nothing is asked ahead; Moments gets a client-made id.
  await prepareTimelineShare({ contentSlug: 'summer-linen' })
  expect(backend.callsTo('POST', '/api/v1/shares')).toHaveLength(0)
  const offline = shareToTimeline({ contentSlug: 'summer-linen' }, { title: '夏日' })
  expect(offline.query).toMatch(/^slug=summer-linen&sh=sh[0-9A-Za-z]+$/)

  __storage.set('auth:token', JSON.stringify({ token: 'tok-1', userId: 'u1' }))
  await prepareTimelineShare({ contentSlug: 'summer-linen' })
  await prepareTimelineShare({ contentSlug: 'summer-linen' })
  expect(backend.callsTo('POST', '/api/v1/shares').map((c) => c.body)).toEqual([{ contentSlug: 'summer-linen', channel: 'timeline' }])
  expect(shareToTimeline({ contentSlug: 'summer-linen' }, { title: '夏日' }).query).toBe('slug=summer-linen&sh=Time0001')
  expect(shares().map((e) => e.shareId)).toEqual([expect.stringMatching(/^sh/), 'Time0001'])
})

test('a refused share request (4xx) also falls back, so sharing never fails', async () => {
  fakeBackend()
    .withLogin()
    .on('POST', '/api/v1/shares', apiError(400, 'VALIDATION_FAILED', 'bad'))
  expect((await issueShare({ productId: 'p-tee' }, 'timeline')).issued).toBe(false)
})

test('H5 复制链接 copies the shop link with the share id', async () => {
  fakeBackend()
    .withLogin()
    .on('POST', '/api/v1/shares', { status: 201, body: { share: { id: 'Link0001', scene: 's=Link0001' } } })
  const url = await copyShareLink({ contentSlug: 'summer-linen' })
  expect(url).toBe(`${location.origin}${location.pathname}#/pages/content/index?slug=summer-linen&sh=Link0001`)
  expect(taroExtras().setClipboardData).toHaveBeenCalledWith({ data: url })
  expect(h5ShareUrl({ productId: 'p 1' }, 'x')).toMatch(/#\/pages\/product\/index\?id=p%201&sh=x$/)
})

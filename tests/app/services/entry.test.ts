import Taro from '@tarojs/taro'
import type { ClientEvent } from '@core/events'
import { __reset, __storage } from '../../setup/taro'
import { recordLaunch, recordShow, resetLaunched } from '../../../src/app/services/entry'
import { arrivedShareId, ATTRIBUTION_KEEP_MS } from '../../../src/app/services/attribution'
import { QUEUE_KEY } from '../../../src/app/services/tracker-queue'

const originalEnv = process.env.TARO_ENV
const queued = () => JSON.parse((__storage.get(QUEUE_KEY) as string) || '[]') as ClientEvent[]
const enter = Taro.getEnterOptionsSync as unknown as jest.Mock

beforeEach(() => {
  __reset()
  process.env.TARO_ENV = 'weapp'
})
afterEach(() => {
  process.env.TARO_ENV = originalEnv
  enter.mockReturnValue({ path: 'pages/index/index', query: {}, scene: 1001 })
})

test('launch records the scene; every show reads the enter options, so a hot start through a share counts', () => {
  enter.mockReturnValue({ path: 'pages/index/index', query: {}, scene: 1001 })
  recordLaunch()
  recordShow()
  recordLaunch() // onLaunch runs once a run; a second call is ignored
  expect(queued().map((e) => e.type)).toEqual(['app_launch'])
  expect(queued()[0]).toMatchObject({ scene: 1001, page: 'pages/index/index' })

  // Hot start: the app comes back from the background through a chat card.
  enter.mockReturnValue({ path: 'pages/content/index', query: { slug: 'summer-linen', sh: 'shHot' }, scene: 1007 })
  recordShow()
  recordShow() // the same entry shown twice is one open
  expect(queued().filter((e) => e.type === 'share_open')).toEqual([expect.objectContaining({ shareId: 'shHot', scene: 1007, contentSlug: 'summer-linen' })])
  expect(arrivedShareId()).toBe('shHot')
})

test('the share the shopper came through is kept for 7 days, then forgotten', () => {
  enter.mockReturnValue({ path: 'pages/product/index', query: { id: 'p-tee', sh: 'shOld' }, scene: 1008 })
  recordShow()
  const kept = JSON.parse(__storage.get('attr:share') as string) as { at: number }
  expect(arrivedShareId(kept.at + ATTRIBUTION_KEEP_MS)).toBe('shOld')
  expect(arrivedShareId(kept.at + ATTRIBUTION_KEEP_MS + 1)).toBeUndefined()
  expect(queued()[0]).toMatchObject({ type: 'share_open', productId: 'p-tee', scene: 1008 })
})

test('staff previews (the editor live preview, a preview token) are nobody\'s visit: no launch, no open', () => {
  for (const query of [{ slug: 'summer-linen', live: '1' }, { slug: 'summer-linen', preview: 'tok123', sh: 'shStaff' }]) {
    __reset()
    resetLaunched()
    enter.mockReturnValue({ path: 'pages/content/index', query, scene: 1001 })
    recordLaunch()
    recordShow()
    expect(queued()).toEqual([])
  }
})

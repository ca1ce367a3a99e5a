// Launch handling for reach: a code's `scene` (s=… a share, c=… a campaign), `cq`
// merged into the query, `c` and `sh`; the open's channel; the campaign touch kept for
// the order's hint. Scenes are resolved through GET /api/v1/scenes/:scene (the fake backend).
import Taro from '@tarojs/taro'
import type { ClientEvent } from '@core/events'
import { __reset, __storage } from '../../setup/taro'
import { codeSceneOf, normalizeQuery, parseCodeScene, resetLaunchCache, shareOpenChannel, enterOptions } from '../../../src/app/services/launch'
import { openSceneTarget, recordPageShare, recordShow } from '../../../src/app/services/entry'
import { ATTRIBUTION_KEEP_MS, attributionHint, lastTouch, rememberArrivedShare, rememberCampaign } from '../../../src/app/services/attribution'
import { QUEUE_KEY } from '../../../src/app/services/tracker-queue'
import { apiError, fakeBackend } from '../helpers/fake-backend'

const originalEnv = process.env.TARO_ENV
const queued = () => JSON.parse((__storage.get(QUEUE_KEY) as string) || '[]') as ClientEvent[]
const enter = Taro.getEnterOptionsSync as unknown as jest.Mock
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const until = async (check: () => boolean) => {
  for (let i = 0; i < 50 && !check(); i++) await flush()
}

beforeEach(() => {
  __reset()
  resetLaunchCache()
  process.env.TARO_ENV = 'weapp'
  window.location.hash = ''
})
afterEach(() => {
  process.env.TARO_ENV = originalEnv
  enter.mockReturnValue({ path: 'pages/index/index', query: {}, scene: 1001 })
  window.history.replaceState(null, '', '/')
})

describe('parsing the entry query', () => {
  test("a code's scene is URI-encoded: s= names a share, c= a campaign; a scene number (H5) is not a code", () => {
    expect(codeSceneOf({ scene: 's%3DAb3k9Zq' })).toBe('s=Ab3k9Zq')
    expect(codeSceneOf({ scene: 'c=WB2405' })).toBe('c=WB2405')
    expect(codeSceneOf({ scene: '1194' })).toBeUndefined()
    expect(codeSceneOf({ scene: 'not%20a%20scene!' })).toBeUndefined()
    expect(codeSceneOf({})).toBeUndefined()
    expect(parseCodeScene('s=Ab3k9Zq')).toEqual({ shareId: 'Ab3k9Zq' })
    expect(parseCodeScene('c=WB2405')).toEqual({ campaignCode: 'WB2405' })
    expect(parseCodeScene('x=1')).toEqual({})
  })

  test('cq is decoded and merged into the query (keys already there win); a code scene fills sh / c', () => {
    expect(normalizeQuery({ id: 'p-tee', cq: 'c%3DWB2405%26p%3D17%26id%3Dother' })).toEqual({ id: 'p-tee', cq: 'c%3DWB2405%26p%3D17%26id%3Dother', c: 'WB2405', p: '17' })
    expect(normalizeQuery({ scene: 's%3DAb3k9Zq' })).toMatchObject({ sh: 'Ab3k9Zq' })
    expect(normalizeQuery({ scene: 'c%3DWB2405' })).toMatchObject({ c: 'WB2405' })
    expect(normalizeQuery({ scene: 's%3DAb3k9Zq', sh: 'shExplicit' })).toMatchObject({ sh: 'shExplicit' })
    expect(normalizeQuery({ n: 3 })).toEqual({ n: '3' })
  })

  test('the channel of a share open: Moments 1154 → timeline, a scanned code 1047/1048/1049 → poster, else chat', () => {
    expect(shareOpenChannel(1154)).toBe('timeline')
    expect([1047, 1048, 1049].map(shareOpenChannel)).toEqual(['poster', 'poster', 'poster'])
    expect([1007, 1008, 1194, 1065].map(shareOpenChannel)).toEqual(['chat', 'chat', 'chat', 'chat'])
  })

  test('H5 reads the sandbox URL Link query (scene=1194) from the search or the hash, with cq merged', () => {
    process.env.TARO_ENV = 'h5'
    window.history.replaceState(null, '', '/?scene=1194&c=WB2405')
    window.location.hash = '#/pages/content/index?slug=summer-linen&cq=ch%3Dweibo'
    expect(enterOptions()).toEqual({
      scene: 1194,
      path: 'pages/content/index',
      query: { scene: '1194', c: 'WB2405', slug: 'summer-linen', cq: 'ch=weibo', ch: 'weibo' },
      singlePage: false
    })
  })

  test('H5 opened by a scanned code (the sandbox scan page): scene 1047 from the search, the code scene from the hash', () => {
    process.env.TARO_ENV = 'h5'
    window.history.replaceState(null, '', '/?scene=1047')
    window.location.hash = '#/pages/content/index?scene=s%3DAb3k9Zq01'
    expect(enterOptions()).toEqual({
      scene: 1047,
      path: 'pages/content/index',
      query: { scene: 's=Ab3k9Zq01', sh: 'Ab3k9Zq01' },
      singlePage: false
    })
  })
})

describe('recording opens', () => {
  test('a scanned share code (1047): the scene is resolved, share_open has channel poster and the page target', async () => {
    const backend = fakeBackend().on('GET', /^\/api\/v1\/scenes\//, { body: { shareId: 'Ab3k9Zq01', contentSlug: 'summer-linen' } })
    enter.mockReturnValue({ path: 'pages/content/index', query: { scene: 's%3DAb3k9Zq01' }, scene: 1047 })
    recordShow()
    await until(() => queued().some((e) => e.type === 'share_open'))
    expect(backend.callsTo('GET', /scenes/).map((c) => c.path)).toEqual(['/api/v1/scenes/s%3DAb3k9Zq01'])
    expect(queued().filter((e) => e.type === 'share_open')).toEqual([
      expect.objectContaining({ shareId: 'Ab3k9Zq01', scene: 1047, channel: 'poster', contentSlug: 'summer-linen', page: 'pages/content/index' })
    ])
    expect(lastTouch()).toEqual({ kind: 'share', shareId: 'Ab3k9Zq01' })
  })

  test('offline, a scanned code still records what its scene says by itself', async () => {
    fakeBackend().on('GET', /^\/api\/v1\/scenes\//, () => new Error('request:fail'))
    enter.mockReturnValue({ path: 'pages/product/index', query: { scene: 's%3DOffLine01' }, scene: 1048 })
    recordShow()
    await until(() => queued().some((e) => e.type === 'share_open'))
    expect(queued().filter((e) => e.type === 'share_open')).toEqual([expect.objectContaining({ shareId: 'OffLine01', scene: 1048, channel: 'poster' })])
  })

  test('a campaign link (c in the query, URL Link scene 1194): campaign_open once a run, with the link hint; the campaign becomes the last touch', async () => {
    fakeBackend()
    rememberArrivedShare('shEarlier', Date.now() - 1000)
    enter.mockReturnValue({ path: 'pages/content/index', query: { slug: 'summer-linen', c: 'WB2405', cq: 'ch%3Dweibo' }, scene: 1194 })
    recordShow()
    recordShow()
    const opens = queued().filter((e) => e.type === 'campaign_open')
    expect(opens).toEqual([expect.objectContaining({ campaignCode: 'WB2405', scene: 1194, channel: 'weibo', contentSlug: 'summer-linen' })])
    expect(lastTouch()).toEqual({ kind: 'campaign', campaignCode: 'WB2405' })
    // The order's hint no longer names the older share: the campaign came later.
    expect(attributionHint(1194)).toEqual({ scene: 1194 })
  })

  test('a campaign code scanned (scene c=…): resolved, campaign_open without a channel (the server knows the campaign\'s)', async () => {
    fakeBackend().on('GET', /^\/api\/v1\/scenes\//, { body: { campaignCode: 'PRINT01', productId: 'p-tee' } })
    enter.mockReturnValue({ path: 'pages/product/index', query: { scene: 'c%3DPRINT01' }, scene: 1047 })
    recordShow()
    await until(() => queued().some((e) => e.type === 'campaign_open'))
    const open = queued().find((e) => e.type === 'campaign_open')
    expect(open).toMatchObject({ campaignCode: 'PRINT01', scene: 1047, productId: 'p-tee' })
    expect(open?.channel).toBeUndefined()
  })

  test('a page loaded with cq carrying sh records the share open with the channel of the entry scene', () => {
    fakeBackend()
    enter.mockReturnValue({ path: 'pages/product/index', query: {}, scene: 1154 })
    recordPageShare({ id: 'p-tee', cq: 'sh%3DshViaCq' }, { productId: 'p-tee', page: 'pages/product/index' })
    expect(queued()).toEqual([expect.objectContaining({ type: 'share_open', shareId: 'shViaCq', channel: 'timeline', productId: 'p-tee' })])
  })

  test('a bad campaign code is not recorded', () => {
    fakeBackend()
    enter.mockReturnValue({ path: 'pages/index/index', query: { c: 'x!' }, scene: 1194 })
    recordShow()
    expect(queued().filter((e) => e.type === 'campaign_open')).toEqual([])
  })
})

describe('a page opened by a code', () => {
  test('has only the scene: it is resolved and the page reopened with slug and sh', async () => {
    fakeBackend().on('GET', /^\/api\/v1\/scenes\//, { body: { shareId: 'Redir0001', contentSlug: 'summer-linen' } })
    expect(openSceneTarget({ scene: 's%3DRedir0001' }, 'content')).toBe(true)
    await until(() => (Taro.redirectTo as jest.Mock).mock.calls.length > 0)
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/content/index?slug=summer-linen&sh=Redir0001' })
  })

  test('an unknown scene goes home; a page with its slug loads as usual', async () => {
    fakeBackend().on('GET', /^\/api\/v1\/scenes\//, apiError(404, 'SCENE_NOT_FOUND', 'no such scene'))
    expect(openSceneTarget({ slug: 'summer-linen', scene: 's%3DIgnored1' }, 'content')).toBe(false)
    expect(openSceneTarget({ scene: 'c%3DGONE01' }, 'product')).toBe(true)
    await until(() => (Taro.switchTab as jest.Mock).mock.calls.length > 0)
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })
})

test('the campaign touch is kept 7 days', () => {
  const at = 1_800_000_000_000
  rememberCampaign('WB2405', at)
  expect(lastTouch(at + ATTRIBUTION_KEEP_MS)).toEqual({ kind: 'campaign', campaignCode: 'WB2405' })
  expect(lastTouch(at + ATTRIBUTION_KEEP_MS + 1)).toBeUndefined()
})

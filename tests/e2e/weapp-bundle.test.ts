// The real mini-program bundle (dist/, from `npm run build:weapp`) running in Node with
// stubbed wx/App/Page: the home and content pages render from live HTTP answers, the
// SKU picker opens on a tap, and the share handlers exist because the page config
// enables them.
import fs from 'node:fs'
import path from 'node:path'
import { BUILT_API_BASE } from './helpers/api-bridge'
import { startFixtureShop } from './helpers/fixture-shop'
import { findTappable, loadWeapp, textsOf } from './helpers/weapp-harness'
import { poll } from '../helpers/poll'

const DIST = path.resolve(__dirname, '../../dist')
let shop: Awaited<ReturnType<typeof startFixtureShop>>
let weapp: ReturnType<typeof loadWeapp>

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) throw new Error('dist/app.js missing: run `npm run build:weapp` first')
  shop = await startFixtureShop()
  weapp = loadWeapp({ distDir: DIST, builtApiBase: BUILT_API_BASE, apiBase: shop.url })
})
afterAll(async () => {
  weapp?.close()
  await shop?.close()
})

test('the home page renders the feed of published content pages', async () => {
  const home = weapp.openPage('pages/index/index')
  const texts = await poll(() => {
    const t = textsOf(home.data.root)
    return t.includes('慢慢的早晨') && t
  }, { what: 'the feed' })
  expect(texts).toEqual(expect.arrayContaining(['山茶', '读一个故事，带走一件好物', '夏日亚麻', '泥土与火', '我的订单']))
  expect(weapp.requests).toContain('GET /api/v1/pages?limit=10')
})

test('the content page renders its blocks with live prices, opens the SKU picker, and shares with a new sh', async () => {
  const content = weapp.openPage('pages/content/index', { slug: 'summer-linen', sh: 'shParent1' })
  const texts = await poll(() => {
    const t = textsOf(content.data.root)
    return t.includes('清晨七点的阳台') && t
  }, { what: 'the content blocks' })
  expect(texts).toEqual(expect.arrayContaining(['夏日亚麻', '轻一点，慢一点，让风穿过衣服', '亚麻短袖衫', '¥299', '一起带走', '粗陶马克杯', '¥88', '加入购物车']))

  const buy = findTappable(content.data.root, '加入购物车')
  expect(buy).toBeTruthy()
  content.eh({ type: 'tap', currentTarget: { id: buy, dataset: {} }, target: { id: buy, dataset: {} }, detail: {} })
  await poll(() => textsOf(content.data.root).includes('请选择 颜色／尺码'), { what: 'the SKU picker' })

  // The page config's enableShareAppMessage / enableShareTimeline make Taro attach these.
  expect(typeof content.onShareAppMessage).toBe('function')
  expect(typeof content.onShareTimeline).toBe('function')
  const card = content.onShareAppMessage!({ from: 'menu' })
  expect(card.title).toBe('这个夏天，穿亚麻')
  expect(card.path).toMatch(/^\/pages\/content\/index\?slug=summer-linen&sh=sh[A-Za-z0-9]+$/)
  const moments = content.onShareTimeline!()
  expect(moments.query).toMatch(/^slug=summer-linen&sh=sh[A-Za-z0-9]+$/)

  // The shopper came through share shParent1: the open is recorded, and the new share names it as parent.
  type Queued = { type: string; shareId?: string; parentShareId?: string; contentSlug?: string; channel?: string }
  const queued = () => JSON.parse(String(weapp.storage.get('tracker:queue') || '[]')) as Queued[]
  // The chat card's share id comes from POST /api/v1/shares through the card's promise; this
  // fixture shop has no such route, so the card's own client-made id is announced once it fails.
  await poll(() => queued().some((e) => e.type === 'share' && e.channel === 'chat'), { what: 'the chat share event' })
  expect(queued()).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ type: 'share_open', shareId: 'shParent1', contentSlug: 'summer-linen' }),
      expect.objectContaining({ type: 'content_view', contentSlug: 'summer-linen' }),
      expect.objectContaining({ type: 'share', channel: 'chat', parentShareId: 'shParent1', shareId: card.path.split('sh=')[1] }),
      expect.objectContaining({ type: 'share', channel: 'timeline', parentShareId: 'shParent1' })
    ])
  )
  // When the app hides, the queue goes to POST /api/v1/events and empties.
  weapp.hide()
  await poll(() => queued().length === 0, { what: 'the event queue to drain' })
  expect(weapp.requests).toContain('POST /api/v1/events')
})

test('a hot start through a share card is read on show (not only at launch)', async () => {
  type Queued = { type: string; shareId?: string; scene?: number; contentSlug?: string }
  const queued = () => JSON.parse(String(weapp.storage.get('tracker:queue') || '[]')) as Queued[]
  weapp.showApp({ path: 'pages/content/index', query: { slug: 'summer-linen', sh: 'shHotStart' }, scene: 1008 })
  const open = await poll(() => queued().find((e) => e.type === 'share_open' && e.shareId === 'shHotStart'), { what: 'the share_open of the hot start' })
  expect(open).toMatchObject({ scene: 1008, contentSlug: 'summer-linen' })
  expect(JSON.parse(String(weapp.storage.get('attr:share')))).toMatchObject({ id: 'shHotStart' })
})

test("the flows above kept to WeChat's runtime rules (domains, storage, page stack, setData size, private APIs)", () => {
  expect(weapp.violations).toEqual([])
})

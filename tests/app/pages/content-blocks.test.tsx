// The content page with the blocks of issue 18: block views (once per block per page
// load, batched through the tracker's queue), hotspot taps and add-to-carts that name
// their block, a carousel slide to the product page, 开售提醒, and the admin's live preview.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ClientEvent } from '@core/events'
import { LIVE_PREVIEW_MESSAGE, LIVE_PREVIEW_READY, type LivePreviewDraft } from '@core/live-preview'
import type { PageResponse } from '@core/contract/pages'
import { __reset, __router, __storage } from '../../setup/taro'
import ContentPage from '../../../src/app/pages/content/index'
import ProductPage from '../../../src/app/pages/product/index'
import { resetLaunchCache } from '../../../src/app/services/launch'
import { QUEUE_KEY } from '../../../src/app/services/tracker-queue'
import { useCartStore } from '../../../src/app/stores/cart-store'
import { fakeBackend } from '../helpers/fake-backend'
import { mug, tee } from '../helpers/fixtures'
import { taroExtras } from '../helpers/taro-extras'

const queued = () => JSON.parse((__storage.get(QUEUE_KEY) as string) || '[]') as ClientEvent[]
const ofType = (type: string) => queued().filter((e) => e.type === type)

/** The browser's IntersectionObserver, driven by the test: show(id) puts that block frame in view. */
class FakeObserver {
  static all: FakeObserver[] = []
  targets = new Set<Element>()
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this)
  }
  observe(el: Element) {
    this.targets.add(el)
  }
  unobserve(el: Element) {
    this.targets.delete(el)
  }
  disconnect() {
    this.targets.clear()
  }
  takeRecords() {
    return []
  }
  static observed(): string[] {
    return FakeObserver.all.flatMap((o) => [...o.targets].map((t) => t.id))
  }
  static show(...ids: string[]) {
    for (const o of FakeObserver.all) {
      const entries = [...o.targets].filter((t) => ids.includes(t.id)).map((target) => ({ target, isIntersecting: true, intersectionRatio: 0.5 }) as unknown as IntersectionObserverEntry)
      if (entries.length > 0) act(() => o.callback(entries, o as unknown as IntersectionObserver))
    }
  }
}

const lookbook: PageResponse = {
  page: {
    slug: 'winter-look',
    title: '冬日搭配',
    cover: '/media/look.jpg',
    share: { title: '冬日搭配', imageUrl: null },
    publishedAt: '2026-11-30T01:00:00.000Z',
    blocks: [
      { type: 'quote', text: '暖和，也要好看。', by: '编辑部' },
      // A block type newer than this app: skipped, and the indexes after it stay as saved.
      { type: 'poll', question: '?' } as never,
      { type: 'shop-the-look', image: '/media/look.jpg', title: '这一身', hotspots: [{ x: 0.3, y: 0.4, productId: tee.id }, { x: 0.6, y: 0.7, productId: mug.id }] },
      { type: 'divider' },
      { type: 'carousel', slides: [{ image: '/media/s1.jpg', productId: mug.id }, { image: '/media/s2.jpg', pageSlug: 'summer-linen' }] },
      { type: 'countdown', until: '2099-01-01T10:00:00+08:00', title: '羊毛开衫上新', productId: 'p-wool' }
    ]
  },
  // The server's answer lacks the mug and the wool cardigan: the page reads them through the catalog API.
  products: { [tee.id]: tee }
}
const wool = { ...mug, id: 'p-wool', title: '羊毛开衫', skus: [{ id: 'sku-wool', attrs: {}, priceFen: 59900, stock: 10 }] }

function shop() {
  return fakeBackend()
    .on('GET', '/api/v1/pages/winter-look', { body: lookbook })
    .on('GET', `/api/v1/products/${mug.id}`, { body: { product: mug } })
    .on('GET', '/api/v1/products/p-wool', { body: { product: wool } })
    .on('GET', `/api/v1/products/${tee.id}`, { body: { product: tee } })
}

const originalEnv = process.env.TARO_ENV
beforeEach(() => {
  __reset()
  resetLaunchCache()
  window.location.hash = ''
  FakeObserver.all = []
  ;(globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver
  useCartStore.setState({ lines: [], owner: null, priced: null, status: 'idle', error: null })
})
afterEach(() => {
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver
  process.env.TARO_ENV = originalEnv
  delete (globalThis as { SUBSCRIBE_TEMPLATES?: string }).SUBSCRIBE_TEMPLATES
})

async function openLookbook() {
  const backend = shop()
  __router.params = { slug: 'winter-look' }
  render(<ContentPage />)
  await screen.findByText('暖和，也要好看。')
  if (process.env.TARO_ENV !== 'weapp') await waitFor(() => expect(FakeObserver.observed().length).toBeGreaterThan(0))
  return backend
}

test('each block is a block_view the first time it comes into view, with its saved index and type, once per page load', async () => {
  await openLookbook()
  expect(FakeObserver.observed()).toEqual(['blk-0', 'blk-2', 'blk-3', 'blk-4', 'blk-5'])
  FakeObserver.show('blk-0', 'blk-2')
  FakeObserver.show('blk-2', 'blk-3')
  FakeObserver.show('blk-0')
  const views = ofType('block_view')
  expect(views).toEqual([
    expect.objectContaining({ contentSlug: 'winter-look', props: { blockIndex: 0, blockType: 'quote' } }),
    expect.objectContaining({ contentSlug: 'winter-look', props: { blockIndex: 2, blockType: 'shop-the-look' } }),
    expect.objectContaining({ contentSlug: 'winter-look', props: { blockIndex: 3, blockType: 'divider' } })
  ])
  // They wait in the tracker's queue with the other events and leave in its batches.
  expect(queued().map((e) => e.type)).toEqual(expect.arrayContaining(['content_view', 'page_view', 'block_view']))
})

test('in the mini-program: the page-scoped Taro.createIntersectionObserver watches every frame; WeChat\'s results name the frame by id', async () => {
  process.env.TARO_ENV = 'weapp'
  let seen: ((res: { id: string; intersectionRatio: number }) => void) | null = null
  const observer: { relativeToViewport: jest.Mock; observe: jest.Mock; disconnect: jest.Mock } = {
    relativeToViewport: jest.fn(() => observer),
    observe: jest.fn((_selector: string, cb: typeof seen) => {
      seen = cb
    }),
    disconnect: jest.fn()
  }
  const t = Taro as unknown as { createIntersectionObserver?: jest.Mock; getCurrentInstance: () => unknown }
  t.createIntersectionObserver = jest.fn(() => observer)
  const page = { route: 'pages/content/index' }
  const instance = jest.spyOn(t, 'getCurrentInstance').mockReturnValue({ router: __router, page })
  await openLookbook()
  await waitFor(() => expect(observer.observe).toHaveBeenCalledWith('.blk-frame', expect.any(Function)))
  expect(t.createIntersectionObserver).toHaveBeenCalledWith(page, { thresholds: [0], observeAll: true })
  act(() => {
    seen!({ id: 'blk-4', intersectionRatio: 0.2 })
    seen!({ id: 'blk-5', intersectionRatio: 0 })
    seen!({ id: 'blk-4', intersectionRatio: 1 })
  })
  expect(ofType('block_view').map((e) => e.props)).toEqual([{ blockIndex: 4, blockType: 'carousel' }])
  instance.mockRestore()
  delete t.createIntersectionObserver
})

test('a hotspot tap is a product_view of that block and opens the SKU picker in place; the add-to-cart names the block', async () => {
  await openLookbook()
  const look = screen.getByLabelText('搭配：这一身')
  // The mug was not in the server's answer: read through the catalog API, then its dot is live.
  const dot = await within(look).findByRole('button', { name: `商品点 2：${mug.title}` })
  fireEvent.click(within(look).getByRole('button', { name: `商品点 1：${tee.title}` }))
  expect(ofType('product_view')).toEqual([expect.objectContaining({ productId: tee.id, contentSlug: 'winter-look', props: { blockIndex: 2, blockType: 'shop-the-look' } })])
  let picker = screen.getByLabelText('选择规格')
  fireEvent.click(within(picker).getByRole('button', { name: '关闭' }))
  fireEvent.click(dot)
  picker = screen.getByLabelText('选择规格')
  fireEvent.click(within(picker).getByRole('button', { name: '加入购物车' }))
  await waitFor(() => expect(screen.queryByLabelText('选择规格')).toBeNull())
  expect(useCartStore.getState().lines).toEqual([expect.objectContaining({ skuId: 'sku-mug', qty: 1 })])
  expect(ofType('add_to_cart')).toEqual([
    expect.objectContaining({ skuId: 'sku-mug', productId: mug.id, contentSlug: 'winter-look', props: { blockIndex: 2, blockType: 'shop-the-look' } })
  ])
  expect(Taro.navigateTo).not.toHaveBeenCalled()
})

test('a carousel slide opens the product page, whose product_view names the block; a page slide opens that page', async () => {
  await openLookbook()
  fireEvent.click(screen.getByRole('link', { name: '第 1 张，查看商品' }))
  const url = (Taro.navigateTo as jest.Mock).mock.calls[0][0].url as string
  expect(url).toBe('/pages/product/index?id=p-mug&cs=winter-look&bi=4&bt=carousel')
  fireEvent.click(screen.getByRole('link', { name: '第 2 张，查看页面' }))
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/content/index?slug=summer-linen' })

  // The product page as the navigation opens it.
  __router.params = Object.fromEntries(new URLSearchParams(url.split('?')[1]))
  render(<ProductPage />)
  await waitFor(() => expect(ofType('product_view')).toHaveLength(1))
  expect(ofType('product_view')[0]).toMatchObject({ productId: mug.id, contentSlug: 'winter-look', props: { blockIndex: 4, blockType: 'carousel' } })
})

test('before its launch the countdown product is 即将开售; 开售提醒 asks WeChat for the launch message and registers the reminder', async () => {
  process.env.TARO_ENV = 'weapp'
  ;(globalThis as { SUBSCRIBE_TEMPLATES?: string }).SUBSCRIBE_TEMPLATES = JSON.stringify({ shipped: 'TPL-SHIP', launch: 'TPL-LAUNCH' })
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  // Arrived through a friend's share: the reminder names it (the sharer's lead).
  const backend = shop()
    .on('POST', '/api/v1/me/subscriptions', { body: { credits: { launch: 1 } } })
    .on('POST', '/api/v1/launch-reminders', { status: 201, body: {} })
  __router.params = { slug: 'winter-look', sh: 'shFriend1' }
  render(<ContentPage />)
  const block = await screen.findByLabelText('羊毛开衫上新')
  await within(block).findByText('羊毛开衫')
  taroExtras().requestSubscribeMessage.mockImplementationOnce(async () => ({ errMsg: 'requestSubscribeMessage:ok', 'TPL-LAUNCH': 'accept' }))
  await act(async () => fireEvent.click(within(block).getByRole('button', { name: '开售提醒' })))
  await within(block).findByRole('button', { name: '已设置开售提醒' })
  expect(taroExtras().requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['TPL-LAUNCH'] })
  expect(backend.callsTo('POST', '/api/v1/me/subscriptions').map((c) => c.body)).toEqual([{ accepted: ['launch'] }])
  expect(backend.callsTo('POST', '/api/v1/launch-reminders').map((c) => c.body)).toEqual([{ productId: 'p-wool', contentSlug: 'winter-look', shareId: 'shFriend1' }])
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '开售时会提醒你' }))
})

test('a refused launch message registers nothing and the button stays offered', async () => {
  process.env.TARO_ENV = 'weapp'
  ;(globalThis as { SUBSCRIBE_TEMPLATES?: string }).SUBSCRIBE_TEMPLATES = JSON.stringify({ launch: 'TPL-LAUNCH' })
  const backend = await openLookbook()
  const block = screen.getByLabelText('羊毛开衫上新')
  taroExtras().requestSubscribeMessage.mockImplementationOnce(async () => ({ errMsg: 'requestSubscribeMessage:ok', 'TPL-LAUNCH': 'reject' }))
  await act(async () => fireEvent.click(within(block).getByRole('button', { name: '开售提醒' })))
  await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未开启提醒，可再次点击开启' })))
  expect(within(block).getByRole('button', { name: '开售提醒' })).toBeInTheDocument()
  expect(backend.callsTo('POST', '/api/v1/launch-reminders')).toEqual([])
})

describe('live preview (?live=1, in the admin editor)', () => {
  const draft = (blocks: unknown[], focusIndex?: number): LivePreviewDraft => ({
    type: LIVE_PREVIEW_MESSAGE,
    page: { slug: 'draft-look', title: '草稿', cover: null, blocks },
    ...(focusIndex === undefined ? {} : { focusIndex })
  })
  const post = (data: unknown) => act(() => window.dispatchEvent(new MessageEvent('message', { data, source: window.parent })))

  test('says READY to its parent, renders each draft it receives (products read through the catalog), scrolls to the block being edited, counts nothing', async () => {
    const backend = shop()
    const said = jest.spyOn(window.parent, 'postMessage')
    __router.params = { slug: 'draft-look', live: '1' }
    render(<ContentPage />)
    await waitFor(() => expect(said).toHaveBeenCalledWith({ type: LIVE_PREVIEW_READY }, '*'))
    // Not read from the server: the draft is the editor's.
    expect(backend.callsTo('GET', /\/api\/v1\/pages\//)).toEqual([])

    post(draft([{ type: 'quote', text: '第一版' }]))
    expect(await screen.findByText('第一版')).toBeInTheDocument()

    // Dots placed before their products are chosen (a draft the editor cannot save yet) show where they sit.
    post(draft([{ type: 'quote', text: '第一版' }, { type: 'shop-the-look', image: '/media/look.jpg', title: '放点中', hotspots: [{ x: 0.1, y: 0.2, productId: '' }, { x: 0.5, y: 0.5, productId: '' }] }]))
    const placing = await screen.findByLabelText('搭配：放点中')
    expect(within(placing).getByRole('button', { name: '商品点 1：待选商品' })).toHaveStyle({ left: '10%', top: '20%' })
    expect(within(placing).getByRole('button', { name: '商品点 2：待选商品' })).toBeInTheDocument()

    const scrolled: string[] = []
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.id)
    }
    // Half-typed blocks (a look without hotspots yet) are skipped, not a crash.
    post(draft([{ type: 'quote', text: '第二版' }, { type: 'shop-the-look', image: '/media/look.jpg', hotspots: [] }, { type: 'shop-the-look', image: '/media/look.jpg', title: '两个点', hotspots: [{ x: 0.2, y: 0.3, productId: mug.id }, { x: 0.8, y: 0.6, productId: tee.id }] }], 2))
    expect(await screen.findByText('第二版')).toBeInTheDocument()
    expect(screen.queryByText('第一版')).toBeNull()
    const look = screen.getByLabelText('搭配：两个点')
    expect(await within(look).findByRole('button', { name: `商品点 1：${mug.title}` })).toHaveStyle({ left: '20%', top: '30%' })
    expect(within(look).getByRole('button', { name: `商品点 2：${tee.title}` })).toHaveStyle({ left: '80%', top: '60%' })
    await waitFor(() => expect(scrolled).toEqual(['blk-2']))
    expect(backend.callsTo('GET', `/api/v1/products/${mug.id}`)).toHaveLength(1)

    // Messages that are not drafts are ignored.
    post({ type: 'something-else', page: { blocks: [{ type: 'quote', text: '不该出现' }] } })
    post('hello')
    expect(screen.queryByText('不该出现')).toBeNull()

    // Nothing of staff typing is counted: no page or block views, no taps.
    FakeObserver.show('blk-0', 'blk-2')
    fireEvent.click(within(look).getByRole('button', { name: `商品点 1：${mug.title}` }))
    expect(queued()).toEqual([])
    said.mockRestore()
  })
})

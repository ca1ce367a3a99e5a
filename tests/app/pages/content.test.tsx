import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ClientEvent } from '@core/events'
import { __fire, __reset, __router, __share, __storage } from '../../setup/taro'
import ContentPage from '../../../src/app/pages/content/index'
import { resetLaunchCache } from '../../../src/app/services/launch'
import { QUEUE_KEY } from '../../../src/app/services/tracker-queue'
import { useCartStore } from '../../../src/app/stores/cart-store'
import { apiError, fakeBackend } from '../helpers/fake-backend'
import { summerPage } from '../helpers/fixtures'

const queued = () => JSON.parse((__storage.get(QUEUE_KEY) as string) || '[]') as ClientEvent[]

beforeEach(() => {
  __reset()
  resetLaunchCache()
  window.location.hash = ''
  useCartStore.setState({ lines: [], owner: null, priced: null, status: 'idle', error: null })
})

test('a page opened through a share renders, records the open and the view, and keeps the share for 7 days', async () => {
  const backend = fakeBackend().on('GET', '/api/v1/pages/summer-linen', { body: summerPage })
  __router.params = { slug: 'summer-linen', sh: 'shFromFriend' }
  render(<ContentPage />)
  expect(await screen.findByText('轻一点，慢一点')).toBeInTheDocument()
  // Media paths are served by the backend: made absolute against the API base.
  expect(backend.calls[0].url).toBe('http://api.test/api/v1/pages/summer-linen')
  expect(screen.getAllByRole('img')[0]).toHaveAttribute('src', 'http://api.test/media/hero.jpg')
  expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '夏日亚麻' })
  expect(queued()).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ type: 'share_open', shareId: 'shFromFriend', contentSlug: 'summer-linen', scene: 1001 }),
      expect.objectContaining({ type: 'content_view', contentSlug: 'summer-linen' }),
      expect.objectContaining({ type: 'page_view', page: 'pages/content/index', contentSlug: 'summer-linen' })
    ])
  )
  expect(JSON.parse(__storage.get('attr:share') as string)).toMatchObject({ id: 'shFromFriend' })
})

test('sharing to a chat and to Moments offline: client-made share ids in the path, announced with the parent share named', async () => {
  // No login and no share route: the server cannot issue ids.
  fakeBackend().on('GET', '/api/v1/pages/summer-linen', { body: summerPage })
  __router.params = { slug: 'summer-linen', sh: 'shParent' }
  render(<ContentPage />)
  await screen.findByText('轻一点，慢一点')
  const chat = __share.appMessage() as { title: string; path: string; imageUrl: string; promise: Promise<{ path: string }> }
  expect(chat.title).toBe('这个夏天穿亚麻')
  expect(chat.imageUrl).toBe('http://api.test/media/share.jpg')
  const sh = new URLSearchParams(chat.path.split('?')[1]).get('sh')
  expect(chat.path).toBe(`/pages/content/index?slug=summer-linen&sh=${sh}`)
  // The late answer falls back to the card's own client-made id.
  expect((await chat.promise).path).toBe(chat.path)
  const moments = __share.timeline() as { query: string }
  const sh2 = new URLSearchParams(moments.query).get('sh')
  expect(sh2).not.toBe(sh)
  const shares = queued().filter((e) => e.type === 'share')
  expect(shares).toEqual([
    expect.objectContaining({ shareId: sh, channel: 'chat', contentSlug: 'summer-linen', parentShareId: 'shParent' }),
    expect.objectContaining({ shareId: sh2, channel: 'timeline', contentSlug: 'summer-linen', parentShareId: 'shParent' })
  ])
})

test('a product block adds to the cart in place through the SKU picker', async () => {
  fakeBackend().on('GET', '/api/v1/pages/summer-linen', { body: summerPage })
  __router.params = { slug: 'summer-linen' }
  render(<ContentPage />)
  await screen.findByText('轻一点，慢一点')
  fireEvent.click(within(screen.getAllByLabelText('亚麻短袖衫')[0]).getByRole('button', { name: '加入购物车' }))
  const picker = screen.getByLabelText('选择规格')
  fireEvent.click(within(within(picker).getByLabelText('颜色')).getByRole('button', { name: '白' }))
  fireEvent.click(within(within(picker).getByLabelText('尺码')).getByRole('button', { name: 'M' }))
  fireEvent.click(within(picker).getByRole('button', { name: '加入购物车' }))
  await waitFor(() => expect(screen.queryByLabelText('选择规格')).toBeNull())
  expect(useCartStore.getState().lines).toEqual([{ skuId: 'sku-tee-white-m', qty: 1, seenPriceFen: 19900 }])
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入购物车' }))
  expect(queued()).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'add_to_cart', skuId: 'sku-tee-white-m', qty: 1, productId: 'p-tee', contentSlug: 'summer-linen' })]))
  expect(screen.getByRole('button', { name: '购物车 1 件' })).toBeInTheDocument()
})

test('Moments single-page mode (scene 1154): no buying, no navigation, no login; how to open the full app is shown', async () => {
  const backend = fakeBackend().on('GET', '/api/v1/pages/summer-linen', { body: summerPage })
  window.location.hash = '#/pages/content/index?slug=summer-linen&scene=1154'
  __router.params = { slug: 'summer-linen', scene: '1154' }
  render(<ContentPage />)
  await screen.findByText('轻一点，慢一点')
  expect(screen.getByText('当前为朋友圈预览，点击屏幕下方「前往小程序」即可查看完整内容并购买')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: /加入购物车/ })).toBeNull()
  expect(screen.queryByRole('button', { name: /购物车/ })).toBeNull()
  fireEvent.click(screen.getAllByText('亚麻短袖衫')[0])
  expect(Taro.navigateTo).not.toHaveBeenCalled()
  expect(backend.calls.map((c) => c.path)).toEqual(['/api/v1/pages/summer-linen'])
})

test('a page that is gone says so calmly; a network failure offers a retry', async () => {
  let down = true
  fakeBackend()
    .on('GET', '/api/v1/pages/old-page', apiError(404, 'PAGE_NOT_FOUND', 'No published page old-page'))
    .on('GET', '/api/v1/pages/summer-linen', () => (down ? new Error('request:fail') : { body: summerPage }))
  __router.params = { slug: 'old-page' }
  const { unmount } = render(<ContentPage />)
  expect(await screen.findByText('这篇内容已下线或不存在')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '回到首页' }))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
  unmount()

  __router.params = { slug: 'summer-linen' }
  render(<ContentPage />)
  expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeInTheDocument()
  down = false
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '重新加载' })))
  expect(await screen.findByText('轻一点，慢一点')).toBeInTheDocument()
})

test('a staff preview link shows the draft (preview token passed on) without counting a view', async () => {
  const backend = fakeBackend().on('GET', '/api/v1/pages/summer-linen', { body: summerPage })
  __router.params = { slug: 'summer-linen', preview: 'tok123' }
  render(<ContentPage />)
  await screen.findByText('轻一点，慢一点')
  expect(backend.calls[0].query.get('preview')).toBe('tok123')
  expect(queued().filter((e) => e.type === 'content_view')).toEqual([])
})

test('coming back to the page reads live stock again', async () => {
  let stock = 7
  fakeBackend().on('GET', '/api/v1/pages/summer-linen', () => {
    const tee = summerPage.products['p-tee']
    return { body: { ...summerPage, products: { ...summerPage.products, 'p-tee': { ...tee, skus: tee.skus.map((s, i) => ({ ...s, stock: i === 0 ? stock - 2 : s.stock })) } } } }
  })
  __router.params = { slug: 'summer-linen' }
  render(<ContentPage />)
  expect(await screen.findByText('仅剩 7 件')).toBeInTheDocument()
  stock = 3
  await act(() => __fire('didShow'))
  expect(await screen.findByText('仅剩 3 件')).toBeInTheDocument()
})

import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __reset, __storage } from '../../setup/taro'
import MySharesPage from '../../../src/app/pkg-me/shares/index'
import { fakeBackend } from '../helpers/fake-backend'

beforeEach(() => {
  __reset()
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
})

const SHARES = {
  items: [
    { shareId: 'sh-2', contentSlug: 'summer-linen', productId: null, channel: 'timeline', sharedAt: '2026-06-02T10:30:00', opens: 5, orders: 2, rewards: 1 },
    { shareId: 'sh-1', contentSlug: null, productId: 'p-tee', channel: 'chat', sharedAt: '2026-06-01T10:00:00', opens: 1, orders: 0, rewards: 0 }
  ],
  totals: { shares: 2, opens: 5, orders: 2, rewards: 1 }
}

test('the totals in words, then each share with its channel, opens, orders and rewards', async () => {
  const backend = fakeBackend()
    .on('GET', '/api/v1/me/shares', { body: SHARES })
    .on('GET', '/api/v1/pages', { body: { items: [{ slug: 'summer-linen', title: '夏日亚麻', cover: '/media/c.jpg', publishedAt: '2026-05-30T09:00:00+08:00' }], nextCursor: null } })
  render(<MySharesPage />)
  const totals = await screen.findByLabelText('分享成果')
  expect(backend.callsTo('GET', '/api/v1/me/shares')[0].headers.Authorization).toBe('Bearer t')
  expect(within(totals).getByLabelText('分享 2 次')).toBeInTheDocument()
  expect(within(totals).getByLabelText('好友打开 5 人')).toBeInTheDocument()
  expect(within(totals).getByLabelText('好友下单 2 单')).toBeInTheDocument()
  expect(within(totals).getByLabelText('获得奖励 1 张')).toBeInTheDocument()
  expect(screen.getByText('好友通过你的分享下单并确认收货后，你将获得优惠券奖励；售后期内退款的订单，奖励会收回。')).toBeInTheDocument()

  const page = screen.getByLabelText('分享 夏日亚麻')
  expect(within(page).getByText('朋友圈 · 2026-06-02 10:30')).toBeInTheDocument()
  expect(within(page).getByText('5 人打开 · 2 单 · 奖励 1 张')).toBeInTheDocument()
  const product = screen.getByLabelText('分享 分享的商品')
  expect(within(product).getByText('微信好友 · 2026-06-01 10:00')).toBeInTheDocument()
  expect(within(product).getByText('1 人打开 · 0 单 · 奖励 0 张')).toBeInTheDocument()

  // A shared product, or a page no longer published, keeps a plain name.
  fireEvent.click(page)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/content/index?slug=summer-linen' })
  fireEvent.click(screen.getByRole('button', { name: '奖励的优惠券在「我的优惠券」中查看 ›' }))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-me/coupons/index' })
})

test('nothing shared yet: the empty state explains the reward', async () => {
  fakeBackend().on('GET', '/api/v1/me/shares', { body: { items: [], totals: { shares: 0, opens: 0, orders: 0, rewards: 0 } } })
  render(<MySharesPage />)
  expect(await screen.findByText('还没有分享记录')).toBeInTheDocument()
  expect(screen.getByText('把喜欢的内容分享给好友，好友下单并确认收货后，你会获得优惠券奖励')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '去逛逛' })).toBeInTheDocument()
})

test('a share of a page no longer published keeps a plain name; the list still shows when page titles cannot be read', async () => {
  fakeBackend()
    .on('GET', '/api/v1/me/shares', { body: { items: [SHARES.items[0]], totals: { shares: 1, opens: 5, orders: 2, rewards: 1 } } })
    .on('GET', '/api/v1/pages', { status: 503, body: { error: { code: 'UNAVAILABLE', message: 'down' } } })
  render(<MySharesPage />)
  expect(await screen.findByLabelText('分享 分享的内容')).toHaveTextContent('5 人打开 · 2 单 · 奖励 1 张')
})

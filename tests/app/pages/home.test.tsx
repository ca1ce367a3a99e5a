import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __fire, __reset } from '../../setup/taro'
import Index from '../../../src/app/pages/index/index'
import { fakeBackend } from '../helpers/fake-backend'

const item = (n: number) => ({ slug: `story-${n}`, title: `故事 ${n}`, cover: `/media/c${n}.jpg`, publishedAt: '2026-06-18T09:00:00+08:00' })

beforeEach(() => __reset())

test('the feed lists published pages, loads more at the bottom, and refreshes on pull-down', async () => {
  const backend = fakeBackend().on('GET', '/api/v1/pages', (c) =>
    c.query.get('cursor') === 'next-1' ? { body: { items: [item(3)], nextCursor: null } } : { body: { items: [item(1), item(2)], nextCursor: 'next-1' } }
  )
  render(<Index />)
  expect(await screen.findByText('故事 1')).toBeInTheDocument()
  expect(screen.getAllByText('6月18日')).toHaveLength(2)
  await act(() => __fire('reachBottom'))
  expect(await screen.findByText('故事 3')).toBeInTheDocument()
  expect(screen.getByText('— 没有更多了 —')).toBeInTheDocument()

  await act(() => __fire('pullDownRefresh'))
  expect(backend.callsTo('GET', '/api/v1/pages').map((c) => c.query.get('cursor'))).toEqual([null, 'next-1', null])
  expect(Taro.stopPullDownRefresh).toHaveBeenCalled()

  fireEvent.click(screen.getAllByLabelText('故事 2')[0])
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/content/index?slug=story-2' })
})

test('an empty feed and a failed feed each have their state', async () => {
  let fail = true
  fakeBackend().on('GET', '/api/v1/pages', () => (fail ? new Error('request:fail') : { body: { items: [], nextCursor: null } }))
  render(<Index />)
  expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeInTheDocument()
  fail = false
  fireEvent.click(screen.getByRole('button', { name: '重新加载' }))
  expect(await screen.findByText('新内容正在准备中')).toBeInTheDocument()
  expect(document.querySelector('img.state__art')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
})

test("the brand's name heads the page (the demo brand when the build names none)", async () => {
  fakeBackend().on('GET', '/api/v1/pages', { body: { items: [], nextCursor: null } })
  render(<Index />)
  expect(await screen.findByText('新内容正在准备中')).toBeInTheDocument()
  expect(screen.getByText('山茶')).toBeInTheDocument()
  expect(screen.queryByText('品牌好物')).not.toBeInTheDocument()
})

test('首页 leads to 我的订单, 我的优惠券 and 我的分享 (the last two in the pkg-me subpackage)', async () => {
  fakeBackend().on('GET', '/api/v1/pages', { body: { items: [item(1)], nextCursor: null } })
  render(<Index />)
  await screen.findByText('故事 1')
  fireEvent.click(screen.getByRole('button', { name: '我的优惠券' }))
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pkg-me/coupons/index' })
  fireEvent.click(screen.getByRole('button', { name: '我的分享' }))
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pkg-me/shares/index' })
  fireEvent.click(screen.getByRole('button', { name: '我的订单' }))
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pkg-orders/list/index' })
})

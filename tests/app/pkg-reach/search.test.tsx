// 搜索商品: GET /api/v1/products?q= with loading, empty, error and more pages; the home
// page leads here.
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __fire, __reset } from '../../setup/taro'
import SearchPage from '../../../src/app/pkg-reach/search/index'
import Index from '../../../src/app/pages/index/index'
import { fakeBackend } from '../helpers/fake-backend'
import { mug, soldOutVase, tee } from '../helpers/fixtures'

beforeEach(() => __reset())

test('a search lists matching products with price; more load at the bottom; a tap opens the product', async () => {
  let answer: (v: unknown) => void = () => undefined
  const backend = fakeBackend().on('GET', '/api/v1/products', (c) =>
    c.query.get('cursor') === 'n1'
      ? { body: { items: [soldOutVase], nextCursor: null } }
      : new Promise((resolve) => {
          answer = resolve
        }).then(() => ({ body: { items: [tee, mug], nextCursor: 'n1' } }))
  )
  render(<SearchPage />)
  expect(screen.getByText('输入商品名称，例如「衬衫」')).toBeInTheDocument()
  fireEvent.change(screen.getByLabelText('搜索商品'), { target: { value: ' 亚麻 ' } })
  fireEvent.click(screen.getByRole('button', { name: '搜索' }))
  // Loading while the answer is on its way.
  expect(document.querySelector('.search__tip')).toBeNull()
  expect(screen.queryByText('亚麻短袖衫')).toBeNull()
  await act(async () => answer(null))
  expect(await screen.findByText('亚麻短袖衫')).toBeInTheDocument()
  expect(screen.getByText('¥199')).toBeInTheDocument()
  const [first] = backend.callsTo('GET', '/api/v1/products')
  expect(first.query.get('q')).toBe('亚麻')
  expect(first.query.get('limit')).toBe('20')

  await act(() => __fire('reachBottom'))
  expect(await screen.findByText('白瓷花瓶')).toBeInTheDocument()
  expect(screen.getByText('已售罄')).toBeInTheDocument()
  expect(screen.getByText('— 没有更多了 —')).toBeInTheDocument()
  expect(backend.callsTo('GET', '/api/v1/products').map((c) => c.query.get('cursor'))).toEqual([null, 'n1'])

  fireEvent.click(screen.getByRole('button', { name: '粗陶马克杯' }))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/product/index?id=p-mug' })
})

test('nothing found, and a failed search with a retry', async () => {
  let fail = true
  fakeBackend().on('GET', '/api/v1/products', () => (fail ? new Error('request:fail') : { body: { items: [], nextCursor: null } }))
  render(<SearchPage />)
  fireEvent.change(screen.getByLabelText('搜索商品'), { target: { value: '独角兽' } })
  fireEvent.click(screen.getByRole('button', { name: '搜索' }))
  expect(await screen.findByText('网络不太顺畅，请检查网络后重试')).toBeInTheDocument()
  fail = false
  fireEvent.click(screen.getByRole('button', { name: '重新加载' }))
  expect(await screen.findByText('没有找到「独角兽」')).toBeInTheDocument()
})

test('首页 has the search entry and 我的资料 (both in the pkg-reach subpackage)', async () => {
  fakeBackend().on('GET', '/api/v1/pages', { body: { items: [], nextCursor: null } })
  render(<Index />)
  await screen.findByText('新内容正在准备中')
  fireEvent.click(screen.getByRole('button', { name: '搜索商品' }))
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pkg-reach/search/index' })
  fireEvent.click(screen.getByRole('button', { name: '我的资料' }))
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pkg-reach/profile/index' })
})

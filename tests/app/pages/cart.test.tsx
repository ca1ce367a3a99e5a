import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __fire, __reset, __storage } from '../../setup/taro'
import CartPage from '../../../src/app/pages/cart/index'
import { useCartStore } from '../../../src/app/stores/cart-store'
import { useCheckoutStore } from '../../../src/app/stores/checkout-store'
import { apiError, fakeBackend } from '../helpers/fake-backend'
import { pricedCart } from '../helpers/fixtures'

type Item = { skuId: string; qty: number }

beforeEach(() => {
  __reset()
  useCartStore.setState({ lines: [], owner: null, priced: null, status: 'idle', error: null })
})

/** A server cart that prices whatever it is given, with per-SKU overrides. */
function serverPricing(overrides: Record<string, object> = {}) {
  return (c: { body: unknown }) => ({ body: pricedCart((c.body as { items: Item[] }).items.map((i) => ({ ...i, ...overrides[i.skuId] }))) })
}

test('an empty cart invites the shopper back to the stories', async () => {
  const backend = fakeBackend()
  render(<CartPage />)
  expect(screen.getByText('购物车还是空的')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '去逛逛' }))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
  expect(backend.calls).toHaveLength(0)
})

test('at the first sync after login the guest cart merges into the server cart, then the server prices it', async () => {
  useCartStore.setState({ lines: [{ skuId: 'sku-tee-white-m', qty: 1, seenPriceFen: 19900 }] })
  // The server already holds 2 tees and a mug for this user.
  const stored = [{ skuId: 'sku-tee-white-m', qty: 2 }, { skuId: 'sku-mug', qty: 1 }]
  const mug = { 'sku-mug': { title: '粗陶马克杯', attrs: {}, priceFen: 8800 } }
  const backend = fakeBackend()
    .withLogin('u1')
    .on('PUT', '/api/v1/cart', (c) => {
      const { items, merge } = c.body as { items: Item[]; merge?: boolean }
      if (!merge) return serverPricing(mug)(c)
      const merged = stored.map((s) => ({ ...s, qty: s.qty + (items.find((i) => i.skuId === s.skuId)?.qty ?? 0) }))
      return serverPricing(mug)({ body: { items: merged } })
    })
  render(<CartPage />)
  await screen.findByText('粗陶马克杯')
  expect(backend.callsTo('PUT', '/api/v1/cart')[0].body).toEqual({ items: [{ skuId: 'sku-tee-white-m', qty: 1 }], merge: true })
  // 3 × 199 + 88, priced by the server.
  expect(screen.getByText('¥685')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '结算(4)' })).toBeInTheDocument()
  expect(JSON.parse(__storage.get('cart') as string).state).toMatchObject({ owner: 'u1', lines: [{ skuId: 'sku-tee-white-m', qty: 3 }, { skuId: 'sku-mug', qty: 1 }] })

  // Showing the cart again (same user) does not merge twice: it saves the device's lines.
  await act(() => __fire('didShow'))
  expect(backend.callsTo('PUT', '/api/v1/cart').filter((c) => (c.body as { merge?: boolean }).merge)).toHaveLength(1)
  expect(backend.callsTo('PUT', '/api/v1/cart').at(-1)?.body).toEqual({ items: [{ skuId: 'sku-tee-white-m', qty: 3 }, { skuId: 'sku-mug', qty: 1 }] })
  // The seen price of the guest line survives the merge.
  expect(useCartStore.getState().lines[0]).toEqual({ skuId: 'sku-tee-white-m', qty: 3, seenPriceFen: 19900 })
})

test('lines with problems are flagged and left out of the total: sold out, low stock, price changed', async () => {
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  useCartStore.setState({
    owner: 'u1',
    lines: [
      { skuId: 'a', qty: 1, seenPriceFen: 19900 },
      { skuId: 'b', qty: 4, seenPriceFen: 19900 },
      { skuId: 'c', qty: 1, seenPriceFen: 15900 },
      { skuId: 'd', qty: 1, seenPriceFen: 19900 }
    ]
  })
  fakeBackend().on(
    'PUT',
    '/api/v1/cart',
    serverPricing({
      a: { title: '售罄的衫', problem: 'SOLD_OUT', maxQty: 0 },
      b: { title: '库存少的衫', problem: 'INSUFFICIENT_STOCK', maxQty: 2 },
      c: { title: '涨价的衫' },
      d: { title: '正常的衫' }
    })
  )
  render(<CartPage />)
  await screen.findByText('正常的衫')
  expect(within(screen.getByLabelText('售罄的衫')).getByText('该规格已售罄')).toBeInTheDocument()
  expect(within(screen.getByLabelText('库存少的衫')).getByText('库存仅剩 2 件，请减少数量')).toBeInTheDocument()
  expect(within(screen.getByLabelText('涨价的衫')).getByText('价格已由 ¥159 变为 ¥199')).toBeInTheDocument()
  expect(screen.getByText('部分商品暂时无法购买，结算时不包含这些商品')).toBeInTheDocument()
  // Only the one good line counts.
  expect(screen.getByRole('button', { name: '结算(1)' })).toBeInTheDocument()

  fireEvent.click(within(screen.getByLabelText('涨价的衫')).getByRole('button', { name: '按新价格购买' }))
  await waitFor(() => expect(screen.getByRole('button', { name: '结算(2)' })).toBeInTheDocument())
  expect(screen.getByText('¥398')).toBeInTheDocument()
})

test('quantities change and lines are removed, each repriced by the server', async () => {
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  useCartStore.setState({ owner: 'u1', lines: [{ skuId: 'sku-tee-white-m', qty: 1, seenPriceFen: 19900 }, { skuId: 'sku-mug', qty: 1, seenPriceFen: 8800 }] })
  const backend = fakeBackend().on('PUT', '/api/v1/cart', serverPricing({ 'sku-mug': { title: '粗陶马克杯', attrs: {}, priceFen: 8800 } }))
  render(<CartPage />)
  const tee = await screen.findByLabelText('亚麻短袖衫')
  fireEvent.click(within(tee).getByRole('button', { name: '增加' }))
  await waitFor(() => expect(screen.getByText('¥486')).toBeInTheDocument())
  expect(backend.callsTo('PUT', '/api/v1/cart').at(-1)?.body).toEqual({ items: [{ skuId: 'sku-tee-white-m', qty: 2 }, { skuId: 'sku-mug', qty: 1 }] })

  fireEvent.click(screen.getByRole('button', { name: '删除 粗陶马克杯' }))
  await waitFor(() => expect(screen.queryByText('粗陶马克杯')).toBeNull())
  await waitFor(() => expect(backend.callsTo('PUT', '/api/v1/cart').at(-1)?.body).toEqual({ items: [{ skuId: 'sku-tee-white-m', qty: 2 }] }))
})

test('when pricing fails the cart says so and retries on request', async () => {
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  useCartStore.setState({ owner: 'u1', lines: [{ skuId: 'sku-tee-white-m', qty: 1 }] })
  let down = true
  fakeBackend().on('PUT', '/api/v1/cart', (c) => (down ? apiError(503, 'UNAVAILABLE', '') : serverPricing()(c)))
  render(<CartPage />)
  expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeInTheDocument()
  down = false
  fireEvent.click(screen.getByRole('button', { name: '重新加载' }))
  expect(await screen.findByText('亚麻短袖衫')).toBeInTheDocument()
})

test('结算 hands the payable lines to checkout', async () => {
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  useCartStore.setState({ owner: 'u1', lines: [{ skuId: 'sku-tee-white-m', qty: 2 }, { skuId: 'gone', qty: 1 }] })
  fakeBackend().on('PUT', '/api/v1/cart', serverPricing({ gone: { productId: null, title: '', problem: 'SKU_GONE', maxQty: 0 } }))
  render(<CartPage />)
  fireEvent.click(await screen.findByRole('button', { name: '结算(2)' }))
  expect(useCheckoutStore.getState()).toMatchObject({ source: 'cart', items: [{ skuId: 'sku-tee-white-m', qty: 2, priceFen: 19900, productId: 'p-tee' }] })
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/checkout/index' })
})

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __reset, __storage } from '../../setup/taro'
import CheckoutPage from '../../../src/app/pages/checkout/index'
import { useCartStore } from '../../../src/app/stores/cart-store'
import { useCheckoutStore, type CheckoutItem } from '../../../src/app/stores/checkout-store'
import { browser } from '../../../src/app/services/env'
import { rememberArrivedShare, rememberContent } from '../../../src/app/services/attribution'
import { apiError, fakeBackend } from '../helpers/fake-backend'
import { taroExtras } from '../helpers/taro-extras'
import { order, pricedCart } from '../helpers/fixtures'

const ADDRESS = { name: '林小满', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 1 号' }
const TEE: CheckoutItem = { skuId: 'sku-tee-white-m', qty: 2, productId: 'p-tee', title: '亚麻短袖衫', attrs: { 颜色: '白', 尺码: 'M' }, priceFen: 19900 }
const PAYMENT = { timeStamp: '1767225600', nonceStr: 'n0nce', package: 'prepay_id=wx123', signType: 'RSA', paySign: 'c2ln' }
const originalEnv = process.env.TARO_ENV

beforeEach(() => {
  __reset()
  process.env.TARO_ENV = 'weapp'
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  useCheckoutStore.setState({ items: [TEE], source: 'cart', address: null, attemptKey: 'ck-attempt-1' })
  useCartStore.setState({ lines: [{ skuId: TEE.skuId, qty: 2 }, { skuId: 'sku-mug', qty: 1 }], owner: 'u1', priced: null, status: 'idle', error: null })
})
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

function shop() {
  return fakeBackend()
    .on('GET', '/api/v1/me/coupons', { body: { items: [] } })
    .on('POST', '/api/v1/orders', { status: 201, body: { order: order() } })
    .on('POST', '/api/v1/orders/o-1/pay', { body: { payment: PAYMENT } })
    .on('PUT', '/api/v1/cart', (c) => ({ body: pricedCart((c.body as { items: Array<{ skuId: string; qty: number }> }).items) }))
    .on('POST', '/api/v1/events', { body: { accepted: 1, duplicates: 0, rejected: [] } })
}

test('nothing to check out: say so and point to the cart', () => {
  useCheckoutStore.setState({ items: [] })
  render(<CheckoutPage />)
  expect(screen.getByText('没有要结算的商品')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '去购物车' }))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/cart/index' })
})

test('the summary lists the items and the total; submitting without an address asks for one', async () => {
  const backend = shop()
  render(<CheckoutPage />)
  expect(screen.getByText('亚麻短袖衫')).toBeInTheDocument()
  expect(screen.getByText('商品合计（2 件）')).toBeInTheDocument()
  expect(screen.getAllByText('¥398').length).toBeGreaterThan(0)
  fireEvent.click(screen.getByRole('button', { name: '提交订单并支付' }))
  expect(await screen.findByText('请先填写收货地址')).toBeInTheDocument()
  expect(backend.callsTo('POST', '/api/v1/orders')).toHaveLength(0)
})

test('the missing-address notice sits at the top with the address block, the page scrolls up to it, and it goes once an address is saved', async () => {
  const { pageScrollTo } = taroExtras()
  pageScrollTo.mockClear()
  shop()
  render(<CheckoutPage />)
  fireEvent.click(screen.getByRole('button', { name: '提交订单并支付' }))
  const notice = await screen.findByText('请先填写收货地址')
  expect(pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ scrollTop: 0 }))
  // Drawn before the address choices, not by the submit bar at the bottom.
  const choose = screen.getByRole('button', { name: '选择微信收货地址' })
  expect(notice.compareDocumentPosition(choose) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  expect(notice.compareDocumentPosition(screen.getByText('商品合计（2 件）')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()

  fireEvent.click(screen.getByRole('button', { name: '手动填写' }))
  fireEvent.change(screen.getByLabelText('收货人'), { target: { value: ADDRESS.name } })
  fireEvent.change(screen.getByLabelText('手机号'), { target: { value: ADDRESS.phone } })
  fireEvent.change(screen.getByLabelText('省份'), { target: { value: ADDRESS.province } })
  fireEvent.change(screen.getByLabelText('城市'), { target: { value: ADDRESS.city } })
  fireEvent.change(screen.getByLabelText('区县'), { target: { value: ADDRESS.district } })
  fireEvent.change(screen.getByLabelText('详细地址'), { target: { value: ADDRESS.detail } })
  fireEvent.click(screen.getByRole('button', { name: '保存地址' }))
  expect(await screen.findByText('林小满 13800138000')).toBeInTheDocument()
  expect(screen.queryByText('请先填写收货地址')).not.toBeInTheDocument()
})

test('WeChat address book first; when it is unavailable the form takes over and checks the fields', async () => {
  ;(Taro.chooseAddress as jest.Mock).mockResolvedValueOnce({ userName: '林小满', telNumber: '13800138000', provinceName: '浙江省', cityName: '杭州市', countyName: '西湖区', detailInfo: '文三路 1 号' })
  render(<CheckoutPage />)
  fireEvent.click(screen.getByRole('button', { name: '选择微信收货地址' }))
  expect(await screen.findByText('林小满 13800138000')).toBeInTheDocument()

  // Refused the next time: the manual form, with core's checks.
  fireEvent.click(screen.getByRole('button', { name: '更换' }))
  expect(await screen.findByText('无法读取微信地址，请手动填写')).toBeInTheDocument()
  fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '12345' } })
  fireEvent.click(screen.getByRole('button', { name: '保存地址' }))
  expect(await screen.findByText('请填写 11 位手机号')).toBeInTheDocument()
  fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '139 0000 1111' } })
  fireEvent.click(screen.getByRole('button', { name: '保存地址' }))
  expect(await screen.findByText('林小满 13900001111')).toBeInTheDocument()
  expect(useCheckoutStore.getState().address?.phone).toBe('13900001111')
})

test('submit → order (idempotency key, attribution hint) → requestPayment with RSA → the paid result page', async () => {
  useCheckoutStore.setState({ address: ADDRESS })
  rememberArrivedShare('sh-parent')
  rememberContent('summer-linen')
  const backend = shop()
  render(<CheckoutPage />)
  fireEvent.click(screen.getByRole('button', { name: '提交订单并支付' }))
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-orders/detail/index?id=o-1&paid=1' }))

  const [create] = backend.callsTo('POST', '/api/v1/orders')
  expect(create.headers['Idempotency-Key']).toBe('ck-attempt-1')
  expect(create.body).toEqual({ items: [{ skuId: TEE.skuId, qty: 2 }], address: ADDRESS, attribution: { shareId: 'sh-parent', contentSlug: 'summer-linen', scene: 1001 } })
  expect(Taro.requestPayment).toHaveBeenCalledWith({ ...PAYMENT, signType: 'RSA' })
  // The ordered lines leave the cart; the rest stays.
  expect(useCartStore.getState().lines).toEqual([{ skuId: 'sku-mug', qty: 1 }])
  expect(useCheckoutStore.getState().attemptKey).not.toBe('ck-attempt-1')
})

test('a cancelled payment leaves the order payable: the order page opens with the cancel notice', async () => {
  useCheckoutStore.setState({ address: ADDRESS })
  ;(Taro.requestPayment as jest.Mock).mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' })
  shop()
  render(<CheckoutPage />)
  fireEvent.click(screen.getByRole('button', { name: '提交订单并支付' }))
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-orders/detail/index?id=o-1&cancel=1' }))
})

test('out of stock at submit names the item and keeps the shopper on the page', async () => {
  useCheckoutStore.setState({ address: ADDRESS })
  fakeBackend().on('POST', '/api/v1/orders', apiError(409, 'OUT_OF_STOCK', '库存不足', { skuId: TEE.skuId }))
  render(<CheckoutPage />)
  fireEvent.click(screen.getByRole('button', { name: '提交订单并支付' }))
  expect(await screen.findByText('「亚麻短袖衫」库存不足，请返回调整数量')).toBeInTheDocument()
  expect(Taro.requestPayment).not.toHaveBeenCalled()
  expect(useCheckoutStore.getState().attemptKey).toBe('ck-attempt-1')
})

test('H5 preview: the same submit opens the sandbox cashier with the prepay id and a return to the order page', async () => {
  process.env.TARO_ENV = 'h5'
  useCheckoutStore.setState({ address: ADDRESS })
  const assign = jest.spyOn(browser, 'assign').mockImplementation(() => {})
  shop()
  render(<CheckoutPage />)
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '提交订单并支付' })))
  await waitFor(() => expect(assign).toHaveBeenCalled())
  const url = new URL(assign.mock.calls[0][0])
  expect(url.origin + url.pathname).toBe('http://sandbox.test/pay')
  expect(url.searchParams.get('prepay_id')).toBe('wx123')
  expect(url.searchParams.get('return')).toBe('http://localhost/#/pkg-orders/detail/index?id=o-1')
  expect(Taro.requestPayment).not.toHaveBeenCalled()
  expect(Taro.redirectTo).not.toHaveBeenCalled()
  assign.mockRestore()
})

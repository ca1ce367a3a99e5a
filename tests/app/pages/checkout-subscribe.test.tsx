import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __reset, __storage } from '../../setup/taro'
import CheckoutPage from '../../../src/app/pages/checkout/index'
import { useCartStore } from '../../../src/app/stores/cart-store'
import { useCheckoutStore, type CheckoutItem } from '../../../src/app/stores/checkout-store'
import { browser } from '../../../src/app/services/env'
import { apiError, fakeBackend } from '../helpers/fake-backend'
import { order, pricedCart } from '../helpers/fixtures'
import { taroExtras } from '../helpers/taro-extras'

const ADDRESS = { name: '林小满', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 1 号' }
const TEE: CheckoutItem = { skuId: 'sku-tee-white-m', qty: 2, productId: 'p-tee', title: '亚麻短袖衫', attrs: { 颜色: '白', 尺码: 'M' }, priceFen: 19900 }
const PAYMENT = { timeStamp: '1767225600', nonceStr: 'n0nce', package: 'prepay_id=wx123', signType: 'RSA', paySign: 'c2ln' }
const TEMPLATES = { shipped: 'TPL-SHIP', refund: 'TPL-REFUND', afterSale: 'TPL-AS', launch: 'TPL-LAUNCH' }
const originalEnv = process.env.TARO_ENV
const g = globalThis as { SUBSCRIBE_TEMPLATES?: string }

beforeEach(() => {
  __reset()
  process.env.TARO_ENV = 'weapp'
  g.SUBSCRIBE_TEMPLATES = JSON.stringify(TEMPLATES)
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  useCheckoutStore.setState({ items: [TEE], source: 'cart', address: ADDRESS, attemptKey: 'ck-attempt-1' })
  useCartStore.setState({ lines: [{ skuId: TEE.skuId, qty: 2 }], owner: 'u1', priced: null, status: 'idle', error: null })
})
afterEach(() => {
  process.env.TARO_ENV = originalEnv
  delete g.SUBSCRIBE_TEMPLATES
})

function shop() {
  return fakeBackend()
    .on('POST', '/api/v1/orders', { status: 201, body: { order: order() } })
    .on('POST', '/api/v1/orders/o-1/pay', { body: { payment: PAYMENT } })
    .on('PUT', '/api/v1/cart', (c) => ({ body: pricedCart((c.body as { items: Array<{ skuId: string; qty: number }> }).items) }))
    .on('POST', '/api/v1/events', { body: { accepted: 1, duplicates: 0, rejected: [] } })
    .on('POST', '/api/v1/me/subscriptions', { body: {} })
}

const pay = () => fireEvent.click(screen.getByRole('button', { name: '提交订单并支付' }))
const paidPage = () => waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-orders/detail/index?id=o-1&paid=1' }))

test('the order-update templates are asked in the submitting tap, before the cashier; what was accepted is recorded', async () => {
  const backend = shop()
  let ordersWhenAsked = -1
  taroExtras().requestSubscribeMessage.mockImplementationOnce(async () => {
    ordersWhenAsked = backend.callsTo('POST', '/api/v1/orders').length
    return { errMsg: 'requestSubscribeMessage:ok', 'TPL-SHIP': 'accept', 'TPL-REFUND': 'reject', 'TPL-AS': 'accept' }
  })
  render(<CheckoutPage />)
  pay()
  await paidPage()
  expect(taroExtras().requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['TPL-SHIP', 'TPL-REFUND', 'TPL-AS'] })
  expect(ordersWhenAsked).toBe(0)
  expect(taroExtras().requestSubscribeMessage.mock.invocationCallOrder[0]).toBeLessThan((Taro.requestPayment as jest.Mock).mock.invocationCallOrder[0])
  await waitFor(() => expect(backend.callsTo('POST', '/api/v1/me/subscriptions')).toHaveLength(1))
  expect(backend.callsTo('POST', '/api/v1/me/subscriptions')[0].body).toEqual({ accepted: ['shipped', 'afterSale'] })
})

test('nothing accepted: nothing recorded, and paying goes on', async () => {
  const backend = shop()
  taroExtras().requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'TPL-SHIP': 'reject', 'TPL-REFUND': 'ban', 'TPL-AS': 'filter' })
  render(<CheckoutPage />)
  pay()
  await paidPage()
  expect(backend.callsTo('POST', '/api/v1/me/subscriptions')).toHaveLength(0)
})

test('the dialog failing, or the server refusing the record, never stops the payment', async () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  shop()
  taroExtras().requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 20004 })
  const first = render(<CheckoutPage />)
  pay()
  await paidPage()
  expect(Taro.requestPayment).toHaveBeenCalledTimes(1)
  expect(error).toHaveBeenCalledWith('subscriptions: requestSubscribeMessage failed', expect.anything())
  first.unmount()

  __reset()
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  useCheckoutStore.setState({ items: [TEE], source: 'cart', address: ADDRESS, attemptKey: 'ck-attempt-2' })
  const backend = shop().on('POST', '/api/v1/me/subscriptions', apiError(500, 'INTERNAL', 'boom'))
  taroExtras().requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'TPL-SHIP': 'accept' })
  render(<CheckoutPage />)
  pay()
  await paidPage()
  expect(Taro.requestPayment).toHaveBeenCalledTimes(1)
  await waitFor(() => expect(backend.callsTo('POST', '/api/v1/me/subscriptions')).toHaveLength(1))
  await waitFor(() => expect(error).toHaveBeenCalledWith('subscriptions: could not record what the shopper accepted', expect.anything()))
  error.mockRestore()
})

test('no templates configured, or the H5 preview: no dialog at all', async () => {
  delete g.SUBSCRIBE_TEMPLATES
  shop()
  const first = render(<CheckoutPage />)
  pay()
  await paidPage()
  expect(taroExtras().requestSubscribeMessage).not.toHaveBeenCalled()
  first.unmount()

  process.env.TARO_ENV = 'h5'
  g.SUBSCRIBE_TEMPLATES = JSON.stringify(TEMPLATES)
  useCheckoutStore.setState({ items: [TEE], source: 'cart', address: ADDRESS, attemptKey: 'ck-attempt-3' })
  const assign = jest.spyOn(browser, 'assign').mockImplementation(() => undefined)
  render(<CheckoutPage />)
  pay()
  await waitFor(() => expect(assign).toHaveBeenCalled())
  expect(taroExtras().requestSubscribeMessage).not.toHaveBeenCalled()
  assign.mockRestore()
})

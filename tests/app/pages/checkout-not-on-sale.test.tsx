import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { __reset, __storage } from '../../setup/taro'
import CheckoutPage from '../../../src/app/pages/checkout/index'
import { useCartStore } from '../../../src/app/stores/cart-store'
import { useCheckoutStore, type CheckoutItem } from '../../../src/app/stores/checkout-store'
import { apiError, fakeBackend } from '../helpers/fake-backend'

const ADDRESS = { name: '林小满', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 1 号' }
const WOOL: CheckoutItem = { skuId: 'sku-wool-m', qty: 1, productId: 'p-wool', title: '羊毛开衫', attrs: { 尺码: 'M' }, priceFen: 59900 }

beforeEach(() => {
  __reset()
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  useCheckoutStore.setState({ items: [WOOL], source: 'cart', address: ADDRESS, attemptKey: 'ck-attempt-1' })
  useCartStore.setState({ lines: [{ skuId: WOOL.skuId, qty: 1 }], owner: 'u1', priced: null, status: 'idle', error: null })
})

test('409 NOT_ON_SALE (details: productId, launchAt) names the product and its launch time, and keeps the shopper on the page', async () => {
  const until = '2026-12-24T20:00:00+08:00'
  fakeBackend().on('POST', '/api/v1/orders', apiError(409, 'NOT_ON_SALE', 'not on sale yet', { productId: WOOL.productId, launchAt: until }))
  render(<CheckoutPage />)
  fireEvent.click(screen.getByRole('button', { name: '提交订单并支付' }))
  expect(await screen.findByText(`「羊毛开衫」尚未开售，${dayjs(until).format('M月D日 HH:mm')} 开售，请移除后再提交`)).toBeInTheDocument()
  expect(Taro.requestPayment).not.toHaveBeenCalled()
  expect(useCheckoutStore.getState().items).toEqual([WOOL])
})

test('NOT_ON_SALE without details still says what is wrong', async () => {
  fakeBackend().on('POST', '/api/v1/orders', apiError(409, 'NOT_ON_SALE', 'not on sale yet'))
  render(<CheckoutPage />)
  fireEvent.click(screen.getByRole('button', { name: '提交订单并支付' }))
  expect(await screen.findByText('部分商品尚未开售，请移除后再提交')).toBeInTheDocument()
})

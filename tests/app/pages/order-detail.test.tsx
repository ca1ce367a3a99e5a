import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __reset, __router, __storage } from '../../setup/taro'
import OrderDetailPage from '../../../src/app/pkg-orders/detail/index'
import { fakeBackend } from '../helpers/fake-backend'
import { order } from '../helpers/fixtures'

const originalEnv = process.env.TARO_ENV
const PAYMENT = { timeStamp: '1767225600', nonceStr: 'n', package: 'prepay_id=wx9', signType: 'RSA', paySign: 's' }

beforeEach(() => {
  __reset()
  process.env.TARO_ENV = 'weapp'
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
})
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

test('back from a cancelled payment: the order stays payable, with a countdown to its expiry', async () => {
  const expiresAt = new Date(Date.now() + 9 * 60_000 + 30_000).toISOString()
  fakeBackend().on('GET', '/api/v1/orders/o-1', { body: { order: order({ expiresAt }) } })
  __router.params = { id: 'o-1', cancel: '1' }
  render(<OrderDetailPage />)
  expect(await screen.findByText('等待付款')).toBeInTheDocument()
  expect(screen.getByText('已取消支付，订单已为你保留，可在倒计时结束前继续支付')).toBeInTheDocument()
  expect(screen.getByText(/^09:(29|30)$/)).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '继续支付' })).toBeInTheDocument()
  expect(screen.getByText('应付')).toBeInTheDocument()
})

test('after the cashier says ok the app asks the server (?sync=1) until the order is paid', async () => {
  let asks = 0
  const backend = fakeBackend().on('GET', '/api/v1/orders/o-1', () => {
    asks++
    return { body: { order: order(asks < 2 ? {} : { status: 'paid', paidAt: '2026-01-01T10:05:00+08:00' }) } }
  })
  __router.params = { id: 'o-1', paid: '1' }
  render(<OrderDetailPage />)
  expect(await screen.findByText('已支付', {}, { timeout: 4000 })).toBeInTheDocument()
  expect(screen.getByText('订单待发货')).toBeInTheDocument()
  expect(backend.callsTo('GET', '/api/v1/orders/o-1').every((c) => c.query.get('sync') === '1')).toBe(true)
  expect(screen.getByText('实付')).toBeInTheDocument()
})

test('pay again from the order page: requestPayment (RSA), then the server confirms', async () => {
  let paid = false
  const backend = fakeBackend()
    .on('GET', '/api/v1/orders/o-1', () => ({ body: { order: order(paid ? { status: 'paid' } : {}) } }))
    .on('POST', '/api/v1/orders/o-1/pay', () => {
      paid = true
      return { body: { payment: PAYMENT } }
    })
  __router.params = { id: 'o-1' }
  render(<OrderDetailPage />)
  fireEvent.click(await screen.findByRole('button', { name: '继续支付' }))
  expect(await screen.findByText('已支付')).toBeInTheDocument()
  expect(Taro.requestPayment).toHaveBeenCalledWith({ ...PAYMENT, signType: 'RSA' })
  expect(backend.callsTo('GET', '/api/v1/orders/o-1').at(-1)?.query.get('sync')).toBe('1')
})

test('a cancelled cashier on pay-again keeps the order payable and says so', async () => {
  ;(Taro.requestPayment as jest.Mock).mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' })
  fakeBackend().on('GET', '/api/v1/orders/o-1', { body: { order: order() } }).on('POST', '/api/v1/orders/o-1/pay', { body: { payment: PAYMENT } })
  __router.params = { id: 'o-1' }
  render(<OrderDetailPage />)
  fireEvent.click(await screen.findByRole('button', { name: '继续支付' }))
  expect(await screen.findByText('已取消支付，订单已为你保留，可在倒计时结束前继续支付')).toBeInTheDocument()
  expect(screen.getByText('等待付款')).toBeInTheDocument()
})

test('cancelling an unpaid order asks first, then shows it closed', async () => {
  const backend = fakeBackend()
    .on('GET', '/api/v1/orders/o-1', { body: { order: order() } })
    .on('POST', '/api/v1/orders/o-1/cancel', { body: { order: order({ status: 'closed' }) } })
  __router.params = { id: 'o-1' }
  render(<OrderDetailPage />)
  fireEvent.click(await screen.findByRole('button', { name: '取消订单' }))
  expect(await screen.findByText('已关闭')).toBeInTheDocument()
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消订单' }))
  expect(backend.callsTo('POST', '/api/v1/orders/o-1/cancel')).toHaveLength(1)
  expect(screen.queryByRole('button', { name: '继续支付' })).toBeNull()
})

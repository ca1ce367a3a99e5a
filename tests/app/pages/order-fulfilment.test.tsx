import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { __fire, __reset, __router, __storage } from '../../setup/taro'
import OrderDetailPage from '../../../src/app/pkg-orders/detail/index'
import { browser } from '../../../src/app/services/env'
import { noteAppShow } from '../../../src/app/services/receipt'
import { apiError, fakeBackend } from '../helpers/fake-backend'
import { afterSale, order, shippedOrder } from '../helpers/fixtures'
import { taroExtras } from '../helpers/taro-extras'

const originalEnv = process.env.TARO_ENV
const g = globalThis as { wx?: { openBusinessView?: jest.Mock } }
const CONFIRM_APPID = 'wx1183b055aeec94d1'
const TX = '4200000001202601011234567890'
// Times show in the phone's zone; the test machine's may differ from Beijing's.
const local = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss')

beforeEach(() => {
  __reset()
  process.env.TARO_ENV = 'weapp'
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  __router.params = { id: 'o-1' }
})
afterEach(() => {
  process.env.TARO_ENV = originalEnv
  delete g.wx
})

/** WeChat's confirm component: opens, and later the app shows again with its answer. */
function wechatConfirm() {
  const openBusinessView = jest.fn((opts: { success?: () => void }) => opts.success?.())
  g.wx = { openBusinessView }
  return {
    openBusinessView,
    async answer(status: 'success' | 'fail' | 'cancel', errormsg?: string) {
      noteAppShow({ scene: 1038, referrerInfo: { appId: CONFIRM_APPID, extraData: { status, errormsg, req_extradata: { transaction_id: TX } } } })
      await act(() => __fire('didShow'))
    }
  }
}

test('a shipped order shows each parcel with carrier and tracking number, copyable, and when it confirms by itself', async () => {
  fakeBackend().on('GET', '/api/v1/orders/o-1', { body: { order: shippedOrder() } })
  render(<OrderDetailPage />)
  expect(await screen.findByText('已发货')).toBeInTheDocument()
  expect(screen.getByText('1月11日后将自动确认收货')).toBeInTheDocument()
  const parcels = screen.getByLabelText('物流信息')
  expect(within(parcels).getByText('分 2 个包裹发出')).toBeInTheDocument()
  const first = within(parcels).getByLabelText('包裹 1')
  expect(within(first).getByText('包裹 1 · 顺丰速运')).toBeInTheDocument()
  expect(within(first).getByText('运单号 SF1234567890')).toBeInTheDocument()
  expect(within(first).getByText('亚麻短袖衫 × 1')).toBeInTheDocument()
  expect(within(within(parcels).getByLabelText('包裹 2')).getByText('运单号 75312345678')).toBeInTheDocument()
  fireEvent.click(within(first).getByRole('button', { name: '复制运单号 SF1234567890' }))
  expect(taroExtras().setClipboardData).toHaveBeenCalledWith({ data: 'SF1234567890' })
  expect(screen.getByText(`发货时间：${local('2026-01-01T16:30:00+08:00')}`)).toBeInTheDocument()
  expect(screen.getByText(`自动确认收货：${local('2026-01-11T16:30:00+08:00')}`)).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '联系客服' })).toBeInTheDocument()
})

test('确认收货 in weapp: WeChat\'s confirm component by transaction id, its answer in App.onShow, then the server checks and completes', async () => {
  const completed = shippedOrder({ status: 'completed', completedAt: '2026-01-05T12:00:00+08:00' })
  const backend = fakeBackend()
    .on('GET', '/api/v1/orders/o-1', { body: { order: shippedOrder() } })
    .on('POST', '/api/v1/orders/o-1/confirm-receipt', { body: { order: completed } })
  const wechat = wechatConfirm()
  render(<OrderDetailPage />)
  fireEvent.click(await screen.findByRole('button', { name: '确认收货' }))
  expect(wechat.openBusinessView).toHaveBeenCalledWith(expect.objectContaining({ businessType: 'weappOrderConfirm', extraData: { transaction_id: TX } }))
  expect(backend.callsTo('POST', '/api/v1/orders/o-1/confirm-receipt')).toHaveLength(0)
  await wechat.answer('success')
  expect(await screen.findByText('已完成')).toBeInTheDocument()
  expect(backend.callsTo('POST', '/api/v1/orders/o-1/confirm-receipt')).toHaveLength(1)
  expect(screen.getByText(`完成时间：${local('2026-01-05T12:00:00+08:00')}`)).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '确认收货' })).toBeNull()
})

test('WeChat\'s component cancelled or failed: nothing is sent to the server, and a failure says why', async () => {
  const backend = fakeBackend().on('GET', '/api/v1/orders/o-1', { body: { order: shippedOrder() } })
  const wechat = wechatConfirm()
  render(<OrderDetailPage />)
  fireEvent.click(await screen.findByRole('button', { name: '确认收货' }))
  await wechat.answer('cancel')
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未确认收货' }))
  fireEvent.click(screen.getByRole('button', { name: '确认收货' }))
  await wechat.answer('fail', '非下单用户')
  expect(await screen.findByText(/确认收货未完成：非下单用户/)).toBeInTheDocument()
  expect(backend.callsTo('POST', '/api/v1/orders/o-1/confirm-receipt')).toHaveLength(0)
})

test('another mini-program coming back is not taken for the confirm component', async () => {
  const backend = fakeBackend().on('GET', '/api/v1/orders/o-1', { body: { order: shippedOrder() } })
  wechatConfirm()
  render(<OrderDetailPage />)
  fireEvent.click(await screen.findByRole('button', { name: '确认收货' }))
  noteAppShow({ referrerInfo: { appId: 'wx0000000000000000', extraData: { status: 'success' } } })
  await act(() => __fire('didShow'))
  expect(backend.callsTo('POST', '/api/v1/orders/o-1/confirm-receipt')).toHaveLength(0)
})

test('the server refusing the confirmation (WeChat has no receipt yet) is shown, the order stays shipped', async () => {
  fakeBackend()
    .on('GET', '/api/v1/orders/o-1', { body: { order: shippedOrder() } })
    .on('POST', '/api/v1/orders/o-1/confirm-receipt', apiError(409, 'RECEIPT_NOT_CONFIRMED', '微信尚未确认收货，请稍后重试'))
  const wechat = wechatConfirm()
  render(<OrderDetailPage />)
  fireEvent.click(await screen.findByRole('button', { name: '确认收货' }))
  await wechat.answer('success')
  expect(await screen.findByText('确认收货未完成：微信尚未确认收货，请稍后重试')).toBeInTheDocument()
  expect(screen.getByText('已发货')).toBeInTheDocument()
})

test('a WeChat too old for the component is asked to upgrade', async () => {
  fakeBackend().on('GET', '/api/v1/orders/o-1', { body: { order: shippedOrder() } })
  g.wx = {}
  render(<OrderDetailPage />)
  fireEvent.click(await screen.findByRole('button', { name: '确认收货' }))
  expect(await screen.findByRole('button', { name: '确认收货' })).toBeInTheDocument()
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '当前微信版本不支持确认收货，请升级微信后重试' }))
})

test('确认收货 in H5 goes through the sandbox page and, back with confirm_status=success, asks the server', async () => {
  process.env.TARO_ENV = 'h5'
  const assign = jest.spyOn(browser, 'assign').mockImplementation(() => undefined)
  const backend = fakeBackend()
    .on('GET', '/api/v1/orders/o-1', { body: { order: shippedOrder() } })
    .on('POST', '/api/v1/orders/o-1/confirm-receipt', { body: { order: shippedOrder({ status: 'completed', completedAt: '2026-01-05T12:00:00+08:00' }) } })
  const first = render(<OrderDetailPage />)
  fireEvent.click(await screen.findByRole('button', { name: '确认收货' }))
  const url = new URL(assign.mock.calls[0][0])
  expect(`${url.origin}${url.pathname}`).toBe('http://sandbox.test/sandbox/confirm-receipt')
  expect(url.searchParams.get('transaction_id')).toBe(TX)
  expect(url.searchParams.get('return')).toBe('http://localhost/#/pkg-orders/detail/index?id=o-1')
  expect(backend.callsTo('POST', '/api/v1/orders/o-1/confirm-receipt')).toHaveLength(0)
  first.unmount()

  __router.params = { id: 'o-1', confirm_status: 'success' }
  render(<OrderDetailPage />)
  expect(await screen.findByText('已完成')).toBeInTheDocument()
  expect(backend.callsTo('POST', '/api/v1/orders/o-1/confirm-receipt')).toHaveLength(1)
  assign.mockRestore()
})

test('H5 back from the sandbox with confirm_status=cancel changes nothing', async () => {
  process.env.TARO_ENV = 'h5'
  const backend = fakeBackend().on('GET', '/api/v1/orders/o-1', { body: { order: shippedOrder() } })
  __router.params = { id: 'o-1', confirm_status: 'cancel' }
  render(<OrderDetailPage />)
  expect(await screen.findByText('已发货')).toBeInTheDocument()
  expect(backend.callsTo('POST', '/api/v1/orders/o-1/confirm-receipt')).toHaveLength(0)
})

test('an order outside WeChat\'s trade management is confirmed by the server alone, after asking the shopper', async () => {
  const { transactionId: _omit, ...plain } = shippedOrder()
  const backend = fakeBackend()
    .on('GET', '/api/v1/orders/o-1', { body: { order: plain } })
    .on('POST', '/api/v1/orders/o-1/confirm-receipt', { body: { order: { ...plain, status: 'completed', completedAt: '2026-01-05T12:00:00+08:00' } } })
  render(<OrderDetailPage />)
  fireEvent.click(await screen.findByRole('button', { name: '确认收货' }))
  expect(await screen.findByText('已完成')).toBeInTheDocument()
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认收货' }))
  expect(backend.callsTo('POST', '/api/v1/orders/o-1/confirm-receipt')).toHaveLength(1)
})

test('opened from WeChat\'s service message (transaction_id, no id): the order is looked up, and confirms by that transaction', async () => {
  const backend = fakeBackend().on('GET', '/api/v1/orders/lookup', { body: { order: { ...shippedOrder(), transactionId: undefined } } })
  const wechat = wechatConfirm()
  __router.params = { transaction_id: '4200000009', merchant_id: '1900000109', merchant_trade_no: 'T20260101000001' }
  render(<OrderDetailPage />)
  expect(await screen.findByText('已发货')).toBeInTheDocument()
  const lookup = backend.callsTo('GET', '/api/v1/orders/lookup')[0]
  expect(lookup.query.get('transaction_id')).toBe('4200000009')
  expect(lookup.query.get('merchant_trade_no')).toBe('T20260101000001')
  fireEvent.click(screen.getByRole('button', { name: '确认收货' }))
  expect(wechat.openBusinessView).toHaveBeenCalledWith(expect.objectContaining({ extraData: { transaction_id: '4200000009' } }))
})

test('a service-message link to an order that is not this shopper\'s says so', async () => {
  fakeBackend().on('GET', '/api/v1/orders/lookup', apiError(404, 'ORDER_NOT_FOUND', 'No such order of yours'))
  __router.params = { merchant_trade_no: 'T999' }
  render(<OrderDetailPage />)
  expect(await screen.findByText('找不到这笔订单，请从「我的订单」进入')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '重新加载' })).toBeInTheDocument()
})

test('refunds show with their state in Chinese, and what was refunded', async () => {
  fakeBackend().on('GET', '/api/v1/orders/o-1', {
    body: {
      order: shippedOrder({
        refundedFen: 8800,
        refunds: [
          { id: 'rf-1', amountFen: 8800, status: 'succeeded', createdAt: '2026-01-03T10:00:00+08:00', settledAt: '2026-01-03T10:02:00+08:00' },
          { id: 'rf-2', amountFen: 5000, status: 'processing', createdAt: '2026-01-04T10:00:00+08:00', settledAt: null },
          { id: 'rf-3', amountFen: 1000, status: 'failed', createdAt: '2026-01-04T11:00:00+08:00', settledAt: null }
        ]
      })
    }
  })
  render(<OrderDetailPage />)
  const refunds = await screen.findByLabelText('退款记录')
  expect(within(refunds).getByLabelText('退款 已退款')).toHaveTextContent('¥88')
  expect(within(refunds).getByLabelText('退款 退款中')).toHaveTextContent('¥50')
  expect(within(refunds).getByLabelText('退款 退款失败')).toHaveTextContent('退款未成功')
  expect(screen.getByLabelText('已退款金额')).toHaveTextContent('¥88')
})

test('an open after-sales request shows its state and can be withdrawn; then 申请售后 is offered again', async () => {
  let current = shippedOrder({ afterSale: afterSale() })
  const backend = fakeBackend()
    .on('GET', '/api/v1/orders/o-1', () => ({ body: { order: current } }))
    .on('POST', '/api/v1/after-sales/as-1/cancel', () => {
      current = { ...current, afterSale: afterSale({ status: 'cancelled' }) }
      return { body: { afterSale: current.afterSale } }
    })
  render(<OrderDetailPage />)
  const card = await screen.findByLabelText('售后申请')
  expect(within(card).getByText('售后 · 仅退款')).toBeInTheDocument()
  expect(within(card).getByText('待审核')).toBeInTheDocument()
  expect(within(card).getByText('等待商家审核，审核结果会通知你')).toBeInTheDocument()
  expect(screen.getByText('售后处理中，进度见下方')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '申请售后' })).toBeNull()
  fireEvent.click(within(card).getByRole('button', { name: '撤销申请' }))
  expect(await within(card).findByText('已撤销')).toBeInTheDocument()
  expect(backend.callsTo('POST', '/api/v1/after-sales/as-1/cancel')).toHaveLength(1)
  fireEvent.click(await screen.findByRole('button', { name: '申请售后' }))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-orders/after-sale/index?id=o-1' })
})

test('a rejected request shows the shop\'s reason; an approved return asks for the parcel back', async () => {
  const backend = fakeBackend().on('GET', '/api/v1/orders/o-1', { body: { order: shippedOrder({ afterSale: afterSale({ status: 'rejected', rejectReason: '商品已使用，不支持退货' }) }) } })
  const view = render(<OrderDetailPage />)
  expect(await screen.findByText('商家未同意：商品已使用，不支持退货')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '撤销申请' })).toBeNull()
  view.unmount()

  backend.on('GET', '/api/v1/orders/o-1', { body: { order: shippedOrder({ afterSale: afterSale({ kind: 'return', status: 'awaiting_return' }) }) } })
  render(<OrderDetailPage />)
  expect(await screen.findByText('商家已同意退货，请寄回商品并填写退货物流')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '填写退货物流' }))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-orders/return/index?id=o-1' })
})

test('coming back from 申请售后 shows the new request without a manual refresh', async () => {
  let current = shippedOrder()
  fakeBackend().on('GET', '/api/v1/orders/o-1', () => ({ body: { order: current } }))
  render(<OrderDetailPage />)
  expect(await screen.findByRole('button', { name: '申请售后' })).toBeInTheDocument()
  current = shippedOrder({ afterSale: afterSale() })
  await act(() => __fire('didShow'))
  expect(await screen.findByText('待审核')).toBeInTheDocument()
})

test('a paid order not yet shipped offers 申请售后 but not 确认收货', async () => {
  fakeBackend().on('GET', '/api/v1/orders/o-1', { body: { order: order({ status: 'paid', paidAt: '2026-01-01T10:05:00+08:00' }) } })
  render(<OrderDetailPage />)
  expect(await screen.findByRole('button', { name: '申请售后' })).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '确认收货' })).toBeNull()
  expect(screen.queryByLabelText('物流信息')).toBeNull()
})

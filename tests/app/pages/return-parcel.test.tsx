import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __reset, __router, __storage } from '../../setup/taro'
import ReturnParcelPage from '../../../src/app/pkg-orders/return/index'
import { apiError, fakeBackend } from '../helpers/fake-backend'
import { afterSale, shippedOrder } from '../helpers/fixtures'

const CARRIERS = [
  { code: 'BDT', name: '八达通' },
  { code: 'SF', name: '顺丰速运' },
  { code: 'YTO', name: '圆通速递' },
  { code: 'ZTO', name: '中通快递' },
  { code: 'YD', name: '韵达速递' },
  { code: 'EMS', name: 'EMS' }
]

beforeEach(() => {
  __reset()
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  __router.params = { id: 'o-1' }
})

function shop(current = shippedOrder({ afterSale: afterSale({ kind: 'return', status: 'awaiting_return' }) })) {
  return fakeBackend()
    .on('GET', '/api/v1/orders/o-1', { body: { order: current } })
    .on('GET', '/api/v1/carriers', { body: { items: CARRIERS } })
    .on('POST', '/api/v1/after-sales/as-1/return-shipment', { body: { afterSale: afterSale({ kind: 'return', status: 'awaiting_return' }) } })
}

test('common carriers first, search narrows the list, and the parcel goes to the server', async () => {
  const backend = shop()
  render(<ReturnParcelPage />)
  const list = await screen.findByRole('radiogroup', { name: '快递公司' })
  expect(within(list).getAllByRole('radio').map((r) => r.textContent)).toEqual(['顺丰速运', '中通快递', '圆通速递', '韵达速递', 'EMS', '八达通'])
  fireEvent.change(screen.getByRole('textbox', { name: '搜索快递公司' }), { target: { value: '中通' } })
  expect(within(list).getAllByRole('radio').map((r) => r.textContent)).toEqual(['中通快递'])
  fireEvent.click(within(list).getByRole('radio', { name: '中通快递' }))
  fireEvent.change(screen.getByRole('textbox', { name: '快递单号' }), { target: { value: ' 7531 2345 678 ' } })
  fireEvent.click(screen.getByRole('button', { name: '提交退货物流' }))
  await screen.findByRole('button', { name: '提交退货物流' })
  expect(await screen.findByRole('radio', { name: '中通快递' })).toHaveAttribute('aria-checked', 'true')
  expect(backend.callsTo('POST', '/api/v1/after-sales/as-1/return-shipment')[0]?.body).toEqual({ carrierCode: 'ZTO', trackingNo: '75312345678' })
  expect(Taro.navigateBack).toHaveBeenCalled()
})

test('missing carrier or a malformed number is caught before sending; a search with no match says so', async () => {
  const backend = shop()
  render(<ReturnParcelPage />)
  await screen.findByRole('radiogroup', { name: '快递公司' })
  fireEvent.change(screen.getByRole('textbox', { name: '搜索快递公司' }), { target: { value: '不存在' } })
  expect(screen.getByText('没有找到「不存在」，换个关键词试试')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '提交退货物流' }))
  expect(await screen.findByText('请选择快递公司')).toBeInTheDocument()
  fireEvent.change(screen.getByRole('textbox', { name: '搜索快递公司' }), { target: { value: '' } })
  fireEvent.click(screen.getByRole('radio', { name: '顺丰速运' }))
  fireEvent.change(screen.getByRole('textbox', { name: '快递单号' }), { target: { value: 'SF#1' } })
  fireEvent.click(screen.getByRole('button', { name: '提交退货物流' }))
  expect(await screen.findByText('快递单号为 4–64 位字母、数字或 -')).toBeInTheDocument()
  expect(backend.callsTo('POST', '/api/v1/after-sales/as-1/return-shipment')).toHaveLength(0)
})

test('a parcel already sent fills the form, to be corrected; a refusal is explained', async () => {
  shop(shippedOrder({
    afterSale: afterSale({ kind: 'return', status: 'awaiting_return', returnShipment: { carrier: { code: 'SF', name: '顺丰速运' }, trackingNo: 'SF000111', shippedAt: '2026-01-04T10:00:00+08:00' } })
  })).on('POST', '/api/v1/after-sales/as-1/return-shipment', apiError(409, 'AFTER_SALE_CLOSED', 'closed'))
  render(<ReturnParcelPage />)
  expect(await screen.findByRole('radio', { name: '顺丰速运' })).toHaveAttribute('aria-checked', 'true')
  expect(screen.getByRole('textbox', { name: '快递单号' })).toHaveValue('SF000111')
  fireEvent.click(screen.getByRole('button', { name: '提交退货物流' }))
  expect(await screen.findByText('这个售后申请已结束，请刷新查看最新状态')).toBeInTheDocument()
})

test('nothing to send back yet: a plain explanation instead of the form', async () => {
  shop(shippedOrder({ afterSale: afterSale({ kind: 'return', status: 'requested' }) }))
  render(<ReturnParcelPage />)
  expect(await screen.findByText('现在无需寄回商品')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '提交退货物流' })).toBeNull()
})

import { fireEvent, render, screen, within } from '@testing-library/react'
import { __reset, __router, __storage } from '../../setup/taro'
import OrderListPage from '../../../src/app/pkg-orders/list/index'
import { fakeBackend } from '../helpers/fake-backend'
import { afterSale, order, shippedOrder } from '../helpers/fixtures'

beforeEach(() => {
  __reset()
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
})

const ORDERS = [
  order({ id: 'o-pay', outTradeNo: 'T-PAY' }),
  order({ id: 'o-paid', outTradeNo: 'T-PAID', status: 'paid' }),
  shippedOrder({ id: 'o-ship', outTradeNo: 'T-SHIP' }),
  shippedOrder({ id: 'o-done', outTradeNo: 'T-DONE', status: 'completed', completedAt: '2026-01-05T12:00:00+08:00' }),
  shippedOrder({ id: 'o-as', outTradeNo: 'T-AS', status: 'completed', completedAt: '2026-01-05T12:00:00+08:00', afterSale: afterSale({ status: 'awaiting_return', kind: 'return' }) }),
  order({ id: 'o-ref', outTradeNo: 'T-REF', status: 'refunded', refundedFen: 39800 }),
  shippedOrder({ id: 'o-withdrawn', outTradeNo: 'T-WD', afterSale: afterSale({ status: 'cancelled' }) })
]

function shown(): string[] {
  return screen.queryAllByLabelText(/^订单 /).map((el) => el.getAttribute('aria-label')!.replace('订单 ', ''))
}

test('已发货, 已完成 and 退款/售后 fill from the real statuses', async () => {
  fakeBackend().on('GET', '/api/v1/orders', { body: { items: ORDERS, nextCursor: null } })
  render(<OrderListPage />)
  await screen.findByLabelText('订单 T-SHIP')
  fireEvent.click(screen.getByRole('tab', { name: '已发货' }))
  expect(shown()).toEqual(['T-SHIP', 'T-WD'])
  fireEvent.click(screen.getByRole('tab', { name: '已完成' }))
  expect(shown()).toEqual(['T-DONE', 'T-AS'])
  fireEvent.click(screen.getByRole('tab', { name: '退款/售后' }))
  expect(shown()).toEqual(['T-AS', 'T-REF'])
  fireEvent.click(screen.getByRole('tab', { name: '待发货' }))
  expect(shown()).toEqual(['T-PAID'])
})

test('a card says where the order is: the last parcel, the after-sales request', async () => {
  fakeBackend().on('GET', '/api/v1/orders', { body: { items: ORDERS, nextCursor: null } })
  render(<OrderListPage />)
  expect(within(await screen.findByLabelText('订单 T-SHIP')).getByText('中通快递 75312345678')).toBeInTheDocument()
  expect(within(screen.getByLabelText('订单 T-AS')).getByText('售后：待寄回')).toBeInTheDocument()
  expect(within(screen.getByLabelText('订单 T-WD')).queryByText(/售后/)).toBeNull()
})

test('a link to a tab opens on it', async () => {
  __router.params = { status: 'completed' }
  fakeBackend().on('GET', '/api/v1/orders', { body: { items: ORDERS, nextCursor: null } })
  render(<OrderListPage />)
  await screen.findByLabelText('订单 T-DONE')
  expect(screen.getByRole('tab', { name: '已完成' })).toHaveAttribute('aria-selected', 'true')
  expect(shown()).toEqual(['T-DONE', 'T-AS'])
})

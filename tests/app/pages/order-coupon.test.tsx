import { render, screen, within } from '@testing-library/react'
import { __reset, __router, __storage } from '../../setup/taro'
import OrderDetailPage from '../../../src/app/pkg-orders/detail/index'
import OrderListPage from '../../../src/app/pkg-orders/list/index'
import { fakeBackend } from '../helpers/fake-backend'
import { order } from '../helpers/fixtures'

beforeEach(() => {
  __reset()
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
})

// ¥398 of goods, the coupon took ¥39.80: WeChat Pay charges ¥358.20.
const withCoupon = order({ discountFen: 3980, payableFen: 35820, coupon: { id: 'uc-percent', title: '九折券' } })

test('the order page shows the server’s amounts: 商品合计, 优惠 with the coupon’s name, and 应付 = payableFen', async () => {
  fakeBackend().on('GET', '/api/v1/orders/o-1', { body: { order: withCoupon } })
  __router.params = { id: 'o-1' }
  render(<OrderDetailPage />)
  const total = await screen.findByLabelText('商品合计')
  expect(within(total).getByText('¥398')).toBeInTheDocument()
  const discount = screen.getByLabelText('优惠')
  expect(within(discount).getByText('优惠（九折券）')).toBeInTheDocument()
  expect(within(discount).getByText('-¥39.80')).toBeInTheDocument()
  expect(screen.getByText('应付').parentElement).toHaveTextContent('应付¥358.20')
})

test('an order without a coupon shows no 优惠 line and its total as the amount', async () => {
  fakeBackend().on('GET', '/api/v1/orders/o-1', { body: { order: order({ status: 'paid', paidAt: '2026-01-01T10:05:00+08:00', discountFen: 0, payableFen: 39800 }) } })
  __router.params = { id: 'o-1' }
  render(<OrderDetailPage />)
  expect((await screen.findByText('实付')).parentElement).toHaveTextContent('实付¥398')
  expect(screen.queryByLabelText('优惠')).toBeNull()
  expect(screen.queryByLabelText('商品合计')).toBeNull()
})

test('the order list card shows what was paid after the coupon', async () => {
  fakeBackend().on('GET', '/api/v1/orders', { body: { items: [withCoupon], nextCursor: null } })
  render(<OrderListPage />)
  const card = await screen.findByLabelText(`订单 ${withCoupon.outTradeNo}`)
  expect(within(card).getByText('¥358.20')).toBeInTheDocument()
  expect(within(card).queryByText('¥398')).toBeNull()
})

import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ok } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'
import { order } from './fixtures'

test('an order bought with a coupon shows the coupon, its discount and what WeChat Pay charged; refunds stop at that', async () => {
  const withCoupon = { ...order(), discountFen: 5000, payableFen: 20800, coupon: { id: 'ucp_1', title: '开业满减' } }
  renderAdmin('/orders/ord_1', { 'GET /api/admin/orders/:id': () => ok({ order: withCoupon }) })
  expect(await screen.findByRole('heading', { name: '订单 T2026000001' })).toBeInTheDocument()
  expect(screen.getByText('开业满减 −¥50')).toBeInTheDocument()
  expect(screen.getByText('¥208')).toBeInTheDocument()

  await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: '退款' }))
  const dialog = await screen.findByRole('dialog')
  expect(within(dialog).getByText(/最多还能退 ¥208。/)).toBeInTheDocument()
})

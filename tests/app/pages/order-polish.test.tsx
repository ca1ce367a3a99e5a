// What an order page shows a shopper beyond its status: the pictures of what was
// bought, the specs in Chinese punctuation, and an order number to read out or copy.
import { fireEvent, render, screen, within } from '@testing-library/react'
import { __reset, __router, __storage } from '../../setup/taro'
import OrderDetailPage from '../../../src/app/pkg-orders/detail/index'
import OrderListPage from '../../../src/app/pkg-orders/list/index'
import { fakeBackend } from '../helpers/fake-backend'
import { shippedOrder } from '../helpers/fixtures'
import { taroExtras } from '../helpers/taro-extras'

const WITH_PICTURES = shippedOrder({
  id: 'o-pic',
  outTradeNo: 'ordX7kQ2fLp9ZmN4rT_1',
  items: [
    { skuId: 'sku-tee-white-m', title: '亚麻短袖衫', attrs: { 颜色: '白', 尺码: 'M' }, priceFen: 19900, qty: 1, image: '/media/tee-1.jpg' },
    // An order placed before pictures were kept.
    { skuId: 'sku-mug', title: '粗陶马克杯', attrs: {}, priceFen: 8800, qty: 1 }
  ]
})

beforeEach(() => {
  __reset()
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
})

test('an order card shows each line with its picture and specs, and the order number in groups of four', async () => {
  fakeBackend().on('GET', '/api/v1/orders', { body: { items: [WITH_PICTURES], nextCursor: null } })
  render(<OrderListPage />)
  const card = await screen.findByLabelText('订单 ordX7kQ2fLp9ZmN4rT_1')
  expect(within(card).getByRole('img', { name: '亚麻短袖衫' })).toHaveAttribute('src', 'http://api.test/media/tee-1.jpg')
  expect(within(card).getAllByRole('img')).toHaveLength(1)
  expect(within(card).getByText('颜色：白，尺码：M × 1')).toBeInTheDocument()
  expect(within(card).getByText('订单号 ordX 7kQ2 fLp9 ZmN4 rT_1')).toBeInTheDocument()
})

test('the order page shows the pictures and copies the order number as WeChat Pay knows it', async () => {
  const { setClipboardData } = taroExtras()
  setClipboardData.mockClear()
  fakeBackend().on('GET', '/api/v1/orders/o-pic', { body: { order: WITH_PICTURES } })
  __router.params = { id: 'o-pic' }
  render(<OrderDetailPage />)
  expect(await screen.findByText('订单编号：ordX 7kQ2 fLp9 ZmN4 rT_1')).toBeInTheDocument()
  const pictures = screen.getAllByRole('img', { name: '亚麻短袖衫' })
  expect(pictures.some((img) => img.getAttribute('src') === 'http://api.test/media/tee-1.jpg')).toBe(true)
  expect(screen.getAllByText('颜色：白，尺码：M').length).toBeGreaterThan(0)
  fireEvent.click(screen.getByRole('button', { name: '复制订单编号' }))
  expect(setClipboardData).toHaveBeenCalledWith({ data: 'ordX7kQ2fLp9ZmN4rT_1' })
})

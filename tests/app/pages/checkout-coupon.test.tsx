import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __reset, __storage } from '../../setup/taro'
import CheckoutPage from '../../../src/app/pages/checkout/index'
import { useCartStore } from '../../../src/app/stores/cart-store'
import { useCheckoutStore, type CheckoutItem } from '../../../src/app/stores/checkout-store'
import { apiError, fakeBackend } from '../helpers/fake-backend'
import { order, pricedCart } from '../helpers/fixtures'

const ADDRESS = { name: '林小满', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 1 号' }
// Two at ¥199: ¥398.
const TEE: CheckoutItem = { skuId: 'sku-tee-white-m', qty: 2, productId: 'p-tee', title: '亚麻短袖衫', attrs: { 颜色: '白', 尺码: 'M' }, priceFen: 19900 }
const PAYMENT = { timeStamp: '1767225600', nonceStr: 'n0nce', package: 'prepay_id=wx123', signType: 'RSA', paySign: 'c2ln' }
const originalEnv = process.env.TARO_ENV

const base = { couponId: 'c', validFrom: '2026-01-01T00:00:00Z', expiresAt: '2099-12-31T00:00:00Z', status: 'usable', source: 'claim', minSpendFen: 0 }
const AMOUNT_300_30 = { ...base, id: 'uc-amount', title: '满减券', description: '满300减30', kind: 'amount_off', amountOffFen: 3000, minSpendFen: 30000 }
const PERCENT_10 = { ...base, id: 'uc-percent', title: '九折券', description: '9折 最高减50', kind: 'percent_off', percentOff: 10, maxOffFen: 5000 }
const MIN_500 = { ...base, id: 'uc-big', title: '大额券', description: '满500减100', kind: 'amount_off', amountOffFen: 10000, minSpendFen: 50000 }
const MUG_ONLY = { ...base, id: 'uc-mug', title: '马克杯专享', description: '无门槛减5', kind: 'amount_off', amountOffFen: 500, productIds: ['p-mug'] }
const LOCKED = { ...base, id: 'uc-locked', title: '被占用的券', description: '无门槛减80', kind: 'amount_off', amountOffFen: 8000, status: 'locked' }
const ALL = [AMOUNT_300_30, PERCENT_10, MIN_500, MUG_ONLY, LOCKED]

beforeEach(() => {
  __reset()
  process.env.TARO_ENV = 'weapp'
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  useCheckoutStore.setState({ items: [TEE], source: 'cart', address: ADDRESS, attemptKey: 'ck-attempt-1' })
  useCartStore.setState({ lines: [{ skuId: TEE.skuId, qty: 2 }], owner: 'u1', priced: null, status: 'idle', error: null })
})
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

function shop(coupons: unknown[] = ALL, created = order({ discountFen: 3980, payableFen: 35820, coupon: { id: 'uc-percent', title: '九折券' } })) {
  return fakeBackend()
    .on('GET', '/api/v1/me/coupons', { body: { items: coupons } })
    .on('POST', '/api/v1/orders', { status: 201, body: { order: created } })
    .on('POST', '/api/v1/orders/o-1/pay', { body: { payment: PAYMENT } })
    .on('PUT', '/api/v1/cart', (c) => ({ body: pricedCart((c.body as { items: Array<{ skuId: string; qty: number }> }).items) }))
    .on('POST', '/api/v1/events', { body: { accepted: 1, duplicates: 0, rejected: [] } })
}

const couponRow = () => screen.getByRole('button', { name: /^优惠券 / })
const payable = () => screen.getByLabelText('实付金额')

test('the best usable coupon is chosen for the cart: 9折 takes ¥39.80 off ¥398, beating 满300减30; 优惠 and 实付 show it', async () => {
  shop()
  render(<CheckoutPage />)
  expect(await screen.findByRole('button', { name: '优惠券 九折券' })).toBeInTheDocument()
  expect(within(screen.getByLabelText('优惠')).getByText('-¥39.80')).toBeInTheDocument()
  expect(payable()).toHaveTextContent('¥358.20')
  expect(screen.getByText('商品合计（2 件）')).toBeInTheDocument()
})

test('the picker lists the fitting ones best first with what each takes off, then the others greyed with why; the shopper may change it', async () => {
  shop()
  render(<CheckoutPage />)
  fireEvent.click(await screen.findByRole('button', { name: '优惠券 九折券' }))
  const sheet = screen.getByLabelText('选择优惠券')
  const names = within(sheet)
    .getAllByRole('generic')
    .filter((el) => el.classList.contains('coupon-card'))
    .map((el) => el.getAttribute('aria-label'))
  // The locked one (held by an unpaid order) is not offered at all.
  expect(names).toEqual(['九折券', '满减券', '大额券', '马克杯专享'])
  expect(within(within(sheet).getByLabelText('九折券')).getByText('本单可减 ¥39.80')).toBeInTheDocument()
  expect(within(sheet).getByLabelText('九折券')).toHaveAttribute('aria-selected', 'true')
  expect(within(within(sheet).getByLabelText('满减券')).getByText('本单可减 ¥30')).toBeInTheDocument()
  expect(within(sheet).getByText('本单不可用（2）')).toBeInTheDocument()
  expect(within(within(sheet).getByLabelText('大额券')).getByText('满 ¥500 可用，本单未满足')).toBeInTheDocument()
  expect(within(within(sheet).getByLabelText('马克杯专享')).getByText('本单商品不适用')).toBeInTheDocument()

  // A greyed one cannot be chosen.
  fireEvent.click(within(sheet).getByLabelText('大额券'))
  expect(screen.getByLabelText('选择优惠券')).toBeInTheDocument()
  fireEvent.click(within(sheet).getByLabelText('满减券'))
  expect(screen.queryByLabelText('选择优惠券')).toBeNull()
  expect(couponRow()).toHaveAccessibleName('优惠券 满减券')
  expect(within(screen.getByLabelText('优惠')).getByText('-¥30')).toBeInTheDocument()
  expect(payable()).toHaveTextContent('¥368')
})

test('不使用优惠券: no 优惠 line, 实付 is the full total, and the order carries no couponId', async () => {
  const backend = shop(ALL, order())
  render(<CheckoutPage />)
  fireEvent.click(await screen.findByRole('button', { name: '优惠券 九折券' }))
  fireEvent.click(screen.getByRole('button', { name: '不使用优惠券' }))
  expect(couponRow()).toHaveAccessibleName('优惠券 2 张可用')
  expect(screen.queryByLabelText('优惠')).toBeNull()
  expect(payable()).toHaveTextContent('¥398')
  fireEvent.click(screen.getByRole('button', { name: '提交订单并支付' }))
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
  expect(backend.callsTo('POST', '/api/v1/orders')[0].body).not.toHaveProperty('couponId')
})

test('submit sends the chosen couponId; the server prices it, and its discountFen/payableFen are what is shown', async () => {
  // The server knows better (say the shop capped it): ¥30 off, ¥368 to pay.
  const backend = shop(ALL, order({ discountFen: 3000, payableFen: 36800, coupon: { id: 'uc-percent', title: '九折券' } }))
  render(<CheckoutPage />)
  await screen.findByRole('button', { name: '优惠券 九折券' })
  expect(payable()).toHaveTextContent('¥358.20')
  fireEvent.click(screen.getByRole('button', { name: '提交订单并支付' }))
  await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pkg-orders/detail/index?id=o-1&paid=1' }))
  const [create] = backend.callsTo('POST', '/api/v1/orders')
  expect(create.body).toMatchObject({ items: [{ skuId: TEE.skuId, qty: 2 }], couponId: 'uc-percent' })
  expect(payable()).toHaveTextContent('¥368')
  expect(within(screen.getByLabelText('优惠')).getByText('-¥30')).toBeInTheDocument()
})

test('a coupon the server refuses at submit (used on another phone): the shopper is told, the coupons are read again and the next best chosen', async () => {
  let coupons: unknown[] = [PERCENT_10, AMOUNT_300_30]
  const backend = fakeBackend()
    .on('GET', '/api/v1/me/coupons', () => ({ body: { items: coupons } }))
    .on('POST', '/api/v1/orders', apiError(409, 'COUPON_NOT_USABLE', 'coupon uc-percent is locked'))
    .on('POST', '/api/v1/events', { body: { accepted: 1, duplicates: 0, rejected: [] } })
  render(<CheckoutPage />)
  await screen.findByRole('button', { name: '优惠券 九折券' })
  coupons = [{ ...PERCENT_10, status: 'locked' }, AMOUNT_300_30]
  fireEvent.click(screen.getByRole('button', { name: '提交订单并支付' }))
  expect(await screen.findByText('所选优惠券当前不可用，已为你重新选择，请确认后再提交')).toBeInTheDocument()
  expect(await screen.findByRole('button', { name: '优惠券 满减券' })).toBeInTheDocument()
  expect(payable()).toHaveTextContent('¥368')
  expect(backend.callsTo('GET', '/api/v1/me/coupons')).toHaveLength(2)
  expect(Taro.requestPayment).not.toHaveBeenCalled()
})

test('no coupons (or none could be read): checkout goes on at the full price', async () => {
  fakeBackend().on('GET', '/api/v1/me/coupons', apiError(503, 'UNAVAILABLE', 'down'))
  render(<CheckoutPage />)
  expect(await screen.findByRole('button', { name: '优惠券 暂无可用' })).toHaveAttribute('aria-disabled', 'true')
  expect(screen.queryByLabelText('优惠')).toBeNull()
  expect(payable()).toHaveTextContent('¥398')
})

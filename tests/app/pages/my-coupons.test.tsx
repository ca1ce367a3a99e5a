import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __fire, __reset, __storage } from '../../setup/taro'
import MyCouponsPage from '../../../src/app/pkg-me/coupons/index'
import { apiError, fakeBackend } from '../helpers/fake-backend'

beforeEach(() => {
  __reset()
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
})

const base = { kind: 'amount_off', minSpendFen: 0, validFrom: '2026-01-01T00:00:00Z', source: 'claim' }
const COUPONS = [
  // Deliberately not in the server's usual order: the page still puts usable ones first.
  { ...base, id: 'uc-used', couponId: 'c1', title: '开业券', description: '无门槛减5', amountOffFen: 500, expiresAt: '2026-03-01T00:00:00Z', status: 'used' },
  { ...base, id: 'uc-late', couponId: 'c2', title: '夏日新品券', description: '满100减20', amountOffFen: 2000, minSpendFen: 10000, expiresAt: '2026-10-01T00:00:00', status: 'usable' },
  { ...base, id: 'uc-locked', couponId: 'c3', title: '会员券', kind: 'percent_off', percentOff: 10, maxOffFen: 5000, expiresAt: '2026-08-01T00:00:00Z', status: 'locked' },
  { ...base, id: 'uc-soon', couponId: 'c4', title: '分享好礼', description: '无门槛减10', amountOffFen: 1000, expiresAt: '2026-06-30T16:00:00Z', status: 'usable', source: 'reward' },
  { ...base, id: 'uc-old', couponId: 'c5', title: '春季券', description: '满200减30', amountOffFen: 3000, expiresAt: '2026-02-01T00:00:00Z', status: 'expired' }
]

function cards(): HTMLElement[] {
  return screen.getAllByRole('generic').filter((el) => el.classList.contains('coupon-card'))
}

test('usable coupons first (the one expiring soonest on top), each with what it takes off, until when and its status in Chinese', async () => {
  const backend = fakeBackend().on('GET', '/api/v1/me/coupons', { body: { items: COUPONS } })
  render(<MyCouponsPage />)
  expect(await screen.findByText('2 张可使用，结算时自动选用最划算的一张')).toBeInTheDocument()
  expect(backend.callsTo('GET', '/api/v1/me/coupons')[0].headers.Authorization).toBe('Bearer t')
  expect(cards().map((c) => c.getAttribute('aria-label'))).toEqual(['分享好礼', '夏日新品券', '会员券', '开业券', '春季券'])

  const summer = screen.getByLabelText('夏日新品券')
  expect(within(summer).getByText('满100减20')).toBeInTheDocument()
  expect(within(summer).getByText('有效期至 2026-10-01 00:00')).toBeInTheDocument()
  expect(within(summer).getByText('可使用')).toBeInTheDocument()
  // A coupon sent without its words is described from its rule.
  expect(within(screen.getByLabelText('会员券')).getByText('9折 最高减50')).toBeInTheDocument()
  expect(within(screen.getByLabelText('会员券')).getByText('待支付订单占用')).toBeInTheDocument()
  expect(within(screen.getByLabelText('开业券')).getByText('已使用')).toBeInTheDocument()
  expect(within(screen.getByLabelText('春季券')).getByText('已过期')).toBeInTheDocument()
  expect(within(screen.getByLabelText('分享好礼')).getByText('分享奖励')).toBeInTheDocument()
  // Used and expired ones are greyed.
  expect(screen.getByLabelText('春季券')).toHaveClass('coupon-card--off')
  expect(summer).not.toHaveClass('coupon-card--off')
})

test('no coupons: the empty state says where they come from and leads to the shop', async () => {
  fakeBackend().on('GET', '/api/v1/me/coupons', { body: { items: [] } })
  render(<MyCouponsPage />)
  expect(await screen.findByText('还没有优惠券')).toBeInTheDocument()
  expect(screen.getByText('在品牌的内容页里可以领取优惠券，结算时自动使用')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '去逛逛' }))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
})

test('a failure offers a retry; coming back to the page reads the coupons again', async () => {
  let down = true
  let items = [COUPONS[1]]
  fakeBackend().on('GET', '/api/v1/me/coupons', () => (down ? apiError(503, 'UNAVAILABLE', 'down') : { body: { items } }))
  render(<MyCouponsPage />)
  expect(await screen.findByText('加载失败')).toBeInTheDocument()
  down = false
  fireEvent.click(screen.getByRole('button', { name: '重新加载' }))
  expect(await screen.findByText('夏日新品券')).toBeInTheDocument()
  expect(screen.getByText('1 张可使用，结算时自动选用最划算的一张')).toBeInTheDocument()
  // Back from checkout, where it was used; a reward arrived meanwhile.
  items = [{ ...COUPONS[1], status: 'used' }, COUPONS[3]]
  await act(() => __fire('didShow'))
  expect(await screen.findByText('分享好礼')).toBeInTheDocument()
  expect(within(screen.getByLabelText('夏日新品券')).getByText('已使用')).toBeInTheDocument()
})

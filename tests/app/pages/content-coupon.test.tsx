import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PageResponse } from '@core/contract/pages'
import type { ClientEvent } from '@core/events'
import { __reset, __router, __storage } from '../../setup/taro'
import ContentPage from '../../../src/app/pages/content/index'
import { resetLaunchCache } from '../../../src/app/services/launch'
import { QUEUE_KEY } from '../../../src/app/services/tracker-queue'
import { useCartStore } from '../../../src/app/stores/cart-store'
import { apiError, fakeBackend } from '../helpers/fake-backend'
import { summerPage } from '../helpers/fixtures'

const queued = () => JSON.parse((__storage.get(QUEUE_KEY) as string) || '[]') as ClientEvent[]
const originalEnv = process.env.TARO_ENV

const page: PageResponse = {
  ...summerPage,
  page: { ...summerPage.page, blocks: [{ type: 'text', text: '夏天的第一张券。' }, { type: 'coupon', couponId: 'cp-summer' }] }
}
const coupon = (state: string) => ({
  body: { coupon: { id: 'cp-summer', title: '夏日新品券', description: '满100减20', startsAt: '2026-01-01T00:00:00Z', endsAt: '2027-01-01T00:00:00Z', state } }
})
const USER_COUPON = {
  id: 'uc-1', couponId: 'cp-summer', title: '夏日新品券', description: '满100减20', kind: 'amount_off', amountOffFen: 2000, minSpendFen: 10000,
  validFrom: '2026-01-01T00:00:00Z', expiresAt: '2026-12-31T00:00:00Z', status: 'usable', source: 'claim'
}

beforeEach(() => {
  __reset()
  resetLaunchCache()
  window.location.hash = ''
  process.env.TARO_ENV = 'weapp'
  useCartStore.setState({ lines: [], owner: null, priced: null, status: 'idle', error: null })
  __router.params = { slug: 'summer-linen' }
})
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

function card() {
  return screen.getByLabelText('优惠券 夏日新品券')
}

test('可领取 → a tap logs the shopper in, claims in place, shows 已领取 and records coupon_claim with the page', async () => {
  const backend = fakeBackend()
    .withLogin('u7', 'tok-7')
    .on('GET', '/api/v1/pages/summer-linen', { body: page })
    .on('GET', '/api/v1/coupons/cp-summer', coupon('claimable'))
    .on('POST', '/api/v1/coupons/cp-summer/claim', { status: 201, body: { userCoupon: USER_COUPON } })
  render(<ContentPage />)
  const claim = await within(await screen.findByLabelText('优惠券 夏日新品券')).findByRole('button', { name: '可领取' })
  expect(within(card()).getByText('满100减20')).toBeInTheDocument()
  // A page view never logs in: the coupon's state was asked without a token.
  expect(backend.callsTo('GET', '/api/v1/coupons/cp-summer')[0].headers.Authorization).toBeUndefined()

  fireEvent.click(claim)
  expect(await within(card()).findByRole('button', { name: '已领取，查看我的优惠券' })).toBeInTheDocument()
  const [post] = backend.callsTo('POST', '/api/v1/coupons/cp-summer/claim')
  expect(post.headers.Authorization).toBe('Bearer tok-7')
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '领取成功' }))
  expect(queued().filter((e) => e.type === 'coupon_claim')).toEqual([
    expect.objectContaining({ type: 'coupon_claim', contentSlug: 'summer-linen', props: { couponId: 'cp-summer', userCouponId: 'uc-1' } })
  ])

  // 已领取 leads to 我的优惠券 in its subpackage.
  fireEvent.click(within(card()).getByRole('button', { name: '已领取，查看我的优惠券' }))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-me/coupons/index' })
  expect(backend.callsTo('POST', '/api/v1/coupons/cp-summer/claim')).toHaveLength(1)
})

test('409 COUPON_GONE turns the block to 已抢光; no claim event is recorded', async () => {
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  fakeBackend()
    .on('GET', '/api/v1/pages/summer-linen', { body: page })
    .on('GET', '/api/v1/coupons/cp-summer', coupon('claimable'))
    .on('POST', '/api/v1/coupons/cp-summer/claim', apiError(409, 'COUPON_GONE', '已抢光'))
  render(<ContentPage />)
  fireEvent.click(await within(await screen.findByLabelText('优惠券 夏日新品券')).findByRole('button', { name: '可领取' }))
  const button = await within(card()).findByRole('button', { name: '已抢光' })
  expect(button).toHaveAttribute('aria-disabled', 'true')
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '来晚了，这张券已抢光' }))
  expect(queued().some((e) => e.type === 'coupon_claim')).toBe(false)
})

test('409 COUPON_LIMIT means the shopper already holds it: 已领取', async () => {
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  fakeBackend()
    .on('GET', '/api/v1/pages/summer-linen', { body: page })
    .on('GET', '/api/v1/coupons/cp-summer', coupon('claimable'))
    .on('POST', '/api/v1/coupons/cp-summer/claim', apiError(409, 'COUPON_LIMIT', '已领取'))
  render(<ContentPage />)
  fireEvent.click(await within(await screen.findByLabelText('优惠券 夏日新品券')).findByRole('button', { name: '可领取' }))
  expect(await within(card()).findByRole('button', { name: '已领取，查看我的优惠券' })).toBeInTheDocument()
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '你已经领过这张券了' }))
})

test('a logged-in shopper who holds it sees 已领取 from the start (the state is asked with the token); a sold-out one shows 已抢光', async () => {
  __storage.set('auth:token', JSON.stringify({ token: 'tok-held', userId: 'u1' }))
  const backend = fakeBackend()
    .on('GET', '/api/v1/pages/summer-linen', { body: { ...page, page: { ...page.page, blocks: [...page.page.blocks, { type: 'coupon', couponId: 'cp-gone' }] } } })
    .on('GET', '/api/v1/coupons/cp-summer', coupon('claimed'))
    .on('GET', '/api/v1/coupons/cp-gone', { body: { coupon: { id: 'cp-gone', title: '早鸟券', description: '无门槛减5', startsAt: '2026-01-01T00:00:00Z', endsAt: '2027-01-01T00:00:00Z', state: 'gone' } } })
  render(<ContentPage />)
  expect(await within(await screen.findByLabelText('优惠券 夏日新品券')).findByRole('button', { name: '已领取，查看我的优惠券' })).toBeInTheDocument()
  expect(await within(screen.getByLabelText('优惠券 早鸟券')).findByRole('button', { name: '已抢光' })).toBeInTheDocument()
  expect(backend.callsTo('GET', '/api/v1/coupons/cp-summer')[0].headers.Authorization).toBe('Bearer tok-held')
})

test('a failed claim (network) says why and offers the claim again', async () => {
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  fakeBackend()
    .on('GET', '/api/v1/pages/summer-linen', { body: page })
    .on('GET', '/api/v1/coupons/cp-summer', coupon('claimable'))
    .on('POST', '/api/v1/coupons/cp-summer/claim', () => new Error('request:fail timeout'))
  render(<ContentPage />)
  fireEvent.click(await within(await screen.findByLabelText('优惠券 夏日新品券')).findByRole('button', { name: '可领取' }))
  await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不太顺畅，请检查网络后重试' })))
  expect(await within(card()).findByRole('button', { name: '可领取' })).toBeInTheDocument()
})

test('the coupon block of a page still renders when its state cannot be read', async () => {
  fakeBackend()
    .on('GET', '/api/v1/pages/summer-linen', { body: page })
    .on('GET', '/api/v1/coupons/cp-summer', apiError(500, 'INTERNAL', 'boom'))
  render(<ContentPage />)
  expect(await screen.findByText('夏天的第一张券。')).toBeInTheDocument()
  expect(within(screen.getByLabelText('优惠券 优惠券')).getByRole('button', { name: '可领取' })).toBeInTheDocument()
})

test('staff preview of a draft shows the coupon but never claims it', async () => {
  const backend = fakeBackend()
    .on('GET', '/api/v1/pages/summer-linen', { body: page })
    .on('GET', '/api/v1/coupons/cp-summer', coupon('claimable'))
  __router.params = { slug: 'summer-linen', preview: 'pv-token' }
  render(<ContentPage />)
  fireEvent.click(await within(await screen.findByLabelText('优惠券 夏日新品券')).findByRole('button', { name: '可领取' }))
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '预览中不能领取优惠券' }))
  expect(backend.callsTo('POST', /claim$/)).toHaveLength(0)
})

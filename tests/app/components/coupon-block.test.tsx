import { fireEvent, render, screen, within } from '@testing-library/react'
import type { Block } from '@core/content'
import { parseBlocksLenient } from '@core/content'
import { BlockRenderer } from '../../../src/app/components/blocks/block-renderer'
import type { CouponBlockInfo } from '../../../src/app/components/blocks/coupon-block'

const block: Block = { type: 'coupon', couponId: 'cp-summer' }
const info = (state: CouponBlockInfo['state']): Record<string, CouponBlockInfo> => ({ 'cp-summer': { title: '夏日新品券', description: '满100减20', state } })

function card() {
  return screen.getByLabelText('优惠券 夏日新品券')
}

test('可领取: the coupon shows what it takes off and its name, and a tap claims it', () => {
  const onClaim = jest.fn()
  render(<BlockRenderer blocks={[block]} products={{}} coupons={info('claimable')} onClaim={onClaim} />)
  expect(within(card()).getByText('满100减20')).toBeInTheDocument()
  expect(within(card()).getByText('夏日新品券')).toBeInTheDocument()
  fireEvent.click(within(card()).getByRole('button', { name: '可领取' }))
  expect(onClaim).toHaveBeenCalledWith('cp-summer')
})

test('已领取: says where it went, and a tap opens 我的优惠券 instead of claiming again', () => {
  const onClaim = jest.fn()
  const onOpenCoupons = jest.fn()
  render(<BlockRenderer blocks={[block]} products={{}} coupons={info('claimed')} onClaim={onClaim} onOpenCoupons={onOpenCoupons} />)
  const button = within(card()).getByRole('button', { name: '已领取，查看我的优惠券' })
  expect(button).toHaveTextContent('已领取')
  expect(within(card()).getByText('已放入「我的优惠券」，结算时可用')).toBeInTheDocument()
  fireEvent.click(button)
  expect(onOpenCoupons).toHaveBeenCalledTimes(1)
  expect(onClaim).not.toHaveBeenCalled()
})

test.each([
  ['gone', '已抢光'],
  ['not_started', '未开始'],
  ['ended', '已结束'],
  ['claiming', '领取中…']
] as const)('%s: the button reads %s and claims nothing', (state, label) => {
  const onClaim = jest.fn()
  render(<BlockRenderer blocks={[block]} products={{}} coupons={info(state)} onClaim={onClaim} />)
  const button = within(card()).getByRole('button', { name: label })
  expect(button).toHaveAttribute('aria-disabled', 'true')
  fireEvent.click(button)
  expect(onClaim).not.toHaveBeenCalled()
})

test('a coupon the page knows nothing of yet still offers the claim under a plain name', () => {
  const onClaim = jest.fn()
  render(<BlockRenderer blocks={[block]} products={{}} onClaim={onClaim} />)
  fireEvent.click(within(screen.getByLabelText('优惠券 优惠券')).getByRole('button', { name: '可领取' }))
  expect(onClaim).toHaveBeenCalledWith('cp-summer')
})

test('Moments single-page mode: the coupon shows, claiming is left to the mini-program', () => {
  const onClaim = jest.fn()
  render(<BlockRenderer blocks={[block]} products={{}} coupons={info('claimable')} readOnly onClaim={onClaim} />)
  expect(within(card()).queryByRole('button')).toBeNull()
  expect(within(card()).getByText('在小程序中领取')).toBeInTheDocument()
})

test('an app older than a block type skips it: the lenient parser drops it and the switch renders nothing for a type it lacks', () => {
  const onSkip = jest.fn()
  const parsed = parseBlocksLenient([{ type: 'coupon', couponId: 'cp-summer' }, { type: 'lottery', prizes: [] }, { type: 'text', text: '之后的段落' }], onSkip)
  // A block type core knows but this renderer has no case for (an older renderer build) renders nothing either.
  const future = { type: 'poll', question: '?' } as unknown as Block
  render(<BlockRenderer blocks={[...parsed, future]} products={{}} coupons={info('claimable')} />)
  expect(screen.getByText('之后的段落')).toBeInTheDocument()
  expect(card()).toBeInTheDocument()
  expect(onSkip).toHaveBeenCalledWith(1, expect.any(Array))
  expect(screen.queryByText('?')).toBeNull()
})

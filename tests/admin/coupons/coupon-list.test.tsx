import { screen, within } from '@testing-library/react'
import { fail, ok } from '../helpers/fake-api'
import { EDITOR, renderAdmin } from '../helpers/render-admin'
import { coupon, PERCENT } from './fixtures'

test('the list shows each coupon with its rule (core describeCoupon), claimed/used, validity and limits', async () => {
  renderAdmin('/coupons', { 'GET /api/admin/coupons': () => ok({ items: [coupon(), PERCENT] }) })
  const row = (await screen.findByText('春季满减券')).closest('tr')!
  expect(row).toHaveTextContent('满100减20')
  expect(row).toHaveTextContent('12 / 5')
  expect(row).toHaveTextContent('100 / 1')
  const other = screen.getByText('会员折扣').closest('tr')!
  expect(other).toHaveTextContent('8折 最高减50')
  expect(other).toHaveTextContent('指定 1 件商品')
  expect(other).toHaveTextContent('不限 / 2')
  expect(other).toHaveTextContent('领取后 7 天内可用')
  expect(within(screen.getByRole('menu')).getByText('优惠券')).toBeInTheDocument()
})

test('no coupons yet: says so; a failed read offers 重试', async () => {
  let failing = true
  renderAdmin('/coupons', {
    'GET /api/admin/coupons': () => (failing ? fail(500, 'INTERNAL', 'boom') : ok({ items: [] }))
  })
  expect(await screen.findByText('读取失败')).toBeInTheDocument()
  failing = false
  screen.getByRole('button', { name: '重试' }).click()
  expect(await screen.findByText(/还没有优惠券/)).toBeInTheDocument()
})

test('editors see neither 优惠券 nor 分享奖励 in the menu', async () => {
  renderAdmin('/pages', { 'GET /api/admin/pages': () => ok({ items: [], nextCursor: null }) }, EDITOR)
  const menu = await screen.findByRole('menu')
  expect(within(menu).getByText('内容')).toBeInTheDocument()
  expect(within(menu).queryByText('优惠券')).toBeNull()
  expect(within(menu).queryByText('分享奖励')).toBeNull()
})

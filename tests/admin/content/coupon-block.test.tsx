import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fail, ok, type FakeRequest } from '../helpers/fake-api'
import { EDITOR, renderAdmin } from '../helpers/render-admin'
import { coupon, PERCENT } from '../coupons/fixtures'
import { PRODUCTS, page } from './fixtures'

const user = () => userEvent.setup({ delay: null })

function editorRoutes(blocks = page().blocks) {
  let current = page({ blocks })
  return {
    'GET /api/admin/pages/:id': () => ok({ page: current }),
    'PUT /api/admin/pages/:id': (req: FakeRequest) => {
      current = { ...current, ...req.body, updatedAt: new Date().toISOString() }
      return ok({ page: current })
    },
    'GET /api/admin/products': () => ok({ items: PRODUCTS, nextCursor: null }),
    'GET /api/admin/coupons': () => ok({ items: [coupon(), PERCENT] })
  }
}

const block = (n: number, label: string) => screen.findByRole('group', { name: `模块 ${n}：${label}` })

test('a coupon block picks one of the coupons, previews it as shoppers see it, and autosaves its id', async () => {
  const { api } = renderAdmin('/pages/pg_1', editorRoutes())
  await block(1, '文字')
  await user().click(screen.getByRole('button', { name: /添加优惠券$/ }))
  const added = await block(3, '优惠券')
  expect(within(added).queryByTestId('coupon-block-preview')).toBeNull()

  await user().click(within(added).getByRole('combobox', { name: '选择优惠券' }))
  await user().click(await screen.findByText('会员折扣（8折 最高减50）'))
  const preview = await within(added).findByTestId('coupon-block-preview')
  expect(preview).toHaveTextContent('8折 最高减50')
  expect(preview).toHaveTextContent('会员折扣')
  expect(preview).toHaveTextContent('领取后 7 天内可用')
  expect(within(preview).getByRole('button', { name: '领取' })).toBeInTheDocument()
  await waitFor(() => expect(api.callsTo('PUT', '/api/admin/pages/pg_1').at(-1)?.body.blocks[2]).toEqual({ type: 'coupon', couponId: 'cpn_2' }))
})

test('a saved coupon block shows its coupon; a coupon that no longer exists is called out', async () => {
  const routes = editorRoutes([{ type: 'coupon', couponId: 'cpn_1' }, { type: 'coupon', couponId: 'cpn_gone' }])
  renderAdmin('/pages/pg_1', routes)
  const first = await block(1, '优惠券')
  expect(await within(first).findByTestId('coupon-block-preview')).toHaveTextContent('满100减20')
  expect(within(await block(2, '优惠券')).getByText('这张优惠券已不存在，请重新选择')).toBeInTheDocument()
})

test('an editor (who may not read coupons) is told to ask an admin', async () => {
  renderAdmin(
    '/pages/pg_1',
    { ...editorRoutes([{ type: 'coupon', couponId: 'cpn_1' }]), 'GET /api/admin/coupons': () => fail(403, 'FORBIDDEN', 'Admins only') },
    EDITOR
  )
  const only = await block(1, '优惠券')
  expect(await within(only).findByText(/只有管理员可以选择优惠券/)).toBeInTheDocument()
})

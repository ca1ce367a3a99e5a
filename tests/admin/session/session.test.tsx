import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fail, ok, type FakeRequest } from '../helpers/fake-api'
import { ADMIN, EDITOR, renderAdmin } from '../helpers/render-admin'

const user = () => userEvent.setup({ delay: null })
const emptyLists = {
  'GET /api/admin/pages': () => ok({ items: [], nextCursor: null }),
  'GET /api/admin/products': () => ok({ items: [], nextCursor: null })
}

test('logs in with e-mail and password; a wrong password is said plainly; logs out', async () => {
  const { api } = renderAdmin(
    '/',
    {
      ...emptyLists,
      'POST /api/admin/session': (req: FakeRequest) =>
        req.body.password === 'right-password' ? ok({ staff: ADMIN }) : fail(401, 'INVALID_CREDENTIALS', 'E-mail or password is wrong'),
      'DELETE /api/admin/session': () => ({ status: 204 })
    },
    null
  )
  await user().type(await screen.findByLabelText('邮箱'), 'boss@brand.test')
  await user().type(screen.getByLabelText('密码'), 'wrong')
  await user().click(screen.getByRole('button', { name: '登录' }))
  expect(await screen.findByText('邮箱或密码不对')).toBeInTheDocument()

  await user().clear(screen.getByLabelText('密码'))
  await user().type(screen.getByLabelText('密码'), 'right-password')
  await user().click(screen.getByRole('button', { name: '登录' }))
  expect(await screen.findByRole('heading', { name: '内容页面' })).toBeInTheDocument()
  expect(api.callsTo('POST', '/api/admin/session').at(-1)!.body).toEqual({ email: 'boss@brand.test', password: 'right-password' })

  await user().click(screen.getByRole('button', { name: '退出登录' }))
  expect(await screen.findByRole('button', { name: '登录' })).toBeInTheDocument()
  expect(api.callsTo('DELETE', '/api/admin/session')).toHaveLength(1)
})

test('menus by role: editors get content, products and campaigns; admins also orders, shipping, after-sales, refunds, coupons, sharer rewards, analytics, staff', async () => {
  const menuOf = async () => within(await screen.findByRole('menu', { name: '主菜单' })).getAllByRole('menuitem').map((m) => m.textContent)
  const editor = renderAdmin('/pages', emptyLists, EDITOR)
  expect(await menuOf()).toEqual(['内容', '商品', '推广'])
  editor.unmount()

  const admin = renderAdmin('/pages', emptyLists, ADMIN)
  expect(await menuOf()).toEqual(['内容', '商品', '推广', '订单', '待发货', '售后', '退款', '优惠券', '分享奖励', '数据', '员工账号'])
  admin.unmount()

  const orders = renderAdmin('/orders', emptyLists, EDITOR)
  expect(await screen.findByText('这部分只有管理员能看')).toBeInTheDocument()
  orders.unmount()

  renderAdmin('/coupons', emptyLists, EDITOR)
  expect(await screen.findByText('这部分只有管理员能看')).toBeInTheDocument()
})

test('an expired session mid-work goes back to the login page and says so', async () => {
  renderAdmin('/products', { 'GET /api/admin/products': () => fail(401, 'UNAUTHENTICATED', 'Log in at POST /api/admin/session first') })
  await waitFor(() => expect(screen.getByText('登录已过期，请重新登录')).toBeInTheDocument())
  expect(screen.getByRole('button', { name: '登录' })).toBeInTheDocument()
})

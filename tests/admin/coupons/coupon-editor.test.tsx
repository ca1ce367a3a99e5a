import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { created, fail, ok, type FakeRequest } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'
import { PRODUCTS } from '../content/fixtures'
import { coupon, PERCENT } from './fixtures'

const user = () => userEvent.setup({ delay: null })

test('a new coupon: the server’s INVALID_COUPON problems show on their fields; a fixed form is sent in fen and the list reads again', async () => {
  const { api } = renderAdmin('/coupons', {
    'GET /api/admin/coupons': () => ok({ items: [] }),
    'GET /api/admin/products': () => ok({ items: PRODUCTS, nextCursor: null }),
    'POST /api/admin/coupons': (req: FakeRequest) =>
      req.body.amountOffFen > req.body.minSpendFen
        ? fail(400, 'INVALID_COUPON', '减免金额不能高于使用门槛', [
            { path: 'amountOffFen', message: '减免金额不能高于使用门槛' },
            { path: 'perUser', message: '每人限领不能多于发放总量' }
          ])
        : created({ coupon: coupon({ title: req.body.title }) })
  })
  await screen.findByText(/还没有优惠券/)
  await user().click(screen.getByRole('button', { name: /新建优惠券/ }))
  const dialog = await screen.findByRole('dialog', { name: '新建优惠券' })

  // Nothing typed: the form's own check, nothing sent.
  await user().click(within(dialog).getByRole('button', { name: '保存' }))
  expect(await within(dialog).findByText('请填写优惠券名称')).toBeInTheDocument()
  expect(api.callsTo('POST', '/api/admin/coupons')).toHaveLength(0)

  await user().type(within(dialog).getByLabelText('名称'), '开业满减')
  await user().type(within(dialog).getByLabelText('减免金额'), '30')
  await user().type(within(dialog).getByLabelText('使用门槛'), '20')
  expect(within(dialog).getByTestId('coupon-rule-preview')).toHaveTextContent('满20减30')
  await user().click(within(dialog).getByRole('button', { name: '保存' }))
  expect(await within(dialog).findByText('减免金额不能高于使用门槛', { selector: '.ant-form-item-explain-error' })).toBeInTheDocument()
  expect(within(dialog).getByText('每人限领不能多于发放总量')).toBeInTheDocument()

  await user().clear(within(dialog).getByLabelText('使用门槛'))
  await user().type(within(dialog).getByLabelText('使用门槛'), '199')
  await user().type(within(dialog).getByLabelText('发放总量'), '500')
  await user().click(within(dialog).getByRole('button', { name: '保存' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/coupons')).toHaveLength(2))
  expect(api.callsTo('POST', '/api/admin/coupons')[1]!.body).toEqual({
    title: '开业满减',
    kind: 'amount_off',
    amountOffFen: 3000,
    percentOff: null,
    maxOffFen: null,
    minSpendFen: 19900,
    productIds: null,
    startsAt: expect.any(String),
    endsAt: expect.any(String),
    validDays: null,
    total: 500,
    perUser: 1
  })
  await waitFor(() => expect(screen.queryByRole('dialog', { name: '新建优惠券' })).toBeNull())
  await waitFor(() => expect(api.callsTo('GET', '/api/admin/coupons').length).toBeGreaterThan(1))
})

test('editing a percent-off coupon limited to products and valid for days after claiming sends it back with PUT', async () => {
  const { api } = renderAdmin('/coupons', {
    'GET /api/admin/coupons': () => ok({ items: [PERCENT] }),
    'GET /api/admin/products': () => ok({ items: PRODUCTS, nextCursor: null }),
    'PUT /api/admin/coupons/:id': (req: FakeRequest) => ok({ coupon: { ...PERCENT, ...req.body } })
  })
  const row = (await screen.findByText('会员折扣')).closest('tr')!
  await user().click(within(row).getByRole('button', { name: '编辑' }))
  const dialog = await screen.findByRole('dialog', { name: '编辑优惠券' })
  expect(within(dialog).getByLabelText('减去')).toHaveValue('20')
  expect(within(dialog).getByLabelText('领取后有效天数')).toHaveValue('7')
  expect(await within(dialog).findByText('亚麻衬衫（¥129）')).toBeInTheDocument()
  await user().clear(within(dialog).getByLabelText('减去'))
  await user().type(within(dialog).getByLabelText('减去'), '15')
  expect(within(dialog).getByTestId('coupon-rule-preview')).toHaveTextContent('8.5折 最高减50')
  await user().click(within(dialog).getByRole('button', { name: '保存' }))
  await waitFor(() => expect(api.callsTo('PUT', '/api/admin/coupons/cpn_2')).toHaveLength(1))
  expect(api.callsTo('PUT', '/api/admin/coupons/cpn_2')[0]!.body).toEqual({
    title: '会员折扣',
    kind: 'percent_off',
    amountOffFen: null,
    percentOff: 15,
    maxOffFen: 5000,
    minSpendFen: 0,
    productIds: ['prd_1'],
    startsAt: PERCENT.startsAt,
    endsAt: PERCENT.endsAt,
    validDays: 7,
    total: null,
    perUser: 2
  })
})

import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { created, fail, ok, type FakeRequest } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'
import { page } from '../content/fixtures'
import { coupon, PERCENT } from '../coupons/fixtures'

const user = () => userEvent.setup({ delay: null })

const RULE = { id: 'rwr_1', contentSlug: 'spring', couponId: 'cpn_1', couponTitle: '春季满减券', minPaidFen: 5000, active: true, createdAt: '2026-03-02T00:00:00.000Z' }
const GRANT = {
  id: 'rwl_1',
  orderId: 'ord_9',
  kind: 'grant',
  sharerId: 'usr_7',
  ruleId: 'rwr_1',
  couponId: 'cpn_1',
  userCouponId: 'ucp_3',
  shareId: 'shr_1',
  contentSlug: 'spring',
  at: '2026-03-05T08:00:00.000Z'
}

function routes(rules: unknown[] = [RULE]) {
  return {
    'GET /api/admin/rewards/rules': () => ok({ items: rules }),
    'GET /api/admin/rewards/ledger': () => ok({ items: [GRANT, { ...GRANT, id: 'rwl_2', kind: 'void' }] }),
    'GET /api/admin/coupons': () => ok({ items: [coupon(), PERCENT] }),
    'GET /api/admin/pages': () => ok({ items: [page()], nextCursor: null })
  }
}

test('rules and the ledger: the page by its title, the coupon, the minimum paid, grants and voids with their orders', async () => {
  renderAdmin('/rewards', routes())
  const rule = (await screen.findByText('¥50')).closest('tr')!
  expect(rule).toHaveTextContent('春季满减券')
  expect(rule).toHaveTextContent('生效中')
  await waitFor(() => expect(rule).toHaveTextContent('春日'))
  const links = await screen.findAllByRole('link', { name: 'ord_9' })
  expect(links).toHaveLength(2)
  expect(links[0]!.closest('tr')).toHaveTextContent('发放')
  expect(links[1]!.closest('tr')).toHaveTextContent('收回')
})

test('no rules yet: says so; the rule form needs a coupon, sends every page as null and yuan as fen', async () => {
  const { api } = renderAdmin('/rewards', {
    ...routes([]),
    'POST /api/admin/rewards/rules': (req: FakeRequest) =>
      req.body.minPaidFen > 1_000_000
        ? fail(400, 'VALIDATION_FAILED', 'too much', [{ path: 'minPaidFen', message: '金额太大' }])
        : created({ rule: { ...RULE, id: 'rwr_2', ...req.body, couponTitle: '会员折扣' } })
  })
  expect(await screen.findByText('还没有奖励规则')).toBeInTheDocument()
  await user().click(screen.getByRole('button', { name: /新建奖励规则/ }))
  const dialog = await screen.findByRole('dialog', { name: '新建奖励规则' })
  await user().click(within(dialog).getByRole('button', { name: '保存' }))
  expect(await within(dialog).findByText('请选择奖励的优惠券')).toBeInTheDocument()

  await user().click(within(dialog).getByRole('combobox', { name: '奖励的优惠券' }))
  await user().click(await screen.findByText('会员折扣（8折 最高减50）'))
  await user().type(within(dialog).getByLabelText('好友订单最低实付'), '20000')
  await user().click(within(dialog).getByRole('button', { name: '保存' }))
  expect(await within(dialog).findByText('金额太大')).toBeInTheDocument()

  await user().clear(within(dialog).getByLabelText('好友订单最低实付'))
  await user().type(within(dialog).getByLabelText('好友订单最低实付'), '88.5')
  await user().click(within(dialog).getByRole('button', { name: '保存' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/rewards/rules')).toHaveLength(2))
  expect(api.callsTo('POST', '/api/admin/rewards/rules')[1]!.body).toEqual({ contentSlug: null, couponId: 'cpn_2', minPaidFen: 8850 })
  await waitFor(() => expect(screen.queryByRole('dialog', { name: '新建奖励规则' })).toBeNull())
})

test('a rule for one page picks the page by its title', async () => {
  const { api } = renderAdmin('/rewards', { ...routes(), 'POST /api/admin/rewards/rules': (req: FakeRequest) => created({ rule: { ...RULE, ...req.body } }) })
  await screen.findByText('¥50')
  await user().click(screen.getByRole('button', { name: /新建奖励规则/ }))
  const dialog = await screen.findByRole('dialog', { name: '新建奖励规则' })
  await user().click(within(dialog).getByRole('combobox', { name: '分享的页面' }))
  await user().click(await screen.findByText('春日（spring）'))
  await user().click(within(dialog).getByRole('combobox', { name: '奖励的优惠券' }))
  await user().click(await screen.findByText('春季满减券（满100减20）'))
  await user().click(within(dialog).getByRole('button', { name: '保存' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/rewards/rules')).toHaveLength(1))
  expect(api.callsTo('POST', '/api/admin/rewards/rules')[0]!.body).toEqual({ contentSlug: 'spring', couponId: 'cpn_1', minPaidFen: 0 })
})

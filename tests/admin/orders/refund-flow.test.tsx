import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fail, ok, type FakeRequest } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'
import { FLAG, order } from './fixtures'

const user = () => userEvent.setup({ delay: null })

test('a partial refund: amount checked against what is left, reason required, a confirmation, then the refund', async () => {
  let current = order()
  const { api } = renderAdmin('/orders/ord_1', {
    'GET /api/admin/orders/:id': () => ok({ order: current }),
    'POST /api/admin/orders/:id/refund': (req: FakeRequest) => {
      current = {
        ...current,
        status: 'refunding',
        refunds: [{ id: 'rfd_1', outRefundNo: 'rfd_1', amountFen: req.body.amountFen, reason: req.body.reason, status: 'processing', wechatRefundId: null, createdBy: 'stf_admin', createdAt: '2026-03-03T01:00:00.000Z', settledAt: null }]
      }
      return ok({ order: current })
    }
  })
  // The detail: items, address, payment and where the order came from.
  expect(await screen.findByRole('heading', { name: '订单 T2026000001' })).toBeInTheDocument()
  expect(screen.getByText('颜色：黑，尺码：M')).toBeInTheDocument()
  expect(screen.getByText('上海市 上海市 徐汇区 漕溪北路 1 号')).toBeInTheDocument()
  expect(screen.getByText('4200000001')).toBeInTheDocument()
  expect(screen.getByText('spring')).toBeInTheDocument()
  expect(screen.getByText('usr_sharer')).toBeInTheDocument()

  await user().click(screen.getByRole('button', { name: '退款' }))
  const dialog = await screen.findByRole('dialog')
  expect(within(dialog).getByText('订单金额 ¥258，已退 ¥0，最多还能退 ¥258。')).toBeInTheDocument()
  await user().click(within(dialog).getByLabelText('部分退款'))
  await user().type(within(dialog).getByLabelText('退款金额'), '300')
  await user().click(within(dialog).getByRole('button', { name: '下一步' }))
  expect(await within(dialog).findByText('最多可退 ¥258，请修改金额')).toBeInTheDocument()
  expect(within(dialog).getByText('请填写退款原因')).toBeInTheDocument()

  await user().clear(within(dialog).getByLabelText('退款金额'))
  await user().type(within(dialog).getByLabelText('退款金额'), '58.5')
  await user().type(within(dialog).getByLabelText('退款原因'), '尺码不合适')
  await user().click(within(dialog).getByRole('button', { name: '下一步' }))
  expect(await within(dialog).findByText('将通过微信支付退还 ¥58.50 给顾客')).toBeInTheDocument()
  expect(api.callsTo('POST', '/api/admin/orders/ord_1/refund')).toHaveLength(0)

  await user().click(within(dialog).getByRole('button', { name: '确认退款' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/orders/ord_1/refund')).toHaveLength(1))
  expect(api.callsTo('POST', '/api/admin/orders/ord_1/refund')[0]!.body).toEqual({ amountFen: 5850, reason: '尺码不合适' })
  expect(await screen.findByText('退款中')).toBeInTheDocument()
  expect(screen.getByText('处理中')).toBeInTheDocument()
})

test('a full refund refused by the server says why and goes back to the form', async () => {
  const { api } = renderAdmin('/orders/ord_1', {
    'GET /api/admin/orders/:id': () => ok({ order: order({ refundedFen: 5800 }) }),
    'POST /api/admin/orders/:id/refund': () => fail(409, 'REFUND_IN_PROGRESS', 'a refund of this order is under way; wait for its result')
  })
  await user().click(await screen.findByRole('button', { name: '退款' }))
  const dialog = await screen.findByRole('dialog')
  expect(within(dialog).getByLabelText('全额退款（¥200）')).toBeChecked()
  await user().type(within(dialog).getByLabelText('退款原因'), '缺货')
  await user().click(within(dialog).getByRole('button', { name: '下一步' }))
  await user().click(await within(dialog).findByRole('button', { name: '确认退款' }))
  expect(await screen.findByText('这笔订单有一笔退款正在处理，请等它完成后再退')).toBeInTheDocument()
  expect(api.callsTo('POST', '/api/admin/orders/ord_1/refund')[0]!.body).toEqual({ amountFen: 20000, reason: '缺货' })
  expect(within(dialog).getByRole('button', { name: '下一步' })).toBeInTheDocument()
})

test('the order list filters by status and shows flagged payment problems to admins', async () => {
  const { api } = renderAdmin('/orders', {
    'GET /api/admin/orders': (req) => ok({ items: req.query.get('status') === 'refunded' ? [] : [order()], nextCursor: null }),
    'GET /api/admin/flags': () => ok({ items: [FLAG], nextCursor: null })
  })
  expect(await screen.findByText('T2026000001')).toBeInTheDocument()
  expect(screen.getByText('有 1 条支付异常需要处理')).toBeInTheDocument()
  expect(screen.getByText(/金额不一致/)).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '支付异常 1 条' })).toBeInTheDocument()

  await user().click(screen.getByRole('combobox', { name: '订单状态' }))
  await user().click(await screen.findByTitle('已退款'))
  await waitFor(() => expect(api.calls.some((c) => c.path === '/api/admin/orders' && c.query.get('status') === 'refunded')).toBe(true))
  await waitFor(() => expect(screen.queryByText('T2026000001')).not.toBeInTheDocument())
})

test('the refunds screen lists refunding, refunded and partly refunded orders, not plain paid ones', async () => {
  renderAdmin('/refunds', {
    'GET /api/admin/orders': (req) =>
      req.query.get('cursor')
        ? ok({ items: [order({ id: 'ord_4', outTradeNo: 'T4', status: 'refunded', refundedFen: 25800 })], nextCursor: null })
        : ok({
            items: [
              order({ id: 'ord_1', outTradeNo: 'T1', status: 'paid', refundedFen: 5900 }),
              order({ id: 'ord_2', outTradeNo: 'T2', status: 'paid', refundedFen: 0 }),
              order({ id: 'ord_3', outTradeNo: 'T3', status: 'refunding', refundedFen: 0 })
            ],
            nextCursor: 'next'
          })
  })
  expect(await screen.findByRole('link', { name: 'T4' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'T1' }).closest('tr')).toHaveTextContent('¥59')
  expect(screen.getByRole('link', { name: 'T3' })).toBeInTheDocument()
  expect(screen.queryByRole('link', { name: 'T2' })).not.toBeInTheDocument()
})

test('after a refund the order is read again, and polled while 退款中 until WeChat Pay settles it: no manual reload', async () => {
  let current = order()
  let readsSinceRefund = 0
  const settled = () => ({
    ...current,
    status: 'refunded' as const,
    refundedFen: 25800,
    refunds: current.refunds.map((r) => ({ ...r, status: 'success' as const, settledAt: '2026-03-03T01:00:05.000Z' }))
  })
  const { api } = renderAdmin(
    '/orders/ord_1',
    {
      'GET /api/admin/orders/:id': () => {
        if (current.status === 'refunding' && ++readsSinceRefund >= 2) current = settled()
        return ok({ order: current })
      },
      'POST /api/admin/orders/:id/refund': (req: FakeRequest) => {
        current = {
          ...current,
          status: 'refunding',
          refunds: [{ id: 'rfd_1', outRefundNo: 'rfd_1', amountFen: req.body.amountFen, reason: req.body.reason, status: 'processing', wechatRefundId: null, createdBy: 'stf_admin', createdAt: '2026-03-03T01:00:00.000Z', settledAt: null }]
        }
        return ok({ order: current })
      }
    },
    undefined,
    { pollMs: 20 }
  )
  await user().click(await screen.findByRole('button', { name: '退款' }))
  const dialog = await screen.findByRole('dialog')
  await user().type(within(dialog).getByLabelText('退款原因'), '缺货')
  await user().click(within(dialog).getByRole('button', { name: '下一步' }))
  await user().click(await within(dialog).findByRole('button', { name: '确认退款' }))

  // The refund's answer (退款中) shows at once, with a note that the page keeps itself up to date…
  expect(await screen.findByText('等待微信支付的退款结果，页面会自动更新')).toBeInTheDocument()
  // …and the order is read again until it settled, with no reload.
  expect(await screen.findByText('已退款', { selector: '.ant-tag' })).toBeInTheDocument()
  expect(screen.getByText('已退款', { selector: 'td' })).toBeInTheDocument()
  expect(screen.queryByText('等待微信支付的退款结果，页面会自动更新')).toBeNull()
  const posted = api.calls.findIndex((c) => c.method === 'POST')
  expect(api.calls.slice(posted + 1).filter((c) => c.method === 'GET' && c.path === '/api/admin/orders/ord_1').length).toBeGreaterThanOrEqual(2)
  expect(screen.getByRole('button', { name: '退款' })).toBeDisabled()
})

test('orders name the content page by its title, not its slug', async () => {
  const pages = { 'GET /api/admin/pages': () => ok({ items: [{ id: 'pg_1', slug: 'spring', title: '春日上新' }], nextCursor: null }) }
  renderAdmin('/orders', { ...pages, 'GET /api/admin/orders': () => ok({ items: [order()], nextCursor: null }) })
  const row = (await screen.findByText('T2026000001')).closest('tr') as HTMLElement
  await waitFor(() => expect(row).toHaveTextContent('春日上新'))
  expect(row).not.toHaveTextContent('spring')
})

test('the order page names its content page by title too', async () => {
  renderAdmin('/orders/ord_1', {
    'GET /api/admin/pages': () => ok({ items: [{ id: 'pg_1', slug: 'spring', title: '春日上新' }], nextCursor: null }),
    'GET /api/admin/orders/:id': () => ok({ order: order() })
  })
  expect(await screen.findByText('春日上新')).toBeInTheDocument()
  expect(screen.queryByText('spring')).toBeNull()
})

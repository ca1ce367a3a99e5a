import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { isOpenAfterSale } from '@core/after-sale'
import type { AdminAfterSaleDto, AfterSaleStatus } from '@core/contract/after-sales'
import { fail, ok, type FakeRequest } from '../helpers/fake-api'
import { EDITOR, renderAdmin } from '../helpers/render-admin'

const user = () => userEvent.setup({ delay: null })

function request(id: string, over: Partial<AdminAfterSaleDto> = {}): AdminAfterSaleDto {
  return {
    id,
    orderId: `ord_${id}`,
    outTradeNo: `T${id}`,
    orderStatus: 'shipped',
    totalFen: 25800,
    refundedFen: 0,
    kind: 'refund',
    status: 'requested',
    reason: '尺码不合适',
    amountFen: 12900,
    images: [],
    createdAt: '2026-03-04T08:00:00.000Z',
    updatedAt: '2026-03-04T08:00:00.000Z',
    ...over
  }
}

/** A backend whose requests move as staff decide, like the real one. */
function backend(initial: AdminAfterSaleDto[], settings = { afterSaleAutoApprove: false }) {
  const requests = new Map(initial.map((r) => [r.id, r]))
  const move = (id: string, status: AfterSaleStatus, extra: Partial<AdminAfterSaleDto> = {}) => {
    const r = requests.get(id)!
    requests.set(id, { ...r, status, ...extra })
    return ok({ afterSale: requests.get(id) })
  }
  return {
    'GET /api/admin/after-sales': (req: FakeRequest) => {
      const status = req.query.get('status') ?? 'all'
      const wanted = (r: AdminAfterSaleDto) => status === 'all' || (status === 'open' ? isOpenAfterSale(r.status) : r.status === status)
      return ok({ items: [...requests.values()].filter(wanted), nextCursor: null })
    },
    'POST /api/admin/after-sales/:id/approve': (req: FakeRequest, p: Record<string, string>) =>
      move(p.id!, requests.get(p.id!)!.kind === 'refund' ? 'refunding' : 'awaiting_return', { restock: req.body.restock }),
    'POST /api/admin/after-sales/:id/reject': (req: FakeRequest, p: Record<string, string>) => move(p.id!, 'rejected', { rejectReason: req.body.reason }),
    'POST /api/admin/after-sales/:id/received': (_: FakeRequest, p: Record<string, string>) => move(p.id!, 'refunding'),
    'GET /api/admin/settings': () => ok({ settings }),
    'PUT /api/admin/settings': (req: FakeRequest) => {
      settings = { ...settings, ...req.body }
      return ok({ settings })
    }
  }
}

const rowOf = (outTradeNo: string) => screen.getByRole('link', { name: outTradeNo }).closest('tr') as HTMLElement

test('the queue shows each request’s order, kind, amount, reason and photos; a photo opens large', async () => {
  const { api } = renderAdmin(
    '/after-sales',
    backend([
      request('1', { images: ['/media/p1.jpg', '/media/p2.jpg'], note: '洗过一次就缩水了' }),
      request('2', { kind: 'return', orderStatus: 'completed', amountFen: 25800, refundedFen: 0 })
    ])
  )
  expect(await screen.findByRole('heading', { name: '售后' })).toBeInTheDocument()
  await screen.findByRole('link', { name: 'T1' })
  expect(api.callsTo('GET', '/api/admin/after-sales')[0]!.query.get('status')).toBe('open')

  const first = rowOf('T1')
  expect(within(first).getByText('仅退款')).toBeInTheDocument()
  expect(within(first).getByText('¥129')).toBeInTheDocument()
  expect(within(first).getByText('订单 ¥258，已退 ¥0')).toBeInTheDocument()
  expect(within(first).getByText('尺码不合适')).toBeInTheDocument()
  expect(within(first).getByText('洗过一次就缩水了')).toBeInTheDocument()
  expect(within(first).getByText('已发货')).toBeInTheDocument()
  expect(within(rowOf('T2')).getByText('退货退款')).toBeInTheDocument()
  expect(within(rowOf('T2')).getByText('顾客还没寄回')).toBeInTheDocument()

  await user().click(within(first).getByRole('img', { name: '凭证图片 2' }))
  const preview = await screen.findByRole('dialog')
  expect(within(preview).getAllByRole('img').some((img) => img.getAttribute('src') === '/media/p2.jpg')).toBe(true)
})

test('approve a refund with 退回库存: it says what will happen, then the queue is read again', async () => {
  const { api } = renderAdmin('/after-sales', backend([request('1', { orderStatus: 'paid' })]))
  await user().click(await screen.findByRole('button', { name: '同意 T1' }))
  const dialog = await screen.findByRole('dialog', { name: '同意售后 · 订单 T1' })
  expect(within(dialog).getByText('同意后将通过微信支付退还 ¥129 给顾客。')).toBeInTheDocument()
  // Not shipped yet: the goods are still here, so 退回库存 starts ticked.
  expect(within(dialog).getByRole('checkbox', { name: '退回库存' })).toBeChecked()
  await user().click(within(dialog).getByRole('button', { name: '同意' }))

  await waitFor(() => expect(api.callsTo('POST', '/api/admin/after-sales/1/approve')).toHaveLength(1))
  expect(api.callsTo('POST', '/api/admin/after-sales/1/approve')[0]!.body).toEqual({ restock: true })
  // Read again: the request is now refunding, with nothing left to decide.
  expect(await within(rowOf('T1')).findByText('退款中', { selector: '.ant-tag' })).toBeInTheDocument()
  expect(within(rowOf('T1')).queryByRole('button', { name: /同意|拒绝/ })).not.toBeInTheDocument()
  expect(api.callsTo('GET', '/api/admin/after-sales')).toHaveLength(2)

  await user().click(screen.getByRole('radio', { name: '待审核' }))
  expect(await screen.findByText('没有「待审核」的售后申请')).toBeInTheDocument()
})

test('a return: approve without restock, then 确认收到退货 once the parcel is back', async () => {
  const { api } = renderAdmin(
    '/after-sales',
    backend([request('1', { kind: 'return', returnShipment: undefined })])
  )
  await user().click(await screen.findByRole('button', { name: '同意 T1' }))
  let dialog = await screen.findByRole('dialog')
  expect(within(dialog).getByText('同意后顾客会被告知寄回商品；收到退货后再点「确认收到退货」，才会退款 ¥129。')).toBeInTheDocument()
  await user().click(within(dialog).getByRole('checkbox', { name: '退回库存' }))
  await user().click(within(dialog).getByRole('button', { name: '同意' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/after-sales/1/approve')[0]?.body).toEqual({ restock: false }))

  await user().click(await screen.findByRole('button', { name: '确认收到退货 T1' }))
  dialog = await screen.findByRole('dialog', { name: '确认收到退货 · 订单 T1' })
  expect(within(dialog).getByText('确认后将通过微信支付退还 ¥129 给顾客。')).toBeInTheDocument()
  await user().click(within(dialog).getByRole('button', { name: '确认收到' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/after-sales/1/received')).toHaveLength(1))
  expect(await within(rowOf('T1')).findByText('退款中', { selector: '.ant-tag' })).toBeInTheDocument()
})

test('reject needs a reason, which is sent for the shopper to read', async () => {
  const { api } = renderAdmin('/after-sales', backend([request('1')]))
  await user().click(await screen.findByRole('button', { name: '拒绝 T1' }))
  const dialog = await screen.findByRole('dialog', { name: '拒绝售后 · 订单 T1' })
  await user().click(within(dialog).getByRole('button', { name: '拒绝' }))
  expect(await within(dialog).findByText('请填写拒绝原因')).toBeInTheDocument()
  await user().type(within(dialog).getByLabelText('拒绝原因'), '商品已穿着，影响二次销售')
  await user().click(within(dialog).getByRole('button', { name: '拒绝' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/after-sales/1/reject')).toHaveLength(1))
  expect(api.callsTo('POST', '/api/admin/after-sales/1/reject')[0]!.body).toEqual({ reason: '商品已穿着，影响二次销售' })

  await user().click(await screen.findByRole('radio', { name: '已拒绝' }))
  expect(await screen.findByText('原因：商品已穿着，影响二次销售')).toBeInTheDocument()
  expect(within(rowOf('T1')).queryByRole('button', { name: /同意|拒绝/ })).not.toBeInTheDocument()
})

test('a decision the server refuses (the shopper withdrew meanwhile) says so and shows the request as it is now', async () => {
  const routes = backend([request('1')])
  let withdrawn = false
  const { api } = renderAdmin('/after-sales', {
    ...routes,
    'GET /api/admin/after-sales': (req: FakeRequest) => (withdrawn ? ok({ items: [], nextCursor: null }) : routes['GET /api/admin/after-sales'](req)),
    'POST /api/admin/after-sales/:id/approve': () => {
      withdrawn = true
      return fail(409, 'AFTER_SALE_CLOSED', 'this after-sales request is already cancelled')
    }
  })
  await user().click(await screen.findByRole('button', { name: '同意 T1' }))
  await user().click(within(await screen.findByRole('dialog')).getByRole('button', { name: '同意' }))
  expect(await screen.findByText('这个售后申请已经结束了（顾客可能已撤销），请刷新')).toBeInTheDocument()
  expect(await screen.findByText('没有要处理的售后申请')).toBeInTheDocument()
  expect(api.callsTo('GET', '/api/admin/after-sales')).toHaveLength(2)
})

test('the automatic-approval setting is read and saved', async () => {
  const { api } = renderAdmin('/after-sales', backend([], { afterSaleAutoApprove: false }))
  const toggle = await screen.findByRole('switch', { name: '未发货订单的退款申请自动同意' })
  await waitFor(() => expect(toggle).toBeEnabled())
  expect(toggle).not.toBeChecked()
  await user().click(toggle)
  await waitFor(() => expect(toggle).toBeChecked())
  expect(api.callsTo('PUT', '/api/admin/settings')[0]!.body).toEqual({ afterSaleAutoApprove: true })
  expect(screen.getByText('已开启：未发货订单的退款申请会自动同意并退款')).toBeInTheDocument()
})

test('editors do not see shipping or after-sales', async () => {
  renderAdmin('/after-sales', {}, EDITOR)
  expect(await screen.findByText('这部分只有管理员能看')).toBeInTheDocument()
})

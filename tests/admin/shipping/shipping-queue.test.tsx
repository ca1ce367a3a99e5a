import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { OrderSummary } from '@core/contract/admin-orders'
import { fail, ok, type FakeRequest } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'
import { CARRIERS, freezeDate, paidOrder } from './fixtures'

const user = () => userEvent.setup({ delay: null })
beforeEach(freezeDate)
afterEach(() => jest.useRealTimers())

/** A backend holding these paid orders; shipping one with everything takes it off the queue. */
function shop(orders: OrderSummary[], ship: (req: FakeRequest) => ReturnType<typeof ok> | null = () => null) {
  let waiting = [...orders]
  return {
    'GET /api/admin/orders': () => ok({ items: waiting, nextCursor: null }),
    'GET /api/admin/carriers': () => ok({ items: CARRIERS }),
    'POST /api/admin/orders/:id/ship': (req: FakeRequest, params: Record<string, string>) => {
      const refused = ship(req)
      if (refused) return refused
      const shipped = waiting.find((o) => o.id === params.id)!
      if (req.body.allDelivered) waiting = waiting.filter((o) => o.id !== params.id)
      return ok({ order: { ...shipped, status: req.body.allDelivered ? 'shipped' : 'paid' } })
    }
  }
}

const rowOf = (outTradeNo: string) => screen.getByRole('link', { name: outTradeNo }).closest('tr') as HTMLElement
/** The text's styled wrapper (antd puts <strong> inside it). */
const styled = (el: HTMLElement) => el.closest('.ant-typography')
/** The option of the dropdown opened last (earlier parcels' dropdowns stay in the page, hidden). */
async function pick(title: string) {
  const options = await screen.findAllByTitle(title)
  await user().click(options.at(-1)!)
}

test('the queue lists paid orders oldest first with the time left of the 48 hours, overdue in red, reminders flagged', async () => {
  const { api } = renderAdmin(
    '/shipping',
    shop([
      paidOrder('1', 50, { shippingReminderAt: new Date().toISOString() }),
      paidOrder('2', 44.5, {
        afterSale: { id: 'as_1', orderId: '2', kind: 'refund', status: 'requested', reason: '不想要了', amountFen: 100, images: [], createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() }
      }),
      paidOrder('3', 10)
    ])
  )
  expect(await screen.findByRole('heading', { name: '待发货' })).toBeInTheDocument()
  await screen.findByRole('link', { name: 'T1' })
  const query = api.callsTo('GET', '/api/admin/orders')[0]!.query
  expect([query.get('status'), query.get('sort')]).toEqual(['paid', 'oldest'])

  expect(styled(within(rowOf('T1')).getByText('已超时 2 小时'))).toHaveClass('ant-typography-danger')
  expect(within(rowOf('T1')).getByText('顾客催发货')).toBeInTheDocument()
  expect(styled(within(rowOf('T2')).getByText('剩 3 小时 30 分'))).toHaveClass('ant-typography-warning')
  // A shopper asked for a refund before shipping: staff see it before they ship.
  expect(within(rowOf('T2')).getByText('售后待审核')).toBeInTheDocument()
  expect(styled(within(rowOf('T3')).getByText('剩 38 小时'))).not.toHaveClass('ant-typography-danger')
  expect(within(rowOf('T3')).queryByText('顾客催发货')).not.toBeInTheDocument()
  expect(screen.getByText(/已列出 3 单，其中 1 单已超时/)).toBeInTheDocument()
})

test('an empty queue says so', async () => {
  renderAdmin('/shipping', shop([]))
  expect(await screen.findByText('没有待发货的订单')).toBeInTheDocument()
})

test('ship by express from the queue: carrier searched in WeChat’s list, tracking number; the queue is read again', async () => {
  const { api } = renderAdmin('/shipping', shop([paidOrder('1', 20), paidOrder('2', 10)]))
  await user().click(await screen.findByRole('button', { name: '发货 T1' }))
  const dialog = await screen.findByRole('dialog', { name: '发货 · 订单 T1' })
  expect(within(dialog).getByText('待发：亚麻衬衫 颜色：黑，尺码：M × 2')).toBeInTheDocument()

  // Nothing filled in: both fields say what is missing, nothing is sent.
  await user().click(within(dialog).getByRole('button', { name: '确认发货' }))
  expect(await within(dialog).findByText('请选择快递公司')).toBeInTheDocument()
  expect(within(dialog).getByText('请填写运单号')).toBeInTheDocument()

  await user().type(within(dialog).getByRole('combobox', { name: '快递公司' }), '顺丰')
  await user().click(await screen.findByTitle('顺丰速运'))
  await user().type(within(dialog).getByLabelText('运单号'), 'SF1234567890')
  await user().click(within(dialog).getByRole('button', { name: '确认发货' }))

  await waitFor(() => expect(api.callsTo('POST', '/api/admin/orders/1/ship')).toHaveLength(1))
  expect(api.callsTo('POST', '/api/admin/orders/1/ship')[0]!.body).toEqual({
    logisticsType: 'express',
    parcels: [{ carrierCode: 'SF', trackingNo: 'SF1234567890' }],
    allDelivered: true
  })
  expect(await screen.findByText('订单 T1 已发货')).toBeInTheDocument()
  await waitFor(() => expect(screen.queryByRole('link', { name: 'T1' })).not.toBeInTheDocument())
  expect(screen.getByRole('link', { name: 'T2' })).toBeInTheDocument()
  expect(api.callsTo('GET', '/api/admin/orders')).toHaveLength(2)
})

test('the server’s field problems show on the fields of the parcel', async () => {
  const { api } = renderAdmin(
    '/shipping',
    shop([paidOrder('1', 20)], () =>
      fail(400, 'INVALID_SHIPMENT', 'The shipment is not valid', [{ path: 'parcels.0.trackingNo', message: '顺丰运单号应以 SF 开头' }])
    )
  )
  await user().click(await screen.findByRole('button', { name: '发货 T1' }))
  const dialog = await screen.findByRole('dialog')
  await user().click(within(dialog).getByRole('combobox', { name: '快递公司' }))
  await user().click(await screen.findByTitle('顺丰速运'))
  await user().type(within(dialog).getByLabelText('运单号'), '12345')
  await user().click(within(dialog).getByRole('button', { name: '确认发货' }))
  expect(await within(dialog).findByText('顺丰运单号应以 SF 开头')).toBeInTheDocument()
  expect(screen.getByText('发货信息有误，请看标红的字段')).toBeInTheDocument()
  expect(api.callsTo('POST', '/api/admin/orders/1/ship')).toHaveLength(1)
  expect(screen.getByRole('dialog')).toBeInTheDocument()
})

test('split delivery: two parcels with their items; 全部发完 follows whether everything is in a parcel', async () => {
  const order = paidOrder('1', 20, {
    items: [
      { skuId: 'sku_a', title: '衬衫', attrs: {}, priceFen: 100, qty: 2 },
      { skuId: 'sku_b', title: '帽子', attrs: {}, priceFen: 100, qty: 1 }
    ]
  })
  const { api } = renderAdmin('/shipping', shop([order]))
  await user().click(await screen.findByRole('button', { name: '发货 T1' }))
  const dialog = await screen.findByRole('dialog')
  await user().click(within(dialog).getByRole('button', { name: '添加包裹（分包裹发货）' }))
  const first = within(dialog).getByRole('group', { name: '包裹 1' })
  const second = within(dialog).getByRole('group', { name: '包裹 2' })

  // Parcel 1 starts with everything; moving the hat to parcel 2 leaves 1 line each.
  expect(within(first).getByLabelText('衬衫 数量')).toHaveValue('2')
  await user().clear(within(first).getByLabelText('帽子 数量'))
  await user().type(within(first).getByLabelText('帽子 数量'), '0')
  expect(within(dialog).getByRole('switch', { name: '全部发完' })).not.toBeChecked()
  await user().type(within(second).getByLabelText('帽子 数量'), '1')
  await waitFor(() => expect(within(dialog).getByRole('switch', { name: '全部发完' })).toBeChecked())

  for (const [group, carrier, no] of [[first, '顺丰速运', 'SF1'], [second, '圆通速递', 'YT2']] as const) {
    await user().click(within(group).getByRole('combobox', { name: '快递公司' }))
    await pick(carrier)
    await user().type(within(group).getByLabelText('运单号'), no)
  }
  await user().click(within(dialog).getByRole('button', { name: '确认发货' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/orders/1/ship')).toHaveLength(1))
  expect(api.callsTo('POST', '/api/admin/orders/1/ship')[0]!.body).toEqual({
    logisticsType: 'express',
    parcels: [
      { carrierCode: 'SF', trackingNo: 'SF1', items: [{ skuId: 'sku_a', qty: 2 }] },
      { carrierCode: 'YTO', trackingNo: 'YT2', items: [{ skuId: 'sku_b', qty: 1 }] }
    ],
    allDelivered: true
  })
})

test('a parcel with no items is refused before sending', async () => {
  const { api } = renderAdmin('/shipping', shop([paidOrder('1', 20)]))
  await user().click(await screen.findByRole('button', { name: '发货 T1' }))
  const dialog = await screen.findByRole('dialog')
  await user().click(within(dialog).getByRole('button', { name: '添加包裹（分包裹发货）' }))
  for (const group of [within(dialog).getByRole('group', { name: '包裹 1' }), within(dialog).getByRole('group', { name: '包裹 2' })]) {
    await user().click(within(group).getByRole('combobox', { name: '快递公司' }))
    await pick('京东物流')
    await user().type(within(group).getByLabelText('运单号'), 'JD1')
  }
  await user().click(within(dialog).getByRole('button', { name: '确认发货' }))
  expect(await within(within(dialog).getByRole('group', { name: '包裹 2' })).findByText('这个包裹还没选商品，或选了订单里没有的商品')).toBeInTheDocument()
  expect(api.callsTo('POST', '/api/admin/orders/1/ship')).toHaveLength(0)
})

test('pickup needs no carrier or tracking number', async () => {
  const { api } = renderAdmin('/shipping', shop([paidOrder('1', 20)]))
  await user().click(await screen.findByRole('button', { name: '发货 T1' }))
  const dialog = await screen.findByRole('dialog')
  await user().click(within(dialog).getByText('用户自提'))
  expect(within(dialog).getByText('用户自提：顾客到店自取，不需要运单号。')).toBeInTheDocument()
  expect(within(dialog).queryByLabelText('运单号')).not.toBeInTheDocument()
  await user().click(within(dialog).getByRole('button', { name: '确认发货' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/orders/1/ship')).toHaveLength(1))
  expect(api.callsTo('POST', '/api/admin/orders/1/ship')[0]!.body).toEqual({ logisticsType: 'pickup', allDelivered: true })
})

import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Order } from '@core/contract/admin-orders'
import { readTextFile } from '../../../src/admin/common/read-text-file'
import { file, fail, ok, type FakeRequest } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'
import { CARRIERS, freezeDate } from '../shipping/fixtures'
import { order } from './fixtures'

const user = () => userEvent.setup({ delay: null })
beforeEach(freezeDate)
afterEach(() => {
  jest.useRealTimers()
  jest.restoreAllMocks()
})

const card = (title: string) => screen.getByText(title, { selector: '.ant-card-head-title' }).closest('.ant-card') as HTMLElement

test('the detail shows parcels, times, the after-sales request, refunds and WeChat problems with what to do', async () => {
  const shipped: Order = order({
    status: 'completed',
    refundedFen: 5000,
    shipments: [
      { id: 'shp_1', logisticsType: 'express', carrier: { code: 'SF', name: '顺丰速运' }, trackingNo: 'SF100200300', items: [{ skuId: 'sku_1', qty: 1 }], shippedAt: '2026-03-02T06:00:00.000Z' },
      { id: 'shp_2', logisticsType: 'express', carrier: { code: 'YTO', name: '圆通速递' }, trackingNo: 'YT900', items: [{ skuId: 'sku_1', qty: 1 }], shippedAt: '2026-03-03T06:00:00.000Z' }
    ],
    shippedAt: '2026-03-03T06:00:00.000Z',
    completedAt: '2026-03-04T06:00:00.000Z',
    afterSale: {
      id: 'as_1',
      orderId: 'ord_1',
      kind: 'refund',
      status: 'refunded',
      reason: '少发了配件',
      amountFen: 5000,
      note: '纽扣掉了一颗',
      images: ['/media/a.jpg', '/media/b.jpg'],
      createdAt: '2026-03-04T08:00:00.000Z',
      updatedAt: '2026-03-04T09:00:00.000Z'
    },
    refunds: [{ id: 'rfd_1', outRefundNo: 'R1', amountFen: 5000, reason: '少发了配件', status: 'success', wechatRefundId: '5000', createdBy: null, createdAt: '2026-03-04T09:00:00.000Z', settledAt: '2026-03-04T09:01:00.000Z' }],
    wechatTasks: [
      {
        id: 'wt_1',
        kind: 'upload_shipping_info',
        status: 'pending',
        attempts: 6,
        nextAttemptAt: '2026-03-05T05:00:00.000Z',
        lastErrcode: 10060001,
        problem: { message: '微信还没收到这笔支付', action: '一般几分钟后会自动好；超过 1 小时仍失败，请在微信支付商户平台核对这笔订单' },
        updatedAt: '2026-03-05T04:00:00.000Z'
      },
      { id: 'wt_2', kind: 'set_msg_jump_path', status: 'done', attempts: 1, nextAttemptAt: null, lastErrcode: null, updatedAt: '2026-03-02T04:00:00.000Z' }
    ]
  })
  renderAdmin('/orders/ord_1', { 'GET /api/admin/orders/:id': () => ok({ order: shipped }) })
  await screen.findByRole('heading', { name: '订单 T2026000001' })

  const parcels = card('物流')
  expect(within(parcels).getByText('包裹 1').closest('tr')).toHaveTextContent('顺丰速运SF100200300亚麻衬衫 × 1')
  expect(within(parcels).getByText('包裹 2').closest('tr')).toHaveTextContent('圆通速递YT900')
  expect(within(parcels).getByText('发货完成').nextSibling).toHaveTextContent(/2026-03-03/)
  expect(within(parcels).getByText('订单完成').nextSibling).toHaveTextContent(/2026-03-04/)
  expect(screen.queryByRole('button', { name: '发货' })).not.toBeInTheDocument()

  const afterSale = card('售后申请')
  expect(within(afterSale).getByText('仅退款')).toBeInTheDocument()
  expect(within(afterSale).getByText('已退款')).toBeInTheDocument()
  expect(within(afterSale).getByText('少发了配件（纽扣掉了一颗）')).toBeInTheDocument()
  expect(within(afterSale).getAllByRole('img', { name: /凭证图片/ })).toHaveLength(2)

  expect(within(card('退款记录')).getByText('R1')).toBeInTheDocument()

  // WeChat's refusal in Chinese, what to do, and when it is tried again.
  expect(screen.getByText('微信上传发货信息失败：微信还没收到这笔支付')).toBeInTheDocument()
  expect(screen.getByText('怎么办：一般几分钟后会自动好；超过 1 小时仍失败，请在微信支付商户平台核对这笔订单')).toBeInTheDocument()
  expect(screen.getAllByText(/已尝试 6 次（微信返回 10060001），将在 .* 自动重试。/).length).toBeGreaterThan(0)
  expect(within(card('微信同步')).getByText('设置订单消息跳转页').closest('tr')).toHaveTextContent('已完成')
})

test('ship the rest of a split delivery from the detail; the order is read again afterwards', async () => {
  let current: Order = order({
    items: [
      { skuId: 'sku_a', title: '衬衫', attrs: {}, priceFen: 100, qty: 1 },
      { skuId: 'sku_b', title: '帽子', attrs: {}, priceFen: 100, qty: 1 }
    ],
    shipBy: '2026-03-05T02:00:00.000Z',
    shipments: [{ id: 'shp_1', logisticsType: 'express', carrier: { code: 'SF', name: '顺丰速运' }, trackingNo: 'SF1', items: [{ skuId: 'sku_a', qty: 1 }], shippedAt: '2026-03-02T06:00:00.000Z' }]
  })
  const { api } = renderAdmin('/orders/ord_1', {
    'GET /api/admin/orders/:id': () => ok({ order: current }),
    'GET /api/admin/carriers': () => ok({ items: CARRIERS }),
    'POST /api/admin/orders/:id/ship': (req: FakeRequest) => {
      current = {
        ...current,
        status: 'shipped',
        shippedAt: '2026-03-05T04:00:00.000Z',
        shipments: [...(current.shipments ?? []), { id: 'shp_2', logisticsType: 'express', carrier: { code: 'ZTO', name: '中通快递' }, trackingNo: req.body.parcels[0].trackingNo, items: [{ skuId: 'sku_b', qty: 1 }], shippedAt: '2026-03-05T04:00:00.000Z' }]
      }
      return ok({ order: current })
    }
  })
  await screen.findByRole('heading', { name: '订单 T2026000001' })
  expect(screen.getByText(/（已超时 2 小时）/)).toBeInTheDocument()

  await user().click(screen.getByRole('button', { name: '发货' }))
  const dialog = await screen.findByRole('dialog')
  expect(within(dialog).getByText('待发：帽子 × 1')).toBeInTheDocument()
  expect(within(dialog).getByText('已发出 1 个包裹，剩下的商品用同样的方式发')).toBeInTheDocument()
  await user().click(within(dialog).getByRole('combobox', { name: '快递公司' }))
  await user().click(await screen.findByTitle('中通快递'))
  await user().type(within(dialog).getByLabelText('运单号'), 'ZT77')
  await user().click(within(dialog).getByRole('button', { name: '确认发货' }))

  await waitFor(() => expect(api.callsTo('POST', '/api/admin/orders/ord_1/ship')).toHaveLength(1))
  expect(api.callsTo('POST', '/api/admin/orders/ord_1/ship')[0]!.body).toEqual({ logisticsType: 'express', parcels: [{ carrierCode: 'ZTO', trackingNo: 'ZT77' }], allDelivered: true })
  expect(await within(card('物流')).findByText('ZT77')).toBeInTheDocument()
  expect(screen.getByText('已发货', { selector: '.ant-tag' })).toBeInTheDocument()
  expect(api.callsTo('GET', '/api/admin/orders/ord_1')).toHaveLength(2)
})

test('导出订单 downloads the CSV of the current filters; a refusal is said in Chinese', async () => {
  const created: Blob[] = []
  URL.createObjectURL = jest.fn((b: Blob) => {
    created.push(b)
    return 'blob:orders'
  })
  URL.revokeObjectURL = jest.fn()
  const clicked: string[] = []
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.download)
  })
  let refuse = false
  const { api } = renderAdmin('/orders', {
    'GET /api/admin/orders': () => ok({ items: [order()], nextCursor: null }),
    'GET /api/admin/orders/export': () =>
      refuse
        ? fail(400, 'VALIDATION_FAILED', 'The query is not valid', [{ path: 'to', message: 'from must be before to' }])
        : file('\uFEFF订单号,商品\r\nT2026000001,亚麻衬衫\r\n', { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="orders.csv"; filename*=UTF-8''${encodeURIComponent('订单-20260305.csv')}` })
  })
  await screen.findByText('T2026000001')
  await user().click(screen.getByRole('combobox', { name: '订单状态' }))
  await user().click(await screen.findByTitle('已发货'))
  await user().click(screen.getByRole('button', { name: /导出订单/ }))

  await waitFor(() => expect(clicked).toEqual(['订单-20260305.csv']))
  const call = api.callsTo('GET', '/api/admin/orders/export')[0]!
  expect(call.query.get('status')).toBe('shipped')
  expect(await readTextFile(created[0] as File)).toContain('T2026000001')
  expect(await screen.findByText('已开始下载 订单-20260305.csv')).toBeInTheDocument()

  refuse = true
  await user().click(screen.getByRole('button', { name: /导出订单/ }))
  expect(await screen.findByText('有内容需要修改，请看标红的字段')).toBeInTheDocument()
  expect(clicked).toHaveLength(1)
})

test('a WeChat call that failed for good is sent again with 重新提交, and the order is read again', async () => {
  const failed = {
    id: 'wt_9',
    kind: 'upload_shipping_info' as const,
    status: 'failed' as const,
    attempts: 3,
    nextAttemptAt: null,
    lastErrcode: 10060004,
    problem: { message: '快递公司编码不对', action: '在订单里核对快递公司后重新提交' },
    updatedAt: '2026-03-05T03:00:00.000Z'
  }
  let current: Order = order({ status: 'shipped', wechatTasks: [failed] })
  const { api } = renderAdmin('/orders/ord_1', {
    'GET /api/admin/orders/:id': () => ok({ order: current }),
    'POST /api/admin/wechat-tasks/:id/retry': () => {
      current = { ...current, wechatTasks: [{ ...failed, status: 'pending', attempts: 0, problem: undefined }] }
      return ok({ order: current })
    }
  })
  expect(await screen.findByText('微信上传发货信息失败：快递公司编码不对')).toBeInTheDocument()
  expect(screen.getAllByText(/已停止自动重试：按上面的做法处理好后，点「重新提交」再试一次。/).length).toBeGreaterThan(0)
  await user().click(screen.getAllByRole('button', { name: '重新提交' })[0]!)
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/wechat-tasks/wt_9/retry')).toHaveLength(1))
  await waitFor(() => expect(screen.queryByText('微信上传发货信息失败：快递公司编码不对')).not.toBeInTheDocument())
  expect(within(card('微信同步')).getByText('等待发送')).toBeInTheDocument()
})

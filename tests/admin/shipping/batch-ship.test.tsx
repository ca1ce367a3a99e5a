import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ok, type FakeRequest } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'
import { CARRIERS, freezeDate, paidOrder } from './fixtures'

const user = () => userEvent.setup({ delay: null })
beforeEach(freezeDate)
afterEach(() => jest.useRealTimers())

const csv = (text: string) => new File([text], '发货.csv', { type: 'text/csv' })

test('a CSV is previewed row by row, the good rows are shipped in one call, and each row shows its result', async () => {
  let waiting = [paidOrder('1', 30), paidOrder('2', 20), paidOrder('3', 10)]
  const { api } = renderAdmin('/shipping', {
    'GET /api/admin/orders': () => ok({ items: waiting, nextCursor: null }),
    'GET /api/admin/carriers': () => ok({ items: CARRIERS }),
    'POST /api/admin/orders/shipments': (req: FakeRequest) => {
      const results = req.body.rows.map((r: { orderId: string }) =>
        r.orderId === 'T1' ? { orderId: r.orderId, ok: true } : { orderId: r.orderId, ok: false, code: 'ORDER_NOT_SHIPPABLE', message: 'This order is shipped' }
      )
      waiting = waiting.filter((o) => o.id !== '1')
      return ok({ results })
    }
  })
  await screen.findByRole('link', { name: 'T1' })
  await user().click(screen.getByRole('button', { name: '批量发货（CSV）' }))
  const dialog = await screen.findByRole('dialog', { name: '批量发货' })
  await user().upload(
    within(dialog).getByLabelText('选择 CSV 文件'),
    csv('\uFEFF订单号,快递公司编码,运单号\r\nT1,SF,SF100\r\nT2,圆通速递,YT200\r\nT3,天天快递,TT300\r\n')
  )

  // The preview: 订单号 as staff see it, carriers by code or Chinese name, a row that cannot be sent says why.
  const rowOf = async (orderId: string) => (await within(dialog).findByRole('cell', { name: orderId })).closest('tr') as HTMLElement
  expect(within(await rowOf('T1')).getByText('顺丰速运（SF）')).toBeInTheDocument()
  expect(within(await rowOf('T2')).getByText('圆通速递（YTO）')).toBeInTheDocument()
  expect(within(await rowOf('T3')).getByText('快递公司「天天快递」不在微信的快递公司列表里，请写编码（如 SF）或完整名称')).toBeInTheDocument()
  expect(within(dialog).getByText('共 3 行，可以发货 2 行，1 行有问题不会发送')).toBeInTheDocument()
  expect(api.callsTo('POST', '/api/admin/orders/shipments')).toHaveLength(0)

  await user().click(within(dialog).getByRole('button', { name: '发货 2 单' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/orders/shipments')).toHaveLength(1))
  // Rows go as staff wrote them: the server takes the 订单号 (outTradeNo) as well as ids.
  expect(api.callsTo('POST', '/api/admin/orders/shipments')[0]!.body).toEqual({
    rows: [
      { orderId: 'T1', carrierCode: 'SF', trackingNo: 'SF100' },
      { orderId: 'T2', carrierCode: 'YTO', trackingNo: 'YT200' }
    ]
  })
  expect(await within(await rowOf('T1')).findByText('成功')).toBeInTheDocument()
  expect(within(await rowOf('T2')).getByText('订单当前的状态不能发货（可能已发货、已退款或已关闭）')).toBeInTheDocument()
  expect(within(dialog).getByText('成功 1 单，失败 2 单')).toBeInTheDocument()

  // The queue behind was read again: T1 is gone.
  await user().click(within(dialog).getByRole('button', { name: '完成' }))
  await waitFor(() => expect(screen.queryByRole('link', { name: 'T1' })).not.toBeInTheDocument())
  expect(screen.getByRole('link', { name: 'T2' })).toBeInTheDocument()
})

test('a file without the expected header says what the first row should be, and nothing can be sent', async () => {
  renderAdmin('/shipping', {
    'GET /api/admin/orders': () => ok({ items: [], nextCursor: null }),
    'GET /api/admin/carriers': () => ok({ items: CARRIERS })
  })
  await user().click(await screen.findByRole('button', { name: '批量发货（CSV）' }))
  const dialog = await screen.findByRole('dialog', { name: '批量发货' })
  await user().upload(within(dialog).getByLabelText('选择 CSV 文件'), csv('T1,SF,SF100\n'))
  expect(await within(dialog).findByText('表头缺少「订单号」列。第一行应是表头：订单号,快递公司编码,运单号')).toBeInTheDocument()
  expect(within(dialog).getByRole('button', { name: '发货' })).toBeDisabled()
})

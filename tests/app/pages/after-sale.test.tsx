import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __reset, __router, __storage } from '../../setup/taro'
import AfterSalePage from '../../../src/app/pkg-orders/after-sale/index'
import { apiError, fakeBackend, type Call } from '../helpers/fake-backend'
import { afterSale, order, shippedOrder } from '../helpers/fixtures'
import { taroExtras } from '../helpers/taro-extras'

const originalEnv = process.env.TARO_ENV
const media = (n: number) => `/media/${String(n).padStart(32, 'a')}.jpg`

beforeEach(() => {
  __reset()
  process.env.TARO_ENV = 'weapp'
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u1' }))
  __router.params = { id: 'o-1' }
})
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

function shop(current = shippedOrder()) {
  let uploads = 0
  return fakeBackend()
    .on('GET', '/api/v1/orders/o-1', { body: { order: current } })
    .on('POST', '/api/v1/media', () => ({ status: 201, body: { url: media(++uploads) } }))
    .on('POST', '/api/v1/orders/o-1/after-sales', (c: Call) => ({ status: 201, body: { afterSale: afterSale(c.body as object) } }))
}

function pick(paths: string[]) {
  taroExtras().chooseMedia.mockResolvedValueOnce({ tempFiles: paths.map((tempFilePath) => ({ tempFilePath, size: 200_000, fileType: 'image' })), type: 'image' })
}

const amountField = () => screen.getByRole('textbox', { name: '退款金额' })
const submit = () => fireEvent.click(screen.getByRole('button', { name: '提交申请' }))

test('a paid order not yet shipped: only 仅退款, the amount defaults to everything refundable', async () => {
  shop(order({ status: 'paid', paidAt: '2026-01-01T10:05:00+08:00' }))
  render(<AfterSalePage />)
  const kinds = await screen.findByRole('radiogroup', { name: '售后类型' })
  expect(within(kinds).getByRole('radio', { name: '仅退款' })).toHaveAttribute('aria-checked', 'true')
  expect(within(kinds).queryByRole('radio', { name: '退货退款' })).toBeNull()
  expect(screen.getByText('订单还未发货，可申请仅退款，商家同意后原路退回')).toBeInTheDocument()
  expect(amountField()).toHaveValue('398.00')
  expect(screen.getByText(/最多可退 ¥398/)).toBeInTheDocument()
})

test('a shipped order: 退货退款 with reason, partial amount, note and photos goes to the server as one request', async () => {
  const backend = shop()
  pick(['wxfile://tmp/1.jpg', 'wxfile://tmp/2.jpg'])
  render(<AfterSalePage />)
  fireEvent.click(await screen.findByRole('radio', { name: '退货退款' }))
  fireEvent.click(screen.getByRole('radio', { name: '质量问题' }))
  fireEvent.change(amountField(), { target: { value: '88' } })
  fireEvent.change(screen.getByRole('textbox', { name: '补充说明' }), { target: { value: '杯口有裂纹' } })
  fireEvent.click(screen.getByRole('button', { name: '添加图片' }))
  expect(await screen.findByRole('img', { name: '图片 2' })).toBeInTheDocument()
  expect(taroExtras().chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 6, mediaType: ['image'] }))
  await act(async () => {})
  const uploads = backend.callsTo('POST', '/api/v1/media')
  expect(uploads.map((c) => (c.body as { filePath: string }).filePath)).toEqual(['wxfile://tmp/1.jpg', 'wxfile://tmp/2.jpg'])
  expect(uploads[0].headers.Authorization).toBe('Bearer t')
  // Taro's H5 upload would send cookies by default; the token is all it needs.
  expect(taroExtras().uploadFile).toHaveBeenCalledWith(expect.objectContaining({ name: 'file', withCredentials: false }))
  submit()
  await screen.findByRole('button', { name: '提交申请' })
  await act(async () => {})
  expect(backend.callsTo('POST', '/api/v1/orders/o-1/after-sales')[0]?.body).toEqual({
    kind: 'return',
    reason: '质量问题',
    amountFen: 8800,
    note: '杯口有裂纹',
    images: [media(1), media(2)]
  })
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '申请已提交' }))
  expect(Taro.navigateBack).toHaveBeenCalled()
})

test('the form says what is missing or wrong before anything is sent', async () => {
  const backend = shop()
  render(<AfterSalePage />)
  await screen.findByRole('radiogroup', { name: '售后类型' })
  submit()
  expect(await screen.findByText('请选择售后类型（仅退款或退货退款）')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('radio', { name: '仅退款' }))
  submit()
  expect(await screen.findByText('请填写售后原因')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('radio', { name: '尺码不合适' }))
  fireEvent.change(amountField(), { target: { value: '300' } })
  submit()
  expect(await screen.findByText('最多可退 ¥287，请修改金额')).toBeInTheDocument()
  fireEvent.change(amountField(), { target: { value: '1.234' } })
  submit()
  expect(await screen.findByText('金额最多两位小数（精确到分）')).toBeInTheDocument()
  expect(backend.callsTo('POST', '/api/v1/orders/o-1/after-sales')).toHaveLength(0)
})

test('what was refunded already lowers what can be asked for', async () => {
  shop(shippedOrder({ refundedFen: 8800, refunds: [{ id: 'rf-1', amountFen: 8800, status: 'succeeded', createdAt: '2026-01-03T10:00:00+08:00', settledAt: '2026-01-03T10:01:00+08:00' }] }))
  render(<AfterSalePage />)
  await screen.findByRole('radiogroup', { name: '售后类型' })
  expect(amountField()).toHaveValue('199.00')
  expect(screen.getByText(/最多可退 ¥199（已退 ¥88）/)).toBeInTheDocument()
})

test.each([
  [apiError(409, 'AFTER_SALE_OPEN', 'this order already has an open after-sales request'), '这笔订单已有一个处理中的售后申请，请等待处理结果或先撤销它'],
  [apiError(409, 'REFUND_EXCEEDS_PAID', 'at most 5000 fen can still be refunded', { refundableFen: 5000, amountFen: 28700 }), '最多可退 ¥50，请修改金额'],
  [apiError(409, 'AFTER_SALE_EXPIRED', 'after-sales closed'), '已超过售后期限，如有问题请联系客服'],
  [apiError(400, 'INVALID_AFTER_SALE', '售后原因最多 80 个字'), '售后原因最多 80 个字']
])('the server refusing the request is explained: %#', async (answer, text) => {
  shop().on('POST', '/api/v1/orders/o-1/after-sales', answer)
  render(<AfterSalePage />)
  fireEvent.click(await screen.findByRole('radio', { name: '仅退款' }))
  fireEvent.click(screen.getByRole('radio', { name: '不想要了' }))
  submit()
  expect(await screen.findByText(text)).toBeInTheDocument()
  expect(Taro.navigateBack).not.toHaveBeenCalled()
})

test('a photo the server refuses is marked, blocks submitting, and can be retried', async () => {
  let refuse = true
  const backend = shop().on('POST', '/api/v1/media', () => (refuse ? apiError(413, 'FILE_TOO_LARGE', 'too large') : { status: 201, body: { url: media(9) } }))
  pick(['wxfile://tmp/big.jpg'])
  render(<AfterSalePage />)
  fireEvent.click(await screen.findByRole('radio', { name: '仅退款' }))
  fireEvent.click(screen.getByRole('radio', { name: '不想要了' }))
  fireEvent.click(screen.getByRole('button', { name: '添加图片' }))
  const retry = await screen.findByRole('button', { name: '重新上传图片 1' })
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '图片不能超过 5 MB，请换一张' }))
  submit()
  expect(await screen.findByText('有图片上传失败，请点图片重试或删除后再提交')).toBeInTheDocument()
  refuse = false
  fireEvent.click(retry)
  await act(async () => {})
  expect(screen.queryByRole('button', { name: '重新上传图片 1' })).toBeNull()
  submit()
  await act(async () => {})
  expect((backend.callsTo('POST', '/api/v1/orders/o-1/after-sales')[0]?.body as { images: string[] }).images).toEqual([media(9)])
})

test('photos stop at six: the add tile goes, and the picker is asked only for what is left', async () => {
  shop()
  pick(['p1', 'p2', 'p3', 'p4'])
  pick(['p5', 'p6'])
  render(<AfterSalePage />)
  fireEvent.click(await screen.findByRole('button', { name: '添加图片' }))
  await screen.findByRole('img', { name: '图片 4' })
  fireEvent.click(screen.getByRole('button', { name: '添加图片' }))
  await screen.findByRole('img', { name: '图片 6' })
  expect(taroExtras().chooseMedia).toHaveBeenLastCalledWith(expect.objectContaining({ count: 2 }))
  expect(screen.queryByRole('button', { name: '添加图片' })).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '删除图片 6' }))
  expect(screen.getByRole('button', { name: '添加图片' })).toHaveTextContent('5/6')
})

test('backing out of the photo picker changes nothing', async () => {
  shop()
  render(<AfterSalePage />)
  fireEvent.click(await screen.findByRole('button', { name: '添加图片' }))
  await act(async () => {})
  expect(screen.queryByRole('img')).toBeNull()
  expect(Taro.showToast).not.toHaveBeenCalled()
})

test('H5 picks photos with chooseImage', async () => {
  process.env.TARO_ENV = 'h5'
  shop()
  taroExtras().chooseImage.mockResolvedValueOnce({ tempFilePaths: ['blob:http://localhost/1'], tempFiles: [{ path: 'blob:http://localhost/1', size: 1000 }] })
  render(<AfterSalePage />)
  fireEvent.click(await screen.findByRole('button', { name: '添加图片' }))
  expect(await screen.findByRole('img', { name: '图片 1' })).toHaveAttribute('src', 'blob:http://localhost/1')
})

test('an order with an open request, or nothing left to refund, says so instead of a form', async () => {
  shop(shippedOrder({ afterSale: afterSale() }))
  const view = render(<AfterSalePage />)
  expect(await screen.findByText('已有处理中的售后申请')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '查看订单' }))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-orders/detail/index?id=o-1' })
  view.unmount()

  shop(order({ status: 'refunded', refundedFen: 39800 }))
  render(<AfterSalePage />)
  expect(await screen.findByText('这笔订单暂不能申请售后')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: '提交申请' })).toBeNull()
})

test('the order failing to load offers a retry', async () => {
  fakeBackend().on('GET', '/api/v1/orders/o-1', apiError(503, 'UNAVAILABLE', ''))
  render(<AfterSalePage />)
  expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '重新加载' })).toBeInTheDocument()
})

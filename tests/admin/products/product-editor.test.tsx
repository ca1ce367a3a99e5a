import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { created, fail, ok } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'

const user = () => userEvent.setup({ delay: null })

async function addValues(label: string, values: string[]) {
  const box = screen.getByRole('combobox', { name: label })
  for (const v of values) await user().type(box, `${v},`)
}

test('builds a 颜色 × 尺码 SKU matrix, types prices in ¥ and sends fen', async () => {
  const { api } = renderAdmin('/products/new', {
    'POST /api/admin/products': (req) => created({ product: { id: 'prd_1', ...req.body, skus: req.body.skus.map((s: object, i: number) => ({ id: `sku_${i}`, ...s })) } })
  })
  await screen.findByRole('heading', { name: '新建商品' })
  await user().type(screen.getByLabelText('商品名称'), '亚麻衬衫')
  await addValues('规格值 1', ['黑', '白'])
  await addValues('规格值 2', ['M'])

  // Two combinations, each with its own price and stock input.
  expect(screen.getByText('SKU（2 个）')).toBeInTheDocument()
  await user().type(screen.getByLabelText('价格 颜色：黑，尺码：M'), '129')
  await user().type(screen.getByLabelText('价格 颜色：白，尺码：M'), '¥139.5')
  await user().clear(screen.getByLabelText('库存 颜色：黑，尺码：M'))
  await user().type(screen.getByLabelText('库存 颜色：黑，尺码：M'), '10')

  // Adding a size keeps what was typed for the existing combinations.
  await addValues('规格值 2', ['L'])
  expect(screen.getByText('SKU（4 个）')).toBeInTheDocument()
  expect(screen.getByLabelText('价格 颜色：黑，尺码：M')).toHaveValue('129')
  await user().type(screen.getByLabelText('批量价格'), '99')
  // Fill-all overwrites every price; type the two M prices again afterwards.
  await user().click(screen.getByRole('button', { name: '填入全部' }))
  expect(screen.getByLabelText('价格 颜色：白，尺码：L')).toHaveValue('99')
  await user().clear(screen.getByLabelText('价格 颜色：白，尺码：M'))
  await user().type(screen.getByLabelText('价格 颜色：白，尺码：M'), '139.50')

  await user().click(screen.getByRole('button', { name: '创建商品' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/products')).toHaveLength(1))
  expect(api.callsTo('POST', '/api/admin/products')[0]!.body).toEqual({
    title: '亚麻衬衫',
    description: '',
    images: [],
    skus: [
      { attrs: { 颜色: '黑', 尺码: 'M' }, priceFen: 9900, stock: 10 },
      { attrs: { 颜色: '黑', 尺码: 'L' }, priceFen: 9900, stock: 0 },
      { attrs: { 颜色: '白', 尺码: 'M' }, priceFen: 13950, stock: 0 },
      { attrs: { 颜色: '白', 尺码: 'L' }, priceFen: 9900, stock: 0 }
    ]
  })
  await waitFor(() => expect(window.location.hash).toBe('#/products/prd_1'))
})

test('a bad price shows on its own field and nothing is sent', async () => {
  const { api } = renderAdmin('/products/new')
  await screen.findByRole('heading', { name: '新建商品' })
  await user().type(screen.getByLabelText('商品名称'), '帆布包')
  await user().type(screen.getByLabelText('价格 默认'), '12.345')
  await user().click(screen.getByRole('button', { name: '创建商品' }))
  expect(await screen.findByText('金额最多两位小数（精确到分）')).toBeInTheDocument()
  expect(api.callsTo('POST', '/api/admin/products')).toHaveLength(0)
})

test('editing keeps SKU ids and shows a server field error next to the SKU', async () => {
  const product = {
    id: 'prd_9',
    title: '羊毛围巾',
    description: '暖',
    images: ['/media/a.png'],
    skus: [
      { id: 'sku_a', attrs: { 颜色: '灰' }, priceFen: 25900, stock: 4 },
      { id: 'sku_b', attrs: { 颜色: '驼' }, priceFen: 25900, stock: 0 }
    ]
  }
  const { api } = renderAdmin('/products/prd_9', {
    'GET /api/admin/products/:id': () => ok({ product }),
    'PUT /api/admin/products/:id': () => fail(400, 'VALIDATION_FAILED', 'The product is not valid', [{ path: 'skus.1.stock', message: '库存超过上限' }])
  })
  expect(await screen.findByLabelText('价格 颜色：灰')).toHaveValue('259')
  await user().click(screen.getByRole('button', { name: '保存商品' }))
  expect(await screen.findByText('库存超过上限')).toBeInTheDocument()
  expect(api.callsTo('PUT', '/api/admin/products/prd_9')[0]!.body.skus).toEqual([
    { id: 'sku_a', attrs: { 颜色: '灰' }, priceFen: 25900, stock: 4 },
    { id: 'sku_b', attrs: { 颜色: '驼' }, priceFen: 25900, stock: 0 }
  ])
  expect(await screen.findByText('有内容需要修改，请看标红的字段')).toBeInTheDocument()
})

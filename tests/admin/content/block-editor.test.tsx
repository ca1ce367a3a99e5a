import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fakeUploadXhr, ok, created, type FakeRequest } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'
import { PRODUCTS, page } from './fixtures'

const user = () => userEvent.setup({ delay: null })

function editorRoutes() {
  let current = page()
  return {
    'GET /api/admin/pages/:id': () => ok({ page: current }),
    'PUT /api/admin/pages/:id': (req: FakeRequest) => {
      current = { ...current, ...req.body, updatedAt: new Date().toISOString() }
      return ok({ page: current })
    },
    'GET /api/admin/products': () => ok({ items: PRODUCTS, nextCursor: null })
  }
}

const block = (n: number, label: string) => screen.findByRole('group', { name: `模块 ${n}：${label}` })

test('adds, edits, reorders and deletes blocks; the draft autosaves only when valid', async () => {
  const { api } = renderAdmin('/pages/pg_1', editorRoutes())
  await block(1, '文字')
  expect(screen.getByRole('group', { name: '模块 2：商品' })).toBeInTheDocument()

  // A new empty block is not a mistake yet: nothing is marked, and nothing is sent.
  await user().click(screen.getByRole('button', { name: /添加文字$/ }))
  const third = await block(3, '文字')
  await waitFor(() => expect(screen.getByRole('status', { name: '保存状态' })).toHaveTextContent('新模块填好后自动保存'))
  expect(within(third).queryByText('请填写正文')).toBeNull()
  expect(within(third).queryByText(/处需要修改/)).toBeNull()
  expect(api.callsTo('PUT', '/api/admin/pages/pg_1')).toHaveLength(0)

  // Once touched, an emptied field is a problem on that field, and the empty block is never sent.
  await user().type(within(third).getByLabelText('正文'), 'x')
  await user().clear(within(third).getByLabelText('正文'))
  expect(await within(third).findByText('请填写正文')).toBeInTheDocument()
  await waitFor(() => expect(screen.getByRole('status', { name: '保存状态' })).toHaveTextContent('未保存：有 1 处需要修改'))
  expect(api.callsTo('PUT', '/api/admin/pages/pg_1').every((c) => c.body.blocks[2]?.text)).toBe(true)

  await user().type(within(third).getByLabelText('正文'), '新段落')
  await waitFor(() => expect(api.callsTo('PUT', '/api/admin/pages/pg_1').at(-1)?.body.blocks).toEqual([
    { type: 'text', text: '第一段' },
    { type: 'product', productId: 'prd_1' },
    { type: 'text', text: '新段落' }
  ]))
  await waitFor(() => expect(screen.getByRole('status', { name: '保存状态' })).toHaveTextContent('草稿已保存'))

  await user().click(screen.getByRole('button', { name: '上移模块 3' }))
  await waitFor(() => expect(api.callsTo('PUT', '/api/admin/pages/pg_1').at(-1)?.body.blocks.map((b: { type: string }) => b.type)).toEqual(['text', 'text', 'product']))
  await user().click(screen.getByRole('button', { name: '删除模块 1' }))
  await waitFor(() => expect(api.callsTo('PUT', '/api/admin/pages/pg_1').at(-1)?.body.blocks).toEqual([
    { type: 'text', text: '新段落' },
    { type: 'product', productId: 'prd_1' }
  ]))
  expect(screen.getByRole('group', { name: '模块 1：文字' })).toHaveTextContent('新段落')
})

test('a product block picks by search; a hero image uploads with progress and stores the /media/ path', async () => {
  const { api } = renderAdmin('/pages/pg_1', {
    ...editorRoutes(),
    'POST /api/admin/media': () => created({ media: { id: 'med_1', url: 'http://127.0.0.1:3000/media/abc.png', path: '/media/abc.png', mime: 'image/png', sizeBytes: 4 } })
  })
  const upload = fakeUploadXhr(api)
  await block(1, '文字')

  await user().click(screen.getByRole('button', { name: /添加商品$/ }))
  const picker = within(await block(3, '商品')).getByRole('combobox', { name: '选择商品' })
  await user().type(picker, '帆布')
  await user().click(await screen.findByText('帆布包（¥59）'))
  await waitFor(() => expect(api.callsTo('PUT', '/api/admin/pages/pg_1').at(-1)?.body.blocks[2]).toEqual({ type: 'product', productId: 'prd_2' }))

  await user().click(screen.getByRole('button', { name: /添加头图$/ }))
  const hero = await block(4, '头图')
  await user().upload(within(hero).getByLabelText('上传图片'), new File([new Uint8Array([137, 80, 78, 71])], 'hero.png', { type: 'image/png' }))
  expect(await within(hero).findByRole('progressbar')).toHaveAttribute('aria-valuenow', '50')
  upload.release()
  await waitFor(() => expect(api.callsTo('PUT', '/api/admin/pages/pg_1').at(-1)?.body.blocks[3]).toEqual({ type: 'hero', image: '/media/abc.png' }))
  expect(within(hero).queryByRole('progressbar')).not.toBeInTheDocument()
  expect(within(hero).getByAltText('已选图片')).toHaveAttribute('src', '/media/abc.png')
  expect(api.callsTo('POST', '/api/admin/media')).toHaveLength(1)
})

test('a block type this admin does not know is flagged on its card and blocks saving until removed', async () => {
  let current = page({ blocks: [{ type: 'text', text: '第一段' }, { type: 'gallery', images: [] } as never] })
  const { api } = renderAdmin('/pages/pg_1', {
    ...editorRoutes(),
    'GET /api/admin/pages/:id': () => ok({ page: current }),
    'PUT /api/admin/pages/:id': (req: FakeRequest) => ok({ page: (current = { ...current, ...req.body }) })
  })
  const unknown = await block(2, '未知模块（gallery）')
  expect(within(unknown).getByText('这个版本的后台不认识模块类型“gallery”，请删除它')).toBeInTheDocument()
  await user().type(within(await block(1, '文字')).getByLabelText('正文'), '。')
  expect(await within(unknown).findByText('未知的模块类型 "gallery"')).toBeInTheDocument()
  expect(api.callsTo('PUT', '/api/admin/pages/pg_1')).toHaveLength(0)

  await user().click(screen.getByRole('button', { name: '删除模块 2' }))
  await waitFor(() => expect(api.callsTo('PUT', '/api/admin/pages/pg_1').at(-1)?.body.blocks).toEqual([{ type: 'text', text: '第一段。' }]))
})

test('publishing with a new block left empty marks that block (publishing asks for the whole draft)', async () => {
  const { api } = renderAdmin('/pages/pg_1', editorRoutes())
  await block(1, '文字')
  await user().click(screen.getByRole('button', { name: /添加文字$/ }))
  const third = await block(3, '文字')
  expect(within(third).queryByText('请填写正文')).toBeNull()

  await user().click(screen.getByRole('button', { name: '立即发布' }))
  expect(await within(third).findByText('请填写正文')).toBeInTheDocument()
  expect(within(third).getByText('1 处需要修改')).toBeInTheDocument()
  expect(screen.getByRole('status', { name: '保存状态' })).toHaveTextContent('未保存：有 1 处需要修改')
  expect(api.callsTo('POST', '/api/admin/pages/pg_1/publish')).toHaveLength(0)
})

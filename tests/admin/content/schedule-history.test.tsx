import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import dayjs from 'dayjs'
import { created, ok, type FakeRequest } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'
import { PRODUCTS, page } from './fixtures'

const user = () => userEvent.setup({ delay: null })

test('a scheduled end goes with publishing; the bar shows when the page ends, and clearing it sends null', async () => {
  let current = page()
  const { api } = renderAdmin('/pages/pg_1', {
    'GET /api/admin/pages/:id': () => ok({ page: current }),
    'PUT /api/admin/pages/:id': (req: FakeRequest) => ok({ page: (current = { ...current, ...req.body }) }),
    'GET /api/admin/products': () => ok({ items: PRODUCTS, nextCursor: null }),
    'POST /api/admin/pages/:id/publish': (req: FakeRequest) =>
      ok({ page: (current = { ...current, status: 'published', publishedVersion: 1, publishedAt: '2026-03-02T04:00:00.000Z', unpublishAt: req.body.unpublishAt ?? (req.body.unpublishAt === null ? null : current.unpublishAt ?? null) }) })
  })
  await screen.findByTitle('实时预览')
  const end = screen.getByLabelText('定时下线时间')
  await user().click(end)
  await user().type(end, '2030-06-30 22:00{enter}')
  await user().click(screen.getByRole('button', { name: '立即发布' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/pages/pg_1/publish')).toHaveLength(1))
  const body = api.callsTo('POST', '/api/admin/pages/pg_1/publish')[0]!.body
  expect(body.at).toBeUndefined()
  expect(new Date(body.unpublishAt).getTime()).toBe(new Date(2030, 5, 30, 22, 0).getTime())
  expect(await screen.findByText('将于 2030-06-30 22:00 自动下线')).toBeInTheDocument()

  // Publishing again without touching the end keeps it (nothing sent for it).
  await user().click(screen.getByRole('button', { name: '立即发布' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/pages/pg_1/publish')).toHaveLength(2))
  expect(api.callsTo('POST', '/api/admin/pages/pg_1/publish')[1]!.body).toEqual({})

  // An end before the scheduled publish time is refused before anything is sent.
  const at = screen.getByLabelText('定时发布时间')
  await user().click(at)
  await user().type(at, '2030-07-05 09:00{enter}')
  expect(await screen.findByText('下线时间需要晚于发布时间')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '定时发布' })).toBeDisabled()
})

test('the page list says what goes live or ends when, and duplicates a page into a new draft', async () => {
  const now = dayjs()
  const pages = [
    page({ id: 'pg_1', title: '春日', slug: 'spring', status: 'published', publishedAt: '2026-03-01T02:00:00.000Z', unpublishAt: now.add(1, 'day').hour(22).minute(0).toISOString() }),
    page({ id: 'pg_2', title: '夏日预告', slug: 'summer', status: 'scheduled', scheduledAt: '2031-06-01T01:30:00.000Z', unpublishAt: null })
  ]
  const { api } = renderAdmin('/pages', {
    'GET /api/admin/pages': () => ok({ items: pages, nextCursor: null }),
    'POST /api/admin/pages/:id/duplicate': () => created({ page: page({ id: 'pg_3', title: '春日（副本）', slug: 'spring-copy' }) }),
    'GET /api/admin/pages/:id': () => ok({ page: page({ id: 'pg_3', title: '春日（副本）', slug: 'spring-copy' }) }),
    'GET /api/admin/products': () => ok({ items: PRODUCTS, nextCursor: null })
  })
  const spring = (await screen.findByText('春日')).closest('tr')!
  expect(within(spring).getByText('明天 22:00 下线')).toBeInTheDocument()
  const summer = screen.getByText('夏日预告').closest('tr')!
  expect(within(summer).getByText(`2031年6月1日 ${dayjs('2031-06-01T01:30:00.000Z').format('HH:mm')} 上线`)).toBeInTheDocument()

  await user().click(within(spring).getByRole('button', { name: '复制页面 春日' }))
  await waitFor(() => expect(window.location.hash).toBe('#/pages/pg_3'))
  expect(api.callsTo('POST', '/api/admin/pages/pg_1/duplicate')).toHaveLength(1)
  expect(await screen.findByRole('heading', { name: '春日（副本）' })).toBeInTheDocument()
})

test('a new page starts from a template: the server fills it and says what is left to do', async () => {
  const { api } = renderAdmin('/pages', {
    'GET /api/admin/pages': () => ok({ items: [], nextCursor: null }),
    'GET /api/admin/page-templates': () =>
      ok({
        items: [
          { id: 'launch', name: '新品发布', description: '头图、倒计时与开售提醒', title: '新品即将开售', productSlots: 1, blockTypes: ['hero', 'countdown', 'product'] },
          { id: 'lookbook', name: '搭配 Lookbook', description: '一张搭配图配商品点', title: '本季搭配', productSlots: 3, blockTypes: ['shop-the-look', 'carousel'] }
        ]
      }),
    'POST /api/admin/pages/from-template': (req: FakeRequest) =>
      created({ page: page({ id: 'pg_9', title: req.body.title, slug: req.body.slug, blocks: [{ type: 'divider' }] }), notes: ['头图用的是占位图，请换成自己的图片'] }),
    'GET /api/admin/pages/:id': () => ok({ page: page({ id: 'pg_9', title: '新品即将开售', slug: 'new-drop', blocks: [{ type: 'divider' }] }) }),
    'GET /api/admin/products': () => ok({ items: PRODUCTS, nextCursor: null })
  })
  await user().click(await screen.findByRole('button', { name: /新建页面/ }))
  const dialog = await screen.findByRole('dialog')
  expect(await within(dialog).findByText('搭配 Lookbook')).toBeInTheDocument()
  expect(within(dialog).getByText('倒计时')).toBeInTheDocument()
  await user().click(within(dialog).getByText('新品发布'))
  expect(within(dialog).getByLabelText('新页面标题')).toHaveValue('新品即将开售')
  await user().type(within(dialog).getByLabelText('新页面链接名'), 'new-drop')
  await user().click(within(dialog).getByRole('button', { name: '创建' }))
  await waitFor(() => expect(window.location.hash).toBe('#/pages/pg_9'))
  expect(api.callsTo('POST', '/api/admin/pages/from-template')[0]!.body).toEqual({ templateId: 'launch', slug: 'new-drop', title: '新品即将开售' })
  expect(api.callsTo('POST', '/api/admin/pages')).toHaveLength(0)
  expect(await screen.findByText('已按模板创建草稿：头图用的是占位图，请换成自己的图片')).toBeInTheDocument()
})

test('version history shows what changed between two versions and what the draft changes', async () => {
  const { api } = renderAdmin('/pages/pg_1', {
    'GET /api/admin/pages/:id': () => ok({ page: page({ status: 'published', publishedVersion: 2 }) }),
    'GET /api/admin/products': () => ok({ items: PRODUCTS, nextCursor: null }),
    'GET /api/admin/pages/:id/versions': () =>
      ok({
        items: [
          { version: 2, slug: 'spring', title: '春日', createdAt: '2026-03-01T04:00:00.000Z', createdBy: 'stf_admin', live: true, scheduled: false },
          { version: 1, slug: 'spring', title: '春日 旧版', createdAt: '2026-03-01T03:00:00.000Z', createdBy: 'stf_admin', live: false, scheduled: false }
        ],
        nextCursor: null
      }),
    'GET /api/admin/pages/:id/versions/:v/diff/:against': (req: FakeRequest) =>
      req.path.endsWith('/1/diff/2')
        ? ok({
            from: 1,
            to: 2,
            fields: [{ path: 'title', before: '春日 旧版', after: '春日' }],
            blocks: [
              { kind: 'edited', fromIndex: 0, index: 0, type: 'shop-the-look', changes: [{ path: 'hotspots.1.x', before: 0.2, after: 0.35 }, { path: 'hotspots.1.productId', before: 'prd_1', after: 'prd_2' }] },
              { kind: 'removed', fromIndex: 1, type: 'quote', block: { type: 'quote', text: '旧' } },
              { kind: 'added', index: 2, type: 'countdown', block: { type: 'countdown', until: '2030-05-01T09:30:00+08:00' } }
            ],
            summary: { added: 1, removed: 1, edited: 1, unchanged: 0 }
          })
        : ok({ from: 2, to: 'draft', fields: [], blocks: [], summary: { added: 0, removed: 0, edited: 0, unchanged: 2 } })
  })
  await screen.findByTitle('实时预览')
  await user().click(screen.getByRole('button', { name: '历史版本' }))
  const drawer = await screen.findByRole('dialog')
  const v2 = (await within(drawer).findByText('第 2 版')).closest('.ant-list-item') as HTMLElement
  // The oldest version has nothing before it to compare with.
  const v1 = within(drawer).getByText('第 1 版').closest('.ant-list-item') as HTMLElement
  expect(within(v1).queryByRole('button', { name: '看改动' })).toBeNull()

  await user().click(within(v2).getByRole('button', { name: '看改动' }))
  const diff = await screen.findByTestId('version-diff')
  expect(screen.getByText('第 1 版 → 第 2 版的改动')).toBeInTheDocument()
  expect(diff).toHaveTextContent('新增 1 · 删除 1 · 修改 1 · 未变 0')
  expect(diff).toHaveTextContent('标题：春日 旧版 → 春日')
  expect(diff).toHaveTextContent('第 1 个模块：搭配购')
  expect(diff).toHaveTextContent('商品点 2 的横向位置：20% → 35%')
  expect(diff).toHaveTextContent('商品点 2 的商品：亚麻衬衫 → 帆布包')
  expect(diff).toHaveTextContent('原第 2 个模块：引文')
  expect(diff).toHaveTextContent('第 3 个模块：倒计时')
  expect(api.callsTo('GET', '/api/admin/pages/pg_1/versions/1/diff/2')).toHaveLength(1)

  await user().click(screen.getByRole('button', { name: 'Close' }))
  await user().click(within(drawer).getByRole('button', { name: '草稿的改动' }))
  expect(await screen.findByText('草稿相对第 2 版的改动')).toBeInTheDocument()
  expect(await screen.findByText('两个版本的内容一样')).toBeInTheDocument()
  expect(api.callsTo('GET', '/api/admin/pages/pg_1/versions/2/diff/draft')).toHaveLength(1)
})

import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { created, ok, type FakeRequest } from '../helpers/fake-api'
import { EDITOR, renderAdmin } from '../helpers/render-admin'
import { page } from './fixtures'

const user = () => userEvent.setup({ delay: null })
const PAGES = [
  page({ id: 'pg_1', title: '春日', slug: 'spring', status: 'published', publishedAt: '2026-03-01T02:00:00.000Z' }),
  page({ id: 'pg_2', title: '夏日预告', slug: 'summer', status: 'scheduled', scheduledAt: '2026-06-01T01:30:00.000Z' })
]
const audit = { items: [{ id: 'a1', at: '2026-03-02T00:00:00.000Z', actorId: 'stf_editor', action: 'page.update', target: { type: 'page', id: 'pg_2' }, details: {} }], nextCursor: null }

test('the page list shows status, the scheduled time and, for admins, who changed each page last', async () => {
  renderAdmin('/pages', { 'GET /api/admin/pages': () => ok({ items: PAGES, nextCursor: null }), 'GET /api/admin/audit': () => ok(audit) })
  const summer = (await screen.findByText('夏日预告')).closest('tr')!
  expect(within(summer).getByText(/^定时 2026-06-01/)).toBeInTheDocument()
  await waitFor(() => expect(within(summer).getByText(/^李编辑 · /)).toBeInTheDocument())
  const spring = screen.getByText('春日').closest('tr')!
  expect(within(spring).getByText('已发布')).toBeInTheDocument()
})

test('editors see the list without asking for the audit log; a new page checks its slug with core first', async () => {
  const { api } = renderAdmin(
    '/pages',
    {
      'GET /api/admin/pages': () => ok({ items: PAGES, nextCursor: null }),
      'POST /api/admin/pages': (req: FakeRequest) => created({ page: page({ id: 'pg_new', ...req.body }) }),
      'GET /api/admin/pages/:id': () => ok({ page: page({ id: 'pg_new', title: '秋日', slug: 'autumn', blocks: [] }) }),
      'GET /api/admin/products': () => ok({ items: [], nextCursor: null })
    },
    EDITOR
  )
  await screen.findByText('夏日预告')
  await user().click(screen.getByRole('button', { name: /新建页面/ }))
  await user().type(await screen.findByLabelText('新页面标题'), '秋日')
  await user().type(screen.getByLabelText('新页面链接名'), 'Autumn Look')
  await user().click(screen.getByRole('button', { name: '创建' }))
  expect(await screen.findByText(/链接名只能用小写字母、数字和单个连字符/)).toBeInTheDocument()
  expect(api.callsTo('POST', '/api/admin/pages')).toHaveLength(0)

  await user().clear(screen.getByLabelText('新页面链接名'))
  await user().type(screen.getByLabelText('新页面链接名'), 'autumn')
  await user().click(screen.getByRole('button', { name: '创建' }))
  await waitFor(() => expect(window.location.hash).toBe('#/pages/pg_new'))
  expect(api.callsTo('POST', '/api/admin/pages')[0]!.body).toEqual({ title: '秋日', slug: 'autumn', cover: null, share: { imageUrl: null }, blocks: [] })
  expect(api.calls.some((c) => c.path === '/api/admin/audit' || c.path === '/api/admin/staff')).toBe(false)
  expect(await screen.findByRole('heading', { name: '秋日' })).toBeInTheDocument()
})

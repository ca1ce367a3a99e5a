import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fail, ok, type FakeRequest } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'
import { PRODUCTS, page } from './fixtures'

const user = () => userEvent.setup({ delay: null })

function routes() {
  let current = page()
  return {
    'GET /api/admin/pages/:id': () => ok({ page: current }),
    'PUT /api/admin/pages/:id': (req: FakeRequest) =>
      req.body.slug === 'taken'
        ? fail(409, 'SLUG_TAKEN', '链接名 taken 已被其他页面使用', [{ path: 'slug', message: '链接名已被使用' }])
        : ok({ page: (current = { ...current, ...req.body }) }),
    'GET /api/admin/products': () => ok({ items: PRODUCTS, nextCursor: null }),
    'POST /api/admin/pages/:id/publish': (req: FakeRequest) =>
      ok({
        page: (current = req.body.at
          ? { ...current, status: 'scheduled', scheduledAt: req.body.at }
          : { ...current, status: 'published', publishedVersion: 1, publishedAt: '2026-03-02T04:00:00.000Z', scheduledAt: null })
      }),
    'POST /api/admin/pages/:id/unpublish': () => ok({ page: (current = { ...current, status: 'draft', publishedVersion: null }) }),
    'GET /api/admin/pages/:id/versions': () =>
      ok({
        items: [
          { version: 2, slug: 'spring', title: '春日', createdAt: '2026-03-01T04:00:00.000Z', createdBy: 'stf_admin', live: true, scheduled: false },
          { version: 1, slug: 'spring', title: '春日 旧版', createdAt: '2026-03-01T03:00:00.000Z', createdBy: 'stf_admin', live: false, scheduled: false }
        ],
        nextCursor: null
      }),
    'POST /api/admin/pages/:id/versions/:v/restore': () =>
      ok({ page: (current = { ...current, title: '春日 旧版', blocks: [{ type: 'text', text: '旧的正文' }] }) }),
    'POST /api/admin/pages/:id/preview': () => ok({ token: 'tok123', url: 'http://192.168.1.20:3000/api/v1/pages/spring?preview=tok123', expiresAt: '2026-03-02T05:00:00.000Z' })
  }
}

test('a server field error shows on the slug; publishing waits for a valid draft, then publishes or schedules', async () => {
  const { api } = renderAdmin('/pages/pg_1', routes())
  const slug = await screen.findByLabelText('链接名')
  await user().clear(slug)
  await user().type(slug, 'taken')
  expect(await screen.findByText('链接名已被使用')).toBeInTheDocument()
  expect(screen.getByRole('status', { name: '保存状态' })).toHaveTextContent('保存失败：链接名 taken 已被其他页面使用')

  // Publishing saves first; with the slug still taken nothing is published.
  await user().click(screen.getByRole('button', { name: '立即发布' }))
  expect(await screen.findByText('草稿还有问题没改好（看标红的地方），改好后再发布')).toBeInTheDocument()
  expect(api.callsTo('POST', '/api/admin/pages/pg_1/publish')).toHaveLength(0)

  await user().clear(slug)
  await user().type(slug, 'spring-2')
  await user().click(screen.getByRole('button', { name: '立即发布' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/pages/pg_1/publish')).toHaveLength(1))
  const saves = api.callsTo('PUT', '/api/admin/pages/pg_1')
  expect(saves.at(-1)!.body.slug).toBe('spring-2')
  expect(await screen.findByText('已发布', { selector: '.ant-tag' })).toBeInTheDocument()

  // Schedule: pick a time, the API gets it as an ISO instant.
  await user().click(screen.getByLabelText('定时发布时间'))
  await user().type(screen.getByLabelText('定时发布时间'), '2030-05-01 09:30{enter}')
  await user().click(screen.getByRole('button', { name: '定时发布' }))
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/pages/pg_1/publish')).toHaveLength(2))
  expect(new Date(api.callsTo('POST', '/api/admin/pages/pg_1/publish')[1]!.body.at).getTime()).toBe(new Date(2030, 4, 1, 9, 30).getTime())
  expect(await screen.findByText(/定时 2030-05-01 09:30/)).toBeInTheDocument()
})

test('versions restore into the draft (not the live one, which offers no 恢复); preview shows the link in a phone frame with a QR code', async () => {
  const { api } = renderAdmin('/pages/pg_1', routes())
  await screen.findByLabelText('链接名')

  await user().click(screen.getByRole('button', { name: '历史版本' }))
  const drawer = await screen.findByRole('dialog')
  const old = (await within(drawer).findByText('第 1 版')).closest('.ant-list-item') as HTMLElement
  const live = within(drawer).getByText('第 2 版').closest('.ant-list-item') as HTMLElement
  expect(within(live).getByText('线上')).toBeInTheDocument()
  expect(within(live).queryByRole('button', { name: '恢复' })).toBeNull()
  expect(within(drawer).getAllByRole('button', { name: '恢复' })).toHaveLength(1)
  await user().click(within(old).getByRole('button', { name: '恢复' }))
  // The confirmation's own 恢复 button is the last one on screen.
  await screen.findByText('用第 1 版替换当前草稿？')
  await user().click(screen.getAllByRole('button', { name: '恢复' }).at(-1)!)
  await waitFor(() => expect(api.callsTo('POST', '/api/admin/pages/pg_1/versions/1/restore')).toHaveLength(1))
  expect(await screen.findByRole('heading', { name: '春日 旧版' })).toBeInTheDocument()
  expect(screen.getByLabelText('正文')).toHaveValue('旧的正文')

  await user().click(screen.getByRole('button', { name: '手机扫码预览' }))
  const frame = await screen.findByTitle('手机预览')
  expect(frame).toHaveAttribute('src', 'http://localhost/#/pages/content/index?slug=spring&preview=tok123')
  // The QR code and the link carry the server's public host, for a phone.
  expect(screen.getByText('http://192.168.1.20:3000/#/pages/content/index?slug=spring&preview=tok123')).toBeInTheDocument()
  expect(await screen.findByAltText('预览二维码')).toHaveAttribute('src', expect.stringMatching(/^data:image\/png;base64,/))
  // Restoring made the server's copy the saved draft: nothing new to send.
  expect(api.callsTo('PUT', '/api/admin/pages/pg_1')).toHaveLength(0)
})

test('with a loopback PUBLIC_BASE_URL the preview says a phone cannot open it instead of showing a QR code', async () => {
  renderAdmin('/pages/pg_1', {
    ...routes(),
    'POST /api/admin/pages/:id/preview': () => ok({ token: 'tok9', url: 'http://127.0.0.1:3000/api/v1/pages/spring?preview=tok9', expiresAt: '2026-03-02T05:00:00.000Z' })
  })
  await screen.findByLabelText('链接名')
  await user().click(screen.getByRole('button', { name: '手机扫码预览' }))
  expect(await screen.findByTitle('手机预览')).toHaveAttribute('src', 'http://localhost/#/pages/content/index?slug=spring&preview=tok9')
  expect(await screen.findByText('手机打不开本机地址')).toBeInTheDocument()
  expect(screen.getByText(/PUBLIC_BASE_URL）是 http:\/\/127\.0\.0\.1:3000/)).toBeInTheDocument()
  expect(screen.queryByAltText('预览二维码')).toBeNull()
})

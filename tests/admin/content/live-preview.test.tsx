import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { LIVE_PREVIEW_MESSAGE, LIVE_PREVIEW_READY, isLivePreviewDraft } from '@core/live-preview'
import { ok, type FakeRequest } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'
import { PRODUCTS, page } from './fixtures'

const user = () => userEvent.setup({ delay: null })

function routes() {
  let current = page()
  return {
    'GET /api/admin/pages/:id': () => ok({ page: current }),
    'PUT /api/admin/pages/:id': (req: FakeRequest) => ok({ page: (current = { ...current, ...req.body }) }),
    'GET /api/admin/products': () => ok({ items: PRODUCTS, nextCursor: null })
  }
}

/** The phone frame's window, as the editor sees it: only postMessage matters. */
async function stubFrame() {
  const frame = (await screen.findByTitle('实时预览')) as HTMLIFrameElement
  const win = { postMessage: jest.fn() }
  Object.defineProperty(frame, 'contentWindow', { configurable: true, get: () => win })
  const say = (data: unknown, source: unknown = win) =>
    act(() => {
      const event = new Event('message')
      Object.assign(event, { data, source })
      window.dispatchEvent(event)
    })
  return { frame, win, say, posts: () => win.postMessage.mock.calls.map(([msg, origin]) => ({ msg, origin })) }
}

test('the phone frame loads the H5 content page in live mode; the first draft goes after its hello, later ones debounced, unsaved', async () => {
  const { api } = renderAdmin('/pages/pg_1', routes())
  const { frame, say, posts } = await stubFrame()
  expect(frame).toHaveAttribute('src', 'http://localhost/#/pages/content/index?live=1&slug=spring')

  // Nothing is posted before the frame listens, and a hello from anywhere else is ignored.
  fireEvent.change(screen.getByLabelText('正文'), { target: { value: '草稿一' } })
  say({ type: LIVE_PREVIEW_READY }, window)
  expect(posts()).toHaveLength(0)

  say({ type: LIVE_PREVIEW_READY })
  expect(posts()).toHaveLength(1)
  const first = posts()[0]!
  expect(first.origin).toBe('http://localhost')
  expect(isLivePreviewDraft(first.msg)).toBe(true)
  expect(first.msg).toEqual({
    type: LIVE_PREVIEW_MESSAGE,
    page: { slug: 'spring', title: '春日', cover: null, blocks: [{ type: 'text', text: '草稿一' }, { type: 'product', productId: 'prd_1' }] }
  })
  await screen.findByText('边改边看：这里显示未保存的草稿')

  // Three quick edits: one post, with the last text.
  const field = screen.getByLabelText('正文')
  fireEvent.change(field, { target: { value: '草稿二' } })
  fireEvent.change(field, { target: { value: '草稿二三' } })
  fireEvent.change(field, { target: { value: '草稿二三四' } })
  await waitFor(() => expect(posts()).toHaveLength(2))
  expect((posts()[1]!.msg as { page: { blocks: unknown[] } }).page.blocks[0]).toEqual({ type: 'text', text: '草稿二三四' })

  // A half-made block goes to the preview as it is (the app renders leniently); the server never sees it.
  await user().click(screen.getByRole('button', { name: /添加搭配购$/ }))
  await waitFor(() => expect(posts().at(-1)!.msg).toMatchObject({ focusIndex: 2, page: { blocks: [{}, {}, { type: 'shop-the-look', hotspots: [] }] } }))
  expect(api.callsTo('PUT', '/api/admin/pages/pg_1').every((c) => c.body.blocks.length === 2)).toBe(true)

  // Working in a block scrolls the preview to it.
  fireEvent.pointerDown(within(screen.getByRole('group', { name: '模块 2：商品' })).getByRole('combobox'))
  await waitFor(() => expect(posts().at(-1)!.msg).toMatchObject({ focusIndex: 1 }))

  // The frame reloading says hello again and gets the current draft at once.
  const before = posts().length
  say({ type: LIVE_PREVIEW_READY })
  expect(posts()).toHaveLength(before + 1)
})

test('the phone frame switches between phone sizes; the QR preview for a real phone stays', async () => {
  renderAdmin('/pages/pg_1', {
    ...routes(),
    'POST /api/admin/pages/:id/preview': () => ok({ token: 't', url: 'http://192.168.1.20:3000/api/v1/pages/spring?preview=t', expiresAt: '2026-03-02T05:00:00.000Z' })
  })
  await screen.findByTitle('实时预览')
  expect(screen.getByTestId('phone-frame')).toHaveAttribute('data-size', '375x667')
  await user().click(screen.getByText('390×844'))
  expect(screen.getByTestId('phone-frame')).toHaveAttribute('data-size', '390x844')
  expect(screen.getByTestId('phone-frame')).toHaveStyle({ width: '390px', height: '844px' })
  await user().click(screen.getByText('360×780'))
  expect(screen.getByTestId('phone-frame')).toHaveAttribute('data-size', '360x780')

  await user().click(screen.getByRole('button', { name: '手机扫码预览' }))
  expect(await screen.findByAltText('预览二维码')).toBeInTheDocument()
})

import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fail, ok, type FakeRequest } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'
import { PRODUCTS, page } from './fixtures'

// jsdom has no PointerEvent: without one, fireEvent.pointerMove carries no clientX.
if (typeof window.PointerEvent === 'undefined') {
  class PointerEventPolyfill extends MouseEvent {
    readonly pointerId: number
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init)
      this.pointerId = init.pointerId ?? 0
    }
  }
  ;(window as unknown as { PointerEvent: unknown }).PointerEvent = PointerEventPolyfill
}

const user = () => userEvent.setup({ delay: null })
const block = (n: number, label: string) => screen.findByRole('group', { name: `模块 ${n}：${label}` })
const lastSave = (api: ReturnType<typeof renderAdmin>['api']) => api.callsTo('PUT', '/api/admin/pages/pg_1').at(-1)?.body

function routes(blocks: unknown[]) {
  let current = page({ blocks: blocks as never })
  return {
    'GET /api/admin/pages/:id': () => ok({ page: current }),
    'PUT /api/admin/pages/:id': (req: FakeRequest) => ok({ page: (current = { ...current, ...req.body }) }),
    'GET /api/admin/products': () => ok({ items: PRODUCTS, nextCursor: null }),
    'GET /api/admin/pages': () => ok({ items: [current, page({ id: 'pg_2', slug: 'summer', title: '夏日' })], nextCursor: null })
  }
}

/** The lookbook image as laid out: 400×500 at (20, 100) on screen. */
function sizeImage(el: HTMLElement) {
  el.getBoundingClientRect = () => ({ left: 20, top: 100, width: 400, height: 500, right: 420, bottom: 600, x: 20, y: 100, toJSON: () => ({}) })
}

async function pick(combobox: HTMLElement, search: string, option: string) {
  await user().type(combobox, search)
  const options = await screen.findAllByText(option)
  await user().click(options.at(-1)!)
}

test('shop-the-look: a click on the image places a dot at fractions of the shown image; dots drag, take a product each and delete', async () => {
  const { api } = renderAdmin('/pages/pg_1', routes([{ type: 'shop-the-look', image: '/media/look.jpg', title: '通勤', hotspots: [] }]))
  const look = await block(1, '搭配购')
  const image = within(look).getByTestId('hotspot-image')
  sizeImage(image)

  fireEvent.click(image, { clientX: 120, clientY: 350 })
  fireEvent.click(image, { clientX: 320, clientY: 200 })
  expect(within(look).getByRole('button', { name: '商品点 1' })).toHaveStyle({ left: '25%', top: '50%' })
  expect(within(look).getByRole('button', { name: '商品点 2' })).toHaveStyle({ left: '75%', top: '20%' })
  // Not saved while a dot has no product; the problem shows on that dot's picker once checked.
  expect(await within(look).findAllByText('请填写商品')).toHaveLength(2)

  await pick(within(look).getByRole('combobox', { name: '商品点 1 的商品' }), '亚麻', '亚麻衬衫（¥129）')
  await pick(within(look).getByRole('combobox', { name: '商品点 2 的商品' }), '帆布', '帆布包（¥59）')
  await waitFor(() =>
    expect(lastSave(api)?.blocks[0]).toEqual({
      type: 'shop-the-look',
      image: '/media/look.jpg',
      title: '通勤',
      hotspots: [
        { x: 0.25, y: 0.5, productId: 'prd_1' },
        { x: 0.75, y: 0.2, productId: 'prd_2' }
      ]
    })
  )

  // Drag dot 2 to the bottom-right corner (and beyond: it stays on the image).
  const dot2 = within(look).getByRole('button', { name: '商品点 2' })
  fireEvent.pointerDown(dot2, { clientX: 320, clientY: 200, pointerId: 1 })
  fireEvent.pointerMove(dot2, { clientX: 380, clientY: 550, pointerId: 1 })
  fireEvent.pointerMove(dot2, { clientX: 500, clientY: 700, pointerId: 1 })
  fireEvent.pointerUp(dot2, { pointerId: 1 })
  fireEvent.click(dot2)
  await waitFor(() => expect(lastSave(api)?.blocks[0].hotspots).toEqual([
    { x: 0.25, y: 0.5, productId: 'prd_1' },
    { x: 1, y: 1, productId: 'prd_2' }
  ]))
  expect(within(look).getAllByRole('button', { name: /^商品点 \d$/ })).toHaveLength(2)

  await user().click(within(look).getByRole('button', { name: '删除商品点 1' }))
  await waitFor(() => expect(lastSave(api)?.blocks[0].hotspots).toEqual([{ x: 1, y: 1, productId: 'prd_2' }]))
  expect(within(look).getByRole('button', { name: '商品点 1' })).toHaveStyle({ left: '100%', top: '100%' })
})

test('shop-the-look: a new block asks for the image first; the server\'s issue lands on the dot it names', async () => {
  let current = page({ blocks: [{ type: 'shop-the-look', image: '/media/look.jpg', hotspots: [{ x: 0.5, y: 0.5, productId: 'prd_1' }] }] as never })
  renderAdmin('/pages/pg_1', {
    ...routes([]),
    'GET /api/admin/pages/:id': () => ok({ page: current }),
    'PUT /api/admin/pages/:id': () => fail(422, 'INVALID_PAGE', '页面有 1 处需要修改', [{ path: 'blocks.0.hotspots.0.productId', message: '商品 prd_1 已下架' }])
  })
  const look = await block(1, '搭配购')
  await user().type(within(look).getByLabelText('标题'), '周末')
  expect(await within(look).findByText('商品 prd_1 已下架')).toBeInTheDocument()
  current = page()

  await user().click(screen.getByRole('button', { name: /添加搭配购$/ }))
  const fresh = await block(2, '搭配购')
  expect(within(fresh).getByText('先上传搭配图，再在图上点出商品的位置')).toBeInTheDocument()
  expect(within(fresh).queryByTestId('hotspot-image')).toBeNull()
})

test('carousel: slides are added, linked to a product or a page, reordered and removed', async () => {
  const { api } = renderAdmin('/pages/pg_1', routes([{ type: 'carousel', slides: [{ image: '/media/a.jpg' }, { image: '/media/b.jpg' }] }]))
  const carousel = await block(1, '轮播图')
  const slide = (n: number) => within(carousel).getByRole('group', { name: `第 ${n} 张` })

  await user().click(within(slide(1)).getByRole('radio', { name: '商品' }))
  await pick(within(slide(1)).getByRole('combobox', { name: '第 1 张链接的商品' }), '帆布', '帆布包（¥59）')
  await user().click(within(slide(2)).getByRole('radio', { name: '内容页面' }))
  await user().click(within(slide(2)).getByRole('combobox', { name: '第 2 张链接的页面' }))
  await user().click(await screen.findByText('夏日（/summer）'))
  await waitFor(() =>
    expect(lastSave(api)?.blocks[0].slides).toEqual([
      { image: '/media/a.jpg', productId: 'prd_2' },
      { image: '/media/b.jpg', pageSlug: 'summer' }
    ])
  )

  await user().click(within(carousel).getByRole('button', { name: '上移第 2 张' }))
  await waitFor(() => expect(lastSave(api)?.blocks[0].slides.map((s: { image: string }) => s.image)).toEqual(['/media/b.jpg', '/media/a.jpg']))
  // Switching a slide's link to 不链接 drops the product.
  await user().click(within(slide(2)).getByRole('radio', { name: '不链接' }))
  await waitFor(() => expect(lastSave(api)?.blocks[0].slides[1]).toEqual({ image: '/media/a.jpg' }))

  // A slide added without an image is a problem at its path; deleting it saves again.
  await user().click(within(carousel).getByRole('button', { name: /添加一张$/ }))
  expect(await within(slide(3)).findByText('请填写图片')).toBeInTheDocument()
  await user().click(within(carousel).getByRole('button', { name: '删除第 3 张' }))
  await user().click(within(carousel).getByRole('button', { name: '删除第 1 张' }))
  await waitFor(() => expect(lastSave(api)?.blocks[0]).toEqual({ type: 'carousel', slides: [{ image: '/media/a.jpg' }] }))
})

test('countdown takes a launch time with the staff offset, a title and an optional product; quote and divider save as typed', async () => {
  const { api } = renderAdmin('/pages/pg_1', routes([{ type: 'text', text: '开场' }]))
  await block(1, '文字')
  await user().click(screen.getByRole('button', { name: /添加倒计时$/ }))
  const countdown = await block(2, '倒计时')
  const when = within(countdown).getByLabelText('开售时间')
  await user().click(when)
  await user().type(when, '2030-05-01 09:30{enter}')
  await user().type(within(countdown).getByLabelText('标题'), '新品开售')
  await pick(within(countdown).getByRole('combobox', { name: '开售商品' }), '亚麻', '亚麻衬衫（¥129）')
  await waitFor(() => expect(lastSave(api)?.blocks[1]).toMatchObject({ type: 'countdown', title: '新品开售', productId: 'prd_1' }))
  const until = lastSave(api)!.blocks[1].until as string
  expect(until).toMatch(/^2030-05-01T09:30:00[+-]\d\d:\d\d$|^2030-05-01T09:30:00Z$/)
  expect(new Date(until).getTime()).toBe(new Date(2030, 4, 1, 9, 30).getTime())

  await user().click(screen.getByRole('button', { name: /添加分隔线$/ }))
  expect(within(await block(3, '分隔线')).getByText(/没有要填的/)).toBeInTheDocument()
  await user().click(screen.getByRole('button', { name: /添加引文$/ }))
  const quote = await block(4, '引文')
  await user().type(within(quote).getByLabelText('引文'), '衣服是穿给生活的')
  await user().type(within(quote).getByLabelText('出处'), '林晓')
  await waitFor(() =>
    expect(lastSave(api)?.blocks.slice(2)).toEqual([{ type: 'divider' }, { type: 'quote', text: '衣服是穿给生活的', by: '林晓' }])
  )
})

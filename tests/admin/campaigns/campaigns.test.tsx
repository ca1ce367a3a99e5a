import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CampaignDto } from '@core/contract/reach'
import { created, fail, ok } from '../helpers/fake-api'
import { EDITOR, renderAdmin } from '../helpers/render-admin'

const campaign = (over: Partial<CampaignDto> = {}): CampaignDto => ({
  id: 'cmp_1',
  code: 'Wb2026a',
  name: '微博 · 春季首发',
  channel: 'weibo',
  target: { contentSlug: 'spring' },
  landingUrl: 'https://shop.brand.test/l/Wb2026a',
  urlLink: 'https://wxaurl.cn/AbCdEf',
  urlLinkExpiresAt: '2026-12-31T00:00:00.000Z',
  scheme: 'weixin://dl/business/?t=XyZ123',
  shortLink: '#小程序://春季上新/AbCd',
  qrImageUrl: '/api/admin/campaigns/cmp_1/code.png',
  createdAt: '2026-12-01T08:00:00.000Z',
  figures: { opens: 120, newUsers: 40, addToCarts: 18, orders: 9, paidOrders: 7, paidFen: 90300, refundedFen: 12900 },
  ...over
})

const pages = { items: [{ id: 'pg_1', slug: 'spring', title: '春日上新', status: 'published' }, { id: 'pg_2', slug: 'draft', title: '草稿页', status: 'draft' }], nextCursor: null }
const base = {
  'GET /api/admin/pages': () => ok(pages),
  'GET /api/admin/products': () => ok({ items: [{ id: 'p1', title: '亚麻衬衫', images: [], description: '', skus: [{ id: 'k1', attrs: {}, priceFen: 12900, stock: 5 }] }], nextCursor: null })
}

test('the list names each campaign, its channel in Chinese, the page by title and its figures; editors see 推广 too', async () => {
  renderAdmin('/campaigns', { ...base, 'GET /api/admin/campaigns': () => ok({ items: [campaign(), campaign({ id: 'cmp_2', code: 'Sms01', name: '短信召回', channel: 'sms', target: { productId: 'p1' }, figures: undefined })] }) }, EDITOR)
  const row = (await screen.findByText('微博 · 春季首发')).closest('tr')!
  expect(row).toHaveTextContent('微博')
  await waitFor(() => expect(row).toHaveTextContent('页面：春日上新'))
  expect(row).toHaveTextContent('120')
  expect(row).toHaveTextContent('¥903')
  const other = screen.getByText('短信召回').closest('tr')!
  expect(other).toHaveTextContent('短信')
  await waitFor(() => expect(other).toHaveTextContent('商品：亚麻衬衫'))
  expect(within(screen.getByRole('menu')).getByText('推广')).toBeInTheDocument()
})

test('no campaigns yet says what to do; a failed read offers 重试', async () => {
  let failing = true
  renderAdmin('/campaigns', { ...base, 'GET /api/admin/campaigns': () => (failing ? fail(500, 'INTERNAL', 'boom') : ok({ items: [] })) })
  expect(await screen.findByText('读取失败')).toBeInTheDocument()
  failing = false
  screen.getByRole('button', { name: '重试' }).click()
  expect(await screen.findByText(/还没有推广/)).toBeInTheDocument()
})

test('creating a Weibo campaign for a published page sends the contract body and opens its links and code', async () => {
  const made = campaign()
  const { api } = renderAdmin('/campaigns', {
    ...base,
    'GET /api/admin/campaigns': () => ok({ items: [] }),
    'POST /api/admin/campaigns': () => created({ campaign: made }),
    'GET /api/admin/campaigns/:id': () => ok({ campaign: made })
  })
  const user = userEvent.setup({ delay: null })
  await user.click(await screen.findByRole('button', { name: /新建推广/ }))
  const dialog = await screen.findByRole('dialog')
  await user.type(within(dialog).getByLabelText('名称'), '微博 · 春季首发')
  await user.click(within(dialog).getByRole('combobox', { name: '内容页面' }))
  // Only published pages can be opened by a campaign.
  expect(screen.queryByTitle('草稿页')).toBeNull()
  await user.click(await screen.findByTitle('春日上新'))
  await user.click(within(dialog).getByRole('button', { name: /生成链接和小程序码/ }))

  await waitFor(() => expect(api.callsTo('POST', '/api/admin/campaigns')).toHaveLength(1))
  expect(api.callsTo('POST', '/api/admin/campaigns')[0]!.body).toEqual({ name: '微博 · 春季首发', channel: 'weibo', target: { contentSlug: 'spring' } })
  expect(await screen.findByText('https://shop.brand.test/l/Wb2026a')).toBeInTheDocument()
  expect(screen.getByText('https://wxaurl.cn/AbCdEf')).toBeInTheDocument()
  expect(screen.getByText('weixin://dl/business/?t=XyZ123')).toBeInTheDocument()
  expect(screen.getByRole('img', { name: '微博 · 春季首发 的小程序码' })).toHaveAttribute('src', '/api/admin/campaigns/cmp_1/code.png')
  expect(screen.getByRole('link', { name: /下载小程序码/ })).toHaveAttribute('download', '小程序码-Wb2026a.png')
})

test('a refused campaign keeps the form open and shows the server message', async () => {
  renderAdmin('/campaigns', {
    ...base,
    'GET /api/admin/campaigns': () => ok({ items: [] }),
    'POST /api/admin/campaigns': () => fail(503, 'WECHAT_UNAVAILABLE', 'WeChat did not answer')
  })
  const user = userEvent.setup({ delay: null })
  await user.click(await screen.findByRole('button', { name: /新建推广/ }))
  const dialog = await screen.findByRole('dialog')
  await user.type(within(dialog).getByLabelText('名称'), '短信')
  await user.click(within(dialog).getByRole('radio', { name: '商品' }))
  await user.click(within(dialog).getByRole('combobox', { name: '选择商品' }))
  await user.click(await screen.findByTitle('亚麻衬衫'))
  await user.click(within(dialog).getByRole('button', { name: /生成链接和小程序码/ }))
  expect(await screen.findByText('微信暂时连不上，请稍后再试')).toBeInTheDocument()
  expect(screen.getByRole('dialog')).toBeInTheDocument()
})

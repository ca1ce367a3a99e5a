import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ok } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'

// jsdom has no canvas: the charts are ECharts' business, the data and the labels around them are ours.
jest.mock('../../../src/admin/analytics/analytics-charts', () => ({ FunnelChartView: () => null, DailyChartView: () => null, ChannelChartView: () => null }))

const row = { slug: 'spring', views: 10, viewers: 8, shares: 2, shareOpens: 3, addToCarts: 1, orders: 1, paidOrders: 1, paidFen: 12900, refundedFen: 0 }

test('the funnel selector and the content table name pages by title; choosing one asks for its funnel', async () => {
  const { api } = renderAdmin('/analytics', {
    'GET /api/admin/pages': () => ok({ items: [{ id: 'pg_1', slug: 'spring', title: '春日上新' }], nextCursor: null }),
    'GET /api/admin/analytics/content': () => ok({ rows: [row] }),
    'GET /api/admin/analytics/sharers': () => ok({ rows: [] }),
    'GET /api/admin/analytics/daily': () => ok({ rows: [] }),
    'GET /api/admin/analytics/funnel': () => ok({ steps: [{ name: 'content_view', users: 8 }] }),
    'GET /api/admin/analytics/channels': () => ok({ rows: [] })
  })
  const table = (await screen.findByText('内容表现')).closest('.ant-card') as HTMLElement
  await waitFor(() => expect(within(table).getByText('春日上新')).toBeInTheDocument())
  expect(within(table).queryByText('spring')).toBeNull()

  await userEvent.setup({ delay: null }).click(screen.getByRole('combobox', { name: '漏斗内容' }))
  await userEvent.setup({ delay: null }).click(await screen.findByTitle('春日上新'))
  await waitFor(() => expect(api.calls.some((c) => c.path === '/api/admin/analytics/funnel' && c.query.get('contentSlug') === 'spring')).toBe(true))
})

test('the sharer leaderboard names a sharer by the nickname they set, with the user id on hover; others by id', async () => {
  const sharer = (userId: string, extra: Record<string, unknown> = {}) => ({ userId, shares: 1, opens: 2, loggedInOpens: 1, newUsers: 1, paidOrders: 1, paidFen: 9900, refundedFen: 0, discountFen: 0, rewardsGranted: 0, maxDepth: 1, ...extra })
  renderAdmin('/analytics', {
    'GET /api/admin/pages': () => ok({ items: [], nextCursor: null }),
    'GET /api/admin/analytics/content': () => ok({ rows: [] }),
    'GET /api/admin/analytics/sharers': () => ok({ rows: [sharer('usr_named', { name: '林小满', avatarUrl: '/media/me.png' }), sharer('usr_plain')] }),
    'GET /api/admin/analytics/daily': () => ok({ rows: [] }),
    'GET /api/admin/analytics/funnel': () => ok({ steps: [] }),
    'GET /api/admin/analytics/channels': () => ok({ rows: [] })
  })
  const board = (await screen.findByText('分享达人榜')).closest('.ant-card') as HTMLElement
  const named = await within(board).findByText('林小满')
  expect(named.closest('[title]')).toHaveAttribute('title', 'usr_named')
  expect(within(board).queryByText('usr_named')).toBeNull()
  expect(within(board).getByText('usr_plain')).toBeInTheDocument()
})

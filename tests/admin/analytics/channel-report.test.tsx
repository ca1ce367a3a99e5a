import { screen, waitFor, within } from '@testing-library/react'
import type { ChannelReportRow } from '@core/contract/rewards'
import { byChannel } from '../../../src/admin/analytics/channel-report'
import { ok } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'

// jsdom has no canvas: the charts are ECharts' business, the data and the labels around them are ours.
jest.mock('../../../src/admin/analytics/analytics-charts', () => ({ FunnelChartView: () => null, DailyChartView: () => null, ChannelChartView: () => null }))

const row = (over: Partial<ChannelReportRow>): ChannelReportRow => ({
  channel: 'chat',
  opens: 0,
  newUsers: 0,
  addToCarts: 0,
  orders: 0,
  paidOrders: 0,
  paidFen: 0,
  refundedFen: 0,
  netPaidFen: 0,
  discountFen: 0,
  rewardsGranted: 0,
  ...over
})

test('byChannel folds campaigns into their channel, most opens first', () => {
  const rows = [
    row({ channel: 'weibo', campaignCode: 'Wb1', opens: 30, paidOrders: 2, paidFen: 200 }),
    row({ channel: 'chat', opens: 50, paidOrders: 1, paidFen: 100 }),
    row({ channel: 'weibo', campaignCode: 'Wb2', opens: 25, paidOrders: 1, paidFen: 50 })
  ]
  expect(byChannel(rows)).toEqual([
    { channel: 'weibo', opens: 55, paidOrders: 3, paidFen: 250 },
    { channel: 'chat', opens: 50, paidOrders: 1, paidFen: 100 }
  ])
})

test('the 渠道 card lists each channel and campaign in Chinese with its figures', async () => {
  renderAdmin('/analytics', {
    'GET /api/admin/pages': () => ok({ items: [], nextCursor: null }),
    'GET /api/admin/analytics/content': () => ok({ rows: [] }),
    'GET /api/admin/analytics/sharers': () => ok({ rows: [] }),
    'GET /api/admin/analytics/daily': () => ok({ rows: [] }),
    'GET /api/admin/analytics/funnel': () => ok({ steps: [] }),
    'GET /api/admin/analytics/channels': () =>
      ok({
        rows: [
          row({ channel: 'weibo', campaignCode: 'Wb2026a', campaignName: '微博 · 春季首发', opens: 40, newUsers: 12, addToCarts: 6, orders: 3, paidOrders: 2, paidFen: 25800 }),
          row({ channel: 'poster', opens: 8, paidOrders: 1, paidFen: 12900 })
        ]
      })
  })
  const card = (await screen.findAllByText('渠道'))[0]!.closest('.ant-card') as HTMLElement
  const weibo = (await within(card).findByText('微博 · 春季首发')).closest('tr')!
  expect(weibo).toHaveTextContent('微博')
  expect(weibo).toHaveTextContent('¥258')
  expect(weibo).toHaveTextContent('5.0%')
  await waitFor(() => expect(within(card).getByText('海报')).toBeInTheDocument())
})

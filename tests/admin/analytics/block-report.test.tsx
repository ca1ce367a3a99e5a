import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { fail, ok } from '../helpers/fake-api'
import { renderAdmin } from '../helpers/render-admin'

jest.mock('../../../src/admin/analytics/analytics-charts', () => ({ FunnelChartView: () => null, DailyChartView: () => null }))

const content = (slug: string) => ({ slug, views: 10, viewers: 8, shares: 2, shareOpens: 3, addToCarts: 1, orders: 1, paidOrders: 1, paidFen: 12900, refundedFen: 0 })
const base = {
  'GET /api/admin/pages': () =>
    ok({ items: [{ id: 'pg_1', slug: 'spring', title: '春日上新' }, { id: 'pg_2', slug: 'look', title: '通勤搭配' }], nextCursor: null }),
  'GET /api/admin/analytics/content': () => ok({ rows: [content('spring'), content('look')] }),
  'GET /api/admin/analytics/sharers': () => ok({ rows: [] }),
  'GET /api/admin/analytics/daily': () => ok({ rows: [] }),
  'GET /api/admin/analytics/funnel': () => ok({ steps: [{ name: 'content_view', users: 8 }] })
}

test('the block table shows views, taps and add-to-carts per block of the chosen page, with the reminded shoppers who bought', async () => {
  const { api } = renderAdmin('/analytics', {
    ...base,
    'GET /api/admin/analytics/blocks': (req) =>
      ok({
        rows:
          req.query.get('contentSlug') === 'look'
            ? [
                { blockIndex: 0, blockType: 'shop-the-look', views: 40, viewers: 30, taps: 12, addToCarts: 6 },
                { blockIndex: 1, blockType: 'carousel', views: 20, viewers: 20, taps: 0, addToCarts: 0 }
              ]
            : [{ blockIndex: 0, blockType: 'hero', views: 5, viewers: 5, taps: 0, addToCarts: 0 }]
      }),
    'GET /api/admin/analytics/launch-reminders': () =>
      ok({ rows: [], pages: [{ contentSlug: 'look', reminders: 8, buyers: 2 }, { contentSlug: 'spring', reminders: 0, buyers: 0 }] })
  })
  const card = (await screen.findByText('模块表现')).closest('.ant-card') as HTMLElement
  // The first page of the content report is shown first.
  await waitFor(() => expect(within(card).getByText('1. 头图')).toBeInTheDocument())
  expect(within(card).queryByText('开售提醒')).toBeNull()

  await userEvent.setup({ delay: null }).click(within(card).getByRole('combobox', { name: '模块表现的页面' }))
  const options = await screen.findAllByText('通勤搭配')
  await userEvent.setup({ delay: null }).click(options.at(-1)!)
  const look = (await within(card).findByText('1. 搭配购')).closest('tr') as HTMLElement
  expect([...look.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1. 搭配购', '40', '30', '12', '30.0%', '6', '20.0%'])
  expect(within(card).getByText('2. 轮播图').closest('tr')).toHaveTextContent('0.0%')
  expect(api.calls.some((c) => c.path === '/api/admin/analytics/blocks' && c.query.get('contentSlug') === 'look' && c.query.get('from'))).toBe(true)
  expect(within(card).getByText('开售提醒').closest('.ant-statistic')).toHaveTextContent('8人')
  expect(within(card).getByText('提醒后购买').closest('.ant-statistic')).toHaveTextContent('2人')
  expect(within(card).getByText('提醒转化率').closest('.ant-statistic')).toHaveTextContent('25.0%')
})

test('without the reminder report the block table still shows', async () => {
  renderAdmin('/analytics', {
    ...base,
    'GET /api/admin/analytics/blocks': () => ok({ rows: [{ blockIndex: 2, blockType: 'countdown', views: 3, viewers: 3, taps: 1, addToCarts: 0 }] }),
    'GET /api/admin/analytics/launch-reminders': () => fail(404, 'ROUTE_NOT_FOUND', 'no')
  })
  const card = (await screen.findByText('模块表现')).closest('.ant-card') as HTMLElement
  expect(await within(card).findByText('3. 倒计时')).toBeInTheDocument()
  expect(within(card).queryByText('开售提醒')).toBeNull()
})

import { funnelOption, OUTSIDE_LABEL_COLOR } from '../../../src/admin/analytics/funnel-option'

type Item = { name: string; value: number; label?: { position: string; color: string } }
const items = (steps: Parameters<typeof funnelOption>[0]) => funnelOption(steps).series[0]!.data as Item[]

test('a funnel step at zero (or too narrow for its label) is labelled outside in dark text', () => {
  const data = items([
    { name: 'content_view', users: 120 },
    { name: 'add_to_cart', users: 60 },
    { name: 'checkout_start', users: 10 },
    { name: 'order_created', users: 0 },
    { name: 'order_paid', users: 0 }
  ])
  expect(data.map((d) => d.name)).toEqual(['浏览内容', '加入购物车', '去结算', '下单', '支付'])
  expect(data[0]!.label).toBeUndefined()
  expect(data[1]!.label).toBeUndefined()
  for (const narrow of data.slice(2)) expect(narrow.label).toEqual({ position: 'right', color: OUTSIDE_LABEL_COLOR })
})

test('an empty funnel (nobody viewed anything yet) has every label outside, none white on a sliver', () => {
  const data = items([
    { name: 'content_view', users: 0 },
    { name: 'order_paid', users: 0 }
  ])
  expect(data.every((d) => d.label?.color === OUTSIDE_LABEL_COLOR)).toBe(true)
})

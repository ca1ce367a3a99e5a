import { percent, rankSharers } from '../../../src/admin/analytics/report-math'

test('conversion as a percentage with one decimal, and a dash when nobody viewed', () => {
  expect(percent(1, 8)).toBe('12.5%')
  expect(percent(2, 3)).toBe('66.7%')
  expect(percent(0, 0)).toBe('—')
})

test('the sharer leaderboard ranks by paid amount, then paid orders, then opens', () => {
  const row = (userId: string, paidFen: number, paidOrders: number, opens: number) => ({ userId, shares: 1, opens, loggedInOpens: opens, newUsers: 0, paidOrders, paidFen, refundedFen: 0, discountFen: 0, rewardsGranted: 0, maxDepth: 1 })
  expect(rankSharers([row('a', 100, 1, 9), row('b', 500, 1, 0), row('c', 100, 2, 0), row('d', 100, 1, 10)]).map((r) => r.userId)).toEqual(['b', 'c', 'd', 'a'])
})

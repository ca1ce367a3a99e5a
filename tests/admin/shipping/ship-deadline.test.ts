import { shipByOfOrder, shipDeadline } from '../../../src/admin/shipping/ship-deadline'

const paidAt = Date.parse('2026-03-02T03:00:00.000Z')
const shipBy = '2026-03-04T03:00:00.000Z'
const at = (hours: number) => paidAt + hours * 3_600_000

test('time left of the 48 hours, urgent in the last 6 hours', () => {
  expect(shipDeadline(shipBy, at(0))).toEqual({ overdue: false, urgent: false, text: '剩 48 小时' })
  expect(shipDeadline(shipBy, at(12.5))).toEqual({ overdue: false, urgent: false, text: '剩 35 小时 30 分' })
  expect(shipDeadline(shipBy, at(43))).toEqual({ overdue: false, urgent: true, text: '剩 5 小时' })
  expect(shipDeadline(shipBy, at(47.75))).toEqual({ overdue: false, urgent: true, text: '剩 15 分钟' })
})

test('past the deadline it says by how much', () => {
  expect(shipDeadline(shipBy, at(48))).toEqual({ overdue: true, urgent: true, text: '已超时 0 分钟' })
  expect(shipDeadline(shipBy, at(51.1))).toEqual({ overdue: true, urgent: true, text: '已超时 3 小时 6 分' })
})

test('a shipBy that is not a time fails loudly', () => {
  expect(() => shipDeadline('soon', at(0))).toThrow('shipBy is not a time: soon')
})

test('without the server’s shipBy the deadline is core’s paidAt + 48 h; none before payment', () => {
  expect(shipByOfOrder({ shipBy, paidAt: '2026-01-01T00:00:00.000Z' })).toBe(shipBy)
  expect(shipByOfOrder({ paidAt: '2026-03-02T03:00:00.000Z' })).toBe(shipBy)
  expect(shipByOfOrder({})).toBeUndefined()
})

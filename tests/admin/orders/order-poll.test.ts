import { isSettling, orderPollInterval } from '../../../src/admin/orders/order-queries'
import { order } from './fixtures'

const processing = { id: 'rfd_1', outRefundNo: 'rfd_1', amountFen: 100, reason: '缺货', status: 'processing', wechatRefundId: null, createdBy: 'stf_admin', createdAt: '2026-03-03T01:00:00.000Z', settledAt: null } as const

test('an order is polled while a refund is under way, and not once it settled', () => {
  expect(orderPollInterval(order({ status: 'refunding', refunds: [processing] }), 250)).toBe(250)
  // A partial refund leaves the order paid while WeChat Pay works on it: still settling.
  expect(orderPollInterval(order({ status: 'paid', refunds: [processing] }), 250)).toBe(250)
  expect(orderPollInterval(order({ status: 'refunded', refunds: [{ ...processing, status: 'success' }] }), 250)).toBe(false)
  expect(orderPollInterval(order({ status: 'paid', refunds: [{ ...processing, status: 'failed' }] }), 250)).toBe(false)
  expect(orderPollInterval(undefined, 250)).toBe(false)
  expect(isSettling(order())).toBe(false)
})

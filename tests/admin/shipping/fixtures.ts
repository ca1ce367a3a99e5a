import type { Carrier } from '@core/contract/shipping'
import type { OrderSummary } from '@core/contract/admin-orders'
import { order } from '../orders/fixtures'

/** The tests' clock: only Date is fake, timers stay real (antd and Testing Library need them). */
export const NOW = Date.parse('2026-03-05T04:00:00.000Z')
const HOUR = 3_600_000
export function freezeDate() {
  jest.useFakeTimers({
    now: NOW,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout']
  })
}

export const CARRIERS: Carrier[] = [
  { code: 'SF', name: '顺丰速运' },
  { code: 'YTO', name: '圆通速递' },
  { code: 'ZTO', name: '中通快递' },
  { code: 'JD', name: '京东物流' }
]

/** A paid order waiting to ship, paid `hoursAgo` hours before NOW. */
export function paidOrder(id: string, hoursAgo: number, over: Partial<OrderSummary> = {}): OrderSummary {
  const paidAt = new Date(NOW - hoursAgo * HOUR).toISOString()
  return {
    ...order({ id, outTradeNo: `T${id}`, paidAt, createdAt: paidAt }),
    shipments: [],
    // The list answers the shopper-facing refunds, the detail staff's own refund rows.
    refunds: [],
    shipBy: new Date(NOW - hoursAgo * HOUR + 48 * HOUR).toISOString(),
    ...over
  }
}

/**
 * WeChat's 48-hour rule as staff read it: how long is left until `shipBy`
 * (paidAt + 48 h), or how long ago it passed. `now` comes in so tests and
 * the ticking queue decide the clock.
 */
import { shipByOf } from '@core/order'

export type Deadline = { overdue: boolean; urgent: boolean; text: string }

const MINUTE = 60_000
const HOUR = 60 * MINUTE

function span(ms: number): string {
  const minutes = Math.floor(ms / MINUTE)
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} 分钟`
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分`
}

/** `urgent`: less than 6 hours left, worth shipping first. */
export function shipDeadline(shipBy: string, now: number): Deadline {
  const left = Date.parse(shipBy) - now
  if (Number.isNaN(left)) throw new Error(`shipBy is not a time: ${shipBy}`)
  if (left <= 0) return { overdue: true, urgent: true, text: `已超时 ${span(-left)}` }
  return { overdue: false, urgent: left < 6 * HOUR, text: `剩 ${span(left)}` }
}

/** The order's deadline: the server's shipBy, else core's paidAt + 48 h; none before payment. */
export function shipByOfOrder(o: { shipBy?: string; paidAt?: string }): string | undefined {
  return o.shipBy ?? (o.paidAt ? shipByOf(o.paidAt) : undefined)
}

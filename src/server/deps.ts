/**
 * What every flow receives: the database, the clock, the configuration,
 * this instance's id (the holder name for job leases) and the WeChat Pay
 * client (null when WECHATPAY_* is not configured) and the mini-program API client. Built once in
 * app.ts; flows take it as their first argument so tests can swap the clock.
 */
import type { Config } from './config'
import type { Clock } from './clock'
import type { Database, Executor } from './db/database'
import type { EventLimiter } from './flows/limits/event-limits'
import type { PayClient } from './wechat/pay/client'
import type { MpClient } from './wechat/mp/client'
import type { Metrics } from './ops/metrics'

export interface Deps {
  database: Database
  db: Executor
  clock: Clock
  config: Config
  instanceId: string
  pay: PayClient | null
  /** POST /events counts (per address, per device), in memory and flushed to the database. */
  eventLimits: EventLimiter
  /** Waits (the staff-login slowdown); tests pass one that records instead of sleeping. */
  delay: (ms: number) => Promise<void>
  /** Mini-program server APIs (shipping info, get_order, messages) with the shared access_token. */
  mp: MpClient
  /** Prometheus counters of this app (GET /metrics); optional so hand-built deps need none. */
  metrics?: Metrics
}

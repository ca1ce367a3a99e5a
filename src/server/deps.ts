/**
 * What every flow receives: the database, the clock, the configuration and
 * this instance's id (the holder name for job leases). Built once in
 * app.ts; flows take it as their first argument so tests can swap the clock.
 */
import type { Config } from './config'
import type { Clock } from './clock'
import type { Database, Executor } from './db/database'

export interface Deps {
  database: Database
  db: Executor
  clock: Clock
  config: Config
  instanceId: string
}

import type { MessagePusher } from './message-push'
import type { Notifier } from './notifier'
import type { ResolvedOptions } from './options'
import type { RefundOutcome, Store } from './store'
import type { Timers } from './timers'

/** Knobs tests turn at run time through POST /sandbox/notify-options. */
export interface ControlState {
  duplicates: number
  /** Applies to the next refund only, then falls back to SUCCESS. */
  nextRefundOutcome: RefundOutcome
}

/** What every route module gets. */
export interface Deps {
  o: ResolvedOptions
  store: Store
  notifier: Notifier
  /** Mini-program message pushes (trade management events) to messagePushUrl. */
  pusher: MessagePusher
  control: ControlState
  timers: Timers
  /** `http://127.0.0.1:PORT` once listening. */
  baseUrl: () => string
}

/**
 * The auto-complete job (jobs lease holder): a shipped order completes
 * ORDER_AUTO_COMPLETE_DAYS after shipping, as WeChat itself confirms express
 * orders at T+10, unless the shopper has an after-sales request open.
 * WeChat is asked first: an order it shows refunded (5), still unshipped (1:
 * our upload has not landed yet) or under complaint waits; an order it
 * cannot answer for now is asked again an hour later.
 */
import { OPEN_AFTER_SALE_STATUSES } from '@core/after-sale'
import { addMs } from '../../clock'
import { hasOpenAfterSale } from '../../db/repos/after-sale-repo'
import { listOrdersToAutoComplete, setOrderFields } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { completeOrder } from './complete-order'
import { tradeStateOf } from './trade-state'

const RECHECK_MS = 60 * 60_000
const DAY_MS = 24 * 60 * 60_000

export interface AutoCompleteReport {
  completed: string[]
  waiting: string[]
}

export async function autoCompleteOrders(deps: Deps, limit = 50): Promise<AutoCompleteReport> {
  const now = deps.clock.now()
  const report: AutoCompleteReport = { completed: [], waiting: [] }
  const rows = await listOrdersToAutoComplete(deps.db, {
    shippedBefore: addMs(now, -deps.config.orderAutoCompleteDays * DAY_MS).toISOString(),
    checkedBefore: addMs(now, -RECHECK_MS).toISOString(),
    limit
  })
  for (const order of rows) {
    await setOrderFields(deps.db, order.id, { completeCheckedAt: now.toISOString() })
    if (await hasOpenAfterSale(deps.db, order.id, OPEN_AFTER_SALE_STATUSES)) {
      report.waiting.push(order.id)
      continue
    }
    const trade = await tradeStateOf(deps, order)
    const blocked = trade.kind === 'unknown' || (trade.kind === 'managed' && (trade.state === 1 || trade.state === 5 || trade.inComplaint))
    if (blocked) {
      report.waiting.push(order.id)
      continue
    }
    const received = trade.kind === 'managed' && (trade.state === 3 || trade.state === 4) ? now : null
    if (await completeOrder(deps, order, 'auto', received)) report.completed.push(order.id)
  }
  return report
}

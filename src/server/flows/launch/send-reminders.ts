/**
 * At a launch, each reminder of that product is handled once: marked sent
 * by a conditional UPDATE and, in the same transaction, its `launch`
 * subscription message queued in the WeChat outbox (which sends and
 * retries it like the order messages). Without a configured template or a
 * consent credit left, the reminder is still marked (outcome no_template /
 * no_credit) and never tried again. Runs under the job lease.
 */
import { launchMessage, reminderPagePath } from '@core/launch'
import { findProductRows, activeSkusOf } from '../../db/repos/product-repo'
import { dueReminders, markReminderSent, setReminderOutcome } from '../../db/repos/launch-repo'
import type { Deps } from '../../deps'
import { queueSubscriptionMessage, type QueuedMessage } from '../subscriptions/queue-message'

export interface ReminderReport {
  queued: string[]
  skipped: string[]
}

export async function sendDueReminders(deps: Deps): Promise<ReminderReport> {
  const now = deps.clock.now()
  const report: ReminderReport = { queued: [], skipped: [] }
  const due = await dueReminders(deps.db, now.toISOString())
  if (due.length === 0) return report
  const productIds = [...new Set(due.map((r) => r.productId))]
  const titles = new Map((await findProductRows(deps.db, productIds)).map((p) => [p.id, p.title]))
  const prices = new Map<string, number>()
  for (const s of await activeSkusOf(deps.db, productIds)) {
    prices.set(s.productId, Math.min(prices.get(s.productId) ?? Infinity, Number(s.priceFen)))
  }
  for (const r of due) {
    const outcome = await deps.db.transaction().execute(async (trx): Promise<QueuedMessage | null> => {
      if (!(await markReminderSent(trx, r.id, now.toISOString()))) return null
      const data = launchMessage({ title: titles.get(r.productId) ?? '新品', priceFen: prices.get(r.productId) ?? null, launchAt: r.launchAt })
      const queued = await queueSubscriptionMessage(deps, trx, {
        userId: r.userId,
        key: 'launch',
        orderId: null,
        data,
        now,
        page: reminderPagePath(r)
      })
      await setReminderOutcome(trx, r.id, queued)
      return queued
    })
    if (outcome === 'queued') report.queued.push(r.id)
    else if (outcome !== null) report.skipped.push(r.id)
  }
  return report
}

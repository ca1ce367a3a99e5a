/**
 * Background jobs that must survive restarts and run once across
 * instances: their schedule lives in the database (pages.scheduled_at) and
 * a DB lease (job_leases) picks one instance to run them. Each tick: take
 * or renew the lease, then do whatever is due. A tick that fails is logged
 * and the next tick tries again.
 */
import type { FastifyBaseLogger } from 'fastify'
import { addMs } from './clock'
import { tryAcquireLease } from './db/repos/lease-repo'
import type { Deps } from './deps'
import { publishDuePages } from './flows/content/publish-due-pages'
import { unpublishDuePages } from './flows/content/unpublish-due-pages'
import { sendDueReminders, type ReminderReport } from './flows/launch/send-reminders'
import { closeOverdueOrders, type CloseReport } from './flows/orders/close-overdue-orders'
import { reconcilePayments, type ReconcileReport } from './flows/payments/reconcile'
import { runOutbox, type OutboxReport } from './flows/outbox/run-outbox'
import { autoCompleteOrders, type AutoCompleteReport } from './flows/receipt/auto-complete'
import { runRetention, type RetentionReport } from './ops/retention'

export const JOBS_LEASE = 'jobs'
/** The retention job (event pruning, expired rows) runs at most this often per instance. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000
const lastRetention = new WeakMap<Deps, number>()

export interface TickResult {
  leader: boolean
  published: string[]
  /** Pages taken offline at their scheduled end (unpublishAt); absent when none. */
  unpublished?: string[]
  /** 开售提醒 handled at their product's launch (queued to the outbox, or skipped); absent when none was due. */
  reminders?: ReminderReport
  /** Unpaid orders closed past their expiry, and WeChat Pay reconciliation; absent when there was nothing to do. */
  orders?: CloseReport & { reconciled: ReconcileReport }
  /** Calls owed to WeChat that were sent, rescheduled or given up; absent when none was due. */
  outbox?: OutboxReport
  /** Shipped orders completed ORDER_AUTO_COMPLETE_DAYS after shipping, or still waiting; absent when none was due. */
  autoComplete?: AutoCompleteReport
  /** Events pruned into rollups and expired rows purged; absent when the retention job did not run or found nothing. */
  retention?: RetentionReport
}

export async function runDueJobs(deps: Deps, leaseMs = 30_000): Promise<TickResult> {
  const now = deps.clock.now()
  const leader = await tryAcquireLease(deps.db, {
    name: JOBS_LEASE,
    holder: deps.instanceId,
    nowIso: now.toISOString(),
    expiresIso: addMs(now, leaseMs).toISOString()
  })
  if (!leader) return { leader, published: [] }
  const published = await publishDuePages(deps)
  const unpublished = await unpublishDuePages(deps)
  // Before the outbox runs, so a reminder queued now is sent in this same tick.
  const reminders = await sendDueReminders(deps)
  const closing = await closeOverdueOrders(deps)
  const reconciled = await reconcilePayments(deps)
  const outbox = await runOutbox(deps)
  const autoComplete = await autoCompleteOrders(deps)
  let retention: RetentionReport | undefined
  const last = lastRetention.get(deps)
  if (last === undefined || now.getTime() - last >= RETENTION_INTERVAL_MS || now.getTime() < last) {
    lastRetention.set(deps, now.getTime())
    const r = await runRetention(deps)
    if (r.eventsPruned + Object.values(r.purged).reduce((a, b) => a + b, 0) > 0) retention = r
  }
  const busy = [closing.closed, closing.paid, closing.failed, Object.keys(reconciled.orders), Object.keys(reconciled.refunds)]
  const sent = outbox.done.length + outbox.retrying.length + outbox.failed.length > 0
  return {
    leader,
    published,
    ...(unpublished.length > 0 ? { unpublished } : {}),
    ...(reminders.queued.length + reminders.skipped.length > 0 ? { reminders } : {}),
    ...(busy.some((list) => list.length > 0) ? { orders: { ...closing, reconciled } } : {}),
    ...(sent ? { outbox } : {}),
    ...(autoComplete.completed.length + autoComplete.waiting.length > 0 ? { autoComplete } : {}),
    ...(retention ? { retention } : {})
  }
}

/** Starts polling; the returned function stops it and waits for a running tick. */
export function startJobs(deps: Deps, intervalMs: number, log: FastifyBaseLogger): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  let stopped = false
  const leaseMs = Math.max(30_000, intervalMs * 3)
  let dueAt = Date.now()
  const tick = () => {
    const startedAt = Date.now()
    deps.metrics?.jobLag.set({ job: JOBS_LEASE }, Math.max(0, startedAt - dueAt) / 1000)
    running = runDueJobs(deps, leaseMs)
      .then((r) => {
        deps.metrics?.jobRuns.inc({ job: JOBS_LEASE, result: r.leader ? 'ok' : 'not_leader' })
        if (r.retention) log.info({ retention: r.retention }, 'retention: old events rolled up and pruned, expired rows purged')
        if (r.published.length > 0) log.info({ published: r.published }, 'scheduled pages published')
        if (r.unpublished) log.info({ unpublished: r.unpublished }, 'pages taken offline at their scheduled end')
        if (r.reminders) log.info({ reminders: r.reminders }, 'launch reminders handled')
        if (r.orders) log.info({ orders: r.orders }, 'order jobs: overdue orders closed, payments reconciled')
        if (r.outbox) log.info({ outbox: r.outbox }, 'WeChat outbox: tasks sent, rescheduled or given up')
        if (r.autoComplete) log.info({ autoComplete: r.autoComplete }, 'shipped orders auto-completed or still waiting')
      })
      .catch((e: unknown) => {
        deps.metrics?.jobRuns.inc({ job: JOBS_LEASE, result: 'failed' })
        log.error({ err: e }, 'job tick failed; retrying next tick')
      })
      .finally(() => {
        deps.metrics?.jobLastRun.set({ job: JOBS_LEASE }, Date.now() / 1000)
        dueAt = Date.now() + intervalMs
        if (!stopped) timer = setTimeout(tick, intervalMs)
      })
  }
  timer = setTimeout(tick, 0)
  return async () => {
    stopped = true
    clearTimeout(timer)
    await running
  }
}

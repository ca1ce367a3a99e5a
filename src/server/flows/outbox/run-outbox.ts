/**
 * The outbox worker, run by the jobs lease holder on every tick: claims due
 * tasks one by one (a conditional update, so a second instance never sends
 * the same task meanwhile), sends each through its kind's sender and
 * records the outcome:
 *   done    → status done;
 *   retry   → pending again after retryDelayMs(attempts) (15 s, 30 s, 1 min … 1 h);
 *             after SHOW_PROBLEM_AFTER_ATTEMPTS staff see the problem while it keeps
 *             trying, and after GIVE_UP_AFTER_MS it is failed and left to staff;
 *   failed  → status failed with a problem in Chinese and what to do.
 * A claim lasts CLAIM_MS: if this process dies mid-send the task is due
 * again once the claim lapses, so nothing is lost (WeChat's uploads are
 * idempotent enough: a repeat answers 10060023/10060002, checked with get_order).
 */
import { GIVE_UP_AFTER_MS, problemFor, retryDelayMs, SHOW_PROBLEM_AFTER_ATTEMPTS } from '@core/wechat-errors'
import { addMs } from '../../clock'
import { claimTask, dueTaskIds, findTask, finishTask, type TaskOutcome, type WechatTaskRow } from '../../db/repos/wechat-task-repo'
import type { Deps } from '../../deps'
import type { SendOutcome, TaskSender } from './outcome'
import { TASK_SENDERS } from './senders'

export const CLAIM_MS = 60_000

export interface OutboxReport {
  done: string[]
  retrying: string[]
  failed: string[]
}

export async function runOutbox(
  deps: Deps,
  opts: { limit?: number; senders?: Record<string, TaskSender> } = {}
): Promise<OutboxReport> {
  const senders = opts.senders ?? TASK_SENDERS
  const report: OutboxReport = { done: [], retrying: [], failed: [] }
  const ids = await dueTaskIds(deps.db, deps.clock.now().toISOString(), opts.limit ?? 50)
  for (const id of ids) {
    const now = deps.clock.now()
    if (!(await claimTask(deps.db, id, deps.instanceId, now.toISOString(), addMs(now, CLAIM_MS).toISOString()))) continue
    const task = await findTask(deps.db, id)
    if (!task) continue
    const outcome = await send(deps, task, senders[task.kind])
    const row = nextState(task, outcome, deps.clock.now())
    if (await finishTask(deps.db, id, deps.instanceId, row)) report[row.status === 'done' ? 'done' : row.status === 'failed' ? 'failed' : 'retrying'].push(id)
  }
  return report
}

async function send(deps: Deps, task: WechatTaskRow, sender: TaskSender | undefined): Promise<SendOutcome> {
  if (!sender) return { kind: 'retry', errcode: null, error: `no sender for task kind ${task.kind} in this version of the server` }
  try {
    return await sender(deps, task, JSON.parse(task.payload))
  } catch (e) {
    return { kind: 'retry', errcode: null, error: `sender threw: ${e instanceof Error ? e.message : String(e)}` }
  }
}

/** The row after one attempt (pure apart from the ISO strings). */
export function nextState(task: WechatTaskRow, outcome: SendOutcome, now: Date): TaskOutcome {
  const attempts = Number(task.attempts) + 1
  const at = now.toISOString()
  const base = { attempts, updatedAt: at }
  if (outcome.kind === 'done') {
    return { ...base, status: 'done', nextAttemptAt: null, lastErrcode: task.lastErrcode, lastError: outcome.note ?? null, problemMessage: null, problemAction: null, doneAt: at }
  }
  const api = task.kind === 'subscribe_message' ? 'subscribe_message' : (task.kind as 'upload_shipping_info')
  if (outcome.kind === 'failed') {
    return {
      ...base,
      status: 'failed',
      nextAttemptAt: null,
      lastErrcode: outcome.errcode,
      lastError: outcome.error,
      problemMessage: outcome.problem.message,
      problemAction: outcome.problem.action,
      doneAt: null
    }
  }
  const problem = problemFor(api, outcome.errcode, outcome.errcode === null ? outcome.error.slice(0, 80) : undefined)
  if (now.getTime() - new Date(task.createdAt).getTime() >= GIVE_UP_AFTER_MS) {
    return { ...base, status: 'failed', nextAttemptAt: null, lastErrcode: outcome.errcode, lastError: outcome.error, problemMessage: problem.message, problemAction: problem.action, doneAt: null }
  }
  const show = attempts >= SHOW_PROBLEM_AFTER_ATTEMPTS
  return {
    ...base,
    status: 'pending',
    nextAttemptAt: addMs(now, retryDelayMs(attempts)).toISOString(),
    lastErrcode: outcome.errcode,
    lastError: outcome.error,
    problemMessage: show ? problem.message : null,
    problemAction: show ? problem.action : null,
    doneAt: null
  }
}

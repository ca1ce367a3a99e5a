/**
 * Puts a call owed to WeChat in the outbox. Pass the transaction that makes
 * the change WeChat must hear about (a shipment, a refund), so the change and
 * its task commit together: a crash right after the commit delays the call,
 * never loses it. The worker (run-outbox.ts) sends it, first attempt at once
 * (or at `notBefore`).
 *
 * `dedupeKey`: a task that must exist once (set_msg_jump_path, one upload
 * per shipment) is inserted only if no task has that key; the answer is then
 * null.
 */
import type { WechatTaskKind } from '@core/contract/admin-orders'
import type { Executor } from '../../db/database'
import { insertWechatTask } from '../../db/repos/wechat-task-repo'
import { newId } from '../../ids'

export type { WechatTaskKind }

export interface NewWechatTask {
  kind: WechatTaskKind
  orderId: string | null
  payload: unknown
  now: Date
  dedupeKey?: string
  notBefore?: Date
}

export async function enqueueWechatTask(db: Executor, task: NewWechatTask): Promise<string | null> {
  const id = newId('wxt')
  const at = task.now.toISOString()
  const inserted = await insertWechatTask(db, {
    id,
    kind: task.kind,
    orderId: task.orderId,
    payload: JSON.stringify(task.payload ?? null),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: (task.notBefore ?? task.now).toISOString(),
    lastErrcode: null,
    lastError: null,
    problemMessage: null,
    problemAction: null,
    dedupeKey: task.dedupeKey ?? null,
    lockedBy: null,
    lockedUntil: null,
    createdAt: at,
    updatedAt: at,
    doneAt: null
  })
  return inserted ? id : null
}

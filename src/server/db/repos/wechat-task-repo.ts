/**
 * The outbox of calls owed to WeChat. A task is claimed with a conditional
 * update (status pending, due, and not locked by a live claim), so two
 * instances never send one task at the same time; a claim lapses by itself
 * when its instance dies (locked_until), so a kill -9 delays a task, never
 * loses it.
 */
import type { Insertable, Selectable } from 'kysely'
import type { Executor } from '../database'
import type { FulfilmentTables } from '../schema'

export type WechatTaskRow = Selectable<FulfilmentTables['wechatTasks']>
export type NewWechatTaskRow = Insertable<FulfilmentTables['wechatTasks']>

/** Inserts the task; false when a task with its dedupe key already exists. */
export async function insertWechatTask(db: Executor, row: NewWechatTaskRow): Promise<boolean> {
  const res = await db
    .insertInto('wechatTasks')
    .values(row)
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1
}

/** Ids of pending tasks due by now and not held by a live claim, oldest due first. */
export async function dueTaskIds(db: Executor, nowIso: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('wechatTasks')
    .select('id')
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', nowIso)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', nowIso)]))
    .orderBy('nextAttemptAt')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** Takes the task for `holder` until `untilIso`; false when someone else holds it or it is no longer pending. */
export async function claimTask(db: Executor, id: string, holder: string, nowIso: string, untilIso: string): Promise<boolean> {
  const res = await db
    .updateTable('wechatTasks')
    .set({ lockedBy: holder, lockedUntil: untilIso })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', nowIso)]))
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export function findTask(db: Executor, id: string): Promise<WechatTaskRow | undefined> {
  return db.selectFrom('wechatTasks').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface TaskOutcome {
  status: 'pending' | 'done' | 'failed'
  attempts: number
  nextAttemptAt: string | null
  lastErrcode: number | null
  lastError: string | null
  problemMessage: string | null
  problemAction: string | null
  updatedAt: string
  doneAt: string | null
}

/** Records an attempt's outcome and releases the claim, only while `holder` still holds it. */
export async function finishTask(db: Executor, id: string, holder: string, outcome: TaskOutcome): Promise<boolean> {
  const res = await db
    .updateTable('wechatTasks')
    .set({ ...outcome, lockedBy: null, lockedUntil: null })
    .where('id', '=', id)
    .where('lockedBy', '=', holder)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export function tasksOfOrder(db: Executor, orderId: string): Promise<WechatTaskRow[]> {
  return db.selectFrom('wechatTasks').selectAll().where('orderId', '=', orderId).orderBy('createdAt').orderBy('id').execute()
}

/** Pending tasks of one kind for an order, e.g. earlier shipping uploads a newer one replaces. */
export async function supersedePending(db: Executor, orderId: string, kind: string, exceptId: string, atIso: string): Promise<number> {
  const res = await db
    .updateTable('wechatTasks')
    .set({ status: 'done', nextAttemptAt: null, lastError: 'superseded by a later task', updatedAt: atIso, doneAt: atIso })
    .where('orderId', '=', orderId)
    .where('kind', '=', kind)
    .where('status', 'in', ['pending', 'failed'])
    .where('id', '!=', exceptId)
    .executeTakeFirst()
  return Number(res.numUpdatedRows)
}

/** Staff ask for a failed task to be tried again. */
export async function retryFailedTask(db: Executor, id: string, nowIso: string): Promise<boolean> {
  const res = await db
    .updateTable('wechatTasks')
    .set({ status: 'pending', nextAttemptAt: nowIso, updatedAt: nowIso, doneAt: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** The audit log: who (staff id, or null for the scheduler) did what to which record. */
import type { Selectable } from 'kysely'
import type { Executor } from '../database'
import type { StaffTables } from '../schema'

export type AuditRow = Selectable<StaffTables['auditLog']>

export async function insertAudit(db: Executor, row: AuditRow): Promise<void> {
  await db.insertInto('auditLog').values(row).execute()
}

/** Newest first; `after` is the (at, id) of the last row of the previous page. */
export function listAudit(
  db: Executor,
  opts: { limit: number; after?: { at: string; id: string }; targetId?: string }
): Promise<AuditRow[]> {
  let q = db.selectFrom('auditLog').selectAll()
  if (opts.targetId) q = q.where('targetId', '=', opts.targetId)
  const after = opts.after
  if (after) {
    q = q.where((eb) => eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]))
  }
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute()
}

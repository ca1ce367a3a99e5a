/** Admin view of the audit log, newest first. */
import type { AuditEntry } from '@core/contract/audit'
import { ok, type Result } from '@core/result'
import { decodeCursor, page } from '../../cursor'
import { listAudit } from '../../db/repos/audit-repo'
import type { Deps } from '../../deps'

export async function listAuditEntries(
  deps: Deps,
  q: { cursor?: string; limit: number; targetId?: string }
): Promise<Result<{ items: AuditEntry[]; nextCursor: string | null }>> {
  const after = decodeCursor(q.cursor)
  if (!after.ok) return after
  const rows = await listAudit(deps.db, { limit: q.limit + 1, after: after.value, targetId: q.targetId })
  const { items, nextCursor } = page(rows, q.limit, (r) => ({ at: r.at, id: r.id }))
  return ok({
    items: items.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actorId,
      action: r.action,
      target: { type: r.targetType, id: r.targetId },
      details: JSON.parse(r.details) as unknown
    })),
    nextCursor
  })
}

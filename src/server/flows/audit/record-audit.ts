/**
 * Writes one audit entry. Flows call it inside the same transaction as the
 * change it describes, so a change and its record commit or fail together.
 */
import type { Executor } from '../../db/database'
import { insertAudit } from '../../db/repos/audit-repo'
import { newId } from '../../ids'

export async function recordAudit(
  db: Executor,
  at: Date,
  actorId: string | null,
  action: string,
  target: { type: string; id: string },
  details: Record<string, unknown> = {}
): Promise<void> {
  await insertAudit(db, {
    id: newId('aud'),
    at: at.toISOString(),
    actorId,
    action,
    targetType: target.type,
    targetId: target.id,
    details: JSON.stringify(details)
  })
}

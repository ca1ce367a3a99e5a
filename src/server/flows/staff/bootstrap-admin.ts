/**
 * Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when there is
 * no staff account at all. Never touches existing accounts, so the
 * variables can stay set across restarts.
 */
import { insertStaff, countStaff } from '../../db/repos/staff-repo'
import { isUniqueViolation } from '../../db/unique-violation'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { hashPassword } from '../../passwords'
import { recordAudit } from '../audit/record-audit'

export async function bootstrapAdmin(deps: Deps): Promise<'created' | 'exists' | 'not-configured'> {
  const admin = deps.config.admin
  if (!admin) return 'not-configured'
  const passwordHash = await hashPassword(admin.password)
  try {
    return await create(deps, admin.email, passwordHash)
  } catch (e) {
    // Two instances starting together: the loser finds the winner's row.
    if (isUniqueViolation(e)) return 'exists'
    throw e
  }
}

function create(deps: Deps, email: string, passwordHash: string): Promise<'created' | 'exists'> {
  return deps.db.transaction().execute(async (trx) => {
    if ((await countStaff(trx)) > 0) return 'exists'
    const now = deps.clock.now()
    const id = newId('stf')
    await insertStaff(trx, {
      id,
      email,
      name: email.split('@')[0] ?? email,
      role: 'admin',
      passwordHash,
      active: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString()
    })
    await recordAudit(trx, now, null, 'staff.bootstrap', { type: 'staff', id }, { email })
    return 'created'
  })
}

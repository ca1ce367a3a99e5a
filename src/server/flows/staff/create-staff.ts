/** An admin adds a staff account. The unique e-mail index decides races: 409 EMAIL_TAKEN. */
import { err, ok, type Result } from '@core/result'
import { insertStaff } from '../../db/repos/staff-repo'
import { isUniqueViolation } from '../../db/unique-violation'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { hashPassword } from '../../passwords'
import { recordAudit } from '../audit/record-audit'
import type { Role, Staff } from '@core/contract/staff'
import { staffView } from './staff-view'

export async function createStaff(
  deps: Deps,
  actorId: string,
  input: { email: string; password: string; role: Role; name?: string }
): Promise<Result<Staff>> {
  const email = input.email.toLowerCase()
  const passwordHash = await hashPassword(input.password)
  const now = deps.clock.now().toISOString()
  const row = {
    id: newId('stf'),
    email,
    name: input.name ?? email.split('@')[0] ?? email,
    role: input.role,
    passwordHash,
    active: 1,
    createdAt: now,
    updatedAt: now
  }
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertStaff(trx, row)
      await recordAudit(trx, deps.clock.now(), actorId, 'staff.create', { type: 'staff', id: row.id }, {
        email,
        role: input.role
      })
    })
  } catch (e) {
    if (isUniqueViolation(e)) return err('EMAIL_TAKEN', `A staff account for ${email} already exists`, { path: 'email' })
    throw e
  }
  return ok(staffView(row))
}

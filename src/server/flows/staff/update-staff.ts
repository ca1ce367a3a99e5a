/**
 * An admin changes a staff account: role, name, password, active. The last
 * active admin cannot be demoted or deactivated (409 LAST_ADMIN), so the
 * shop never locks itself out. A new password or deactivation ends that
 * person's sessions. The check runs under a lock on the set of admins
 * (lockAdminSet), so concurrent changes cannot each leave "one other" admin.
 */
import { err, ok, type Result } from '@core/result'
import { countActiveAdmins, findStaffById, lockAdminSet, updateStaff } from '../../db/repos/staff-repo'
import { deleteSessionsOfStaff } from '../../db/repos/staff-session-repo'
import type { Deps } from '../../deps'
import { hashPassword } from '../../passwords'
import { recordAudit } from '../audit/record-audit'
import type { Role, Staff } from '@core/contract/staff'
import { staffView } from './staff-view'

export interface StaffPatch {
  role?: Role
  name?: string
  password?: string
  active?: boolean
}

export async function updateStaffAccount(
  deps: Deps,
  actorId: string,
  id: string,
  patch: StaffPatch
): Promise<Result<Staff>> {
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password)
  return deps.db.transaction().execute(async (trx) => {
    await lockAdminSet(trx)
    const current = await findStaffById(trx, id)
    if (!current) return err('STAFF_NOT_FOUND', `No staff account ${id}`)
    const losesAdmin =
      current.role === 'admin' && current.active === 1 && (patch.role === 'editor' || patch.active === false)
    if (losesAdmin && (await countActiveAdmins(trx)) <= 1) {
      return err('LAST_ADMIN', 'This is the last active admin; make someone else admin first')
    }
    const now = deps.clock.now()
    const next = {
      ...current,
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      ...(passwordHash !== undefined ? { passwordHash } : {}),
      updatedAt: now.toISOString()
    }
    await updateStaff(trx, id, next)
    if (passwordHash !== undefined || patch.active === false) await deleteSessionsOfStaff(trx, id)
    await recordAudit(trx, now, actorId, 'staff.update', { type: 'staff', id }, {
      changed: Object.keys(patch).filter((k) => patch[k as keyof StaffPatch] !== undefined),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {})
    })
    return ok(staffView(next))
  })
}

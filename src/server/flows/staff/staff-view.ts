/** The staff record as the admin API shows it: never the password hash. */
import type { Staff } from '@core/contract/staff'
import type { StaffRow } from '../../db/repos/staff-repo'

export function staffView(row: StaffRow): Staff {
  return { id: row.id, email: row.email, name: row.name, role: row.role, active: row.active === 1, createdAt: row.createdAt }
}

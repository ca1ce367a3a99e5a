/** The staff record as the admin API shows it: never the password hash. */
import type { StaffRow } from '../../db/repos/staff-repo'

export type Role = 'admin' | 'editor'

export interface StaffView {
  id: string
  email: string
  name: string
  role: Role
  active: boolean
  createdAt: string
}

export function staffView(row: StaffRow): StaffView {
  return { id: row.id, email: row.email, name: row.name, role: row.role, active: row.active === 1, createdAt: row.createdAt }
}

/** Every staff account, oldest first (admins only, enforced by the route). */
import { listStaff } from '../../db/repos/staff-repo'
import type { Deps } from '../../deps'
import { staffView, type StaffView } from './staff-view'

export async function listStaffAccounts(deps: Deps): Promise<StaffView[]> {
  return (await listStaff(deps.db)).map(staffView)
}

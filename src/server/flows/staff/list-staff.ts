/** Every staff account, oldest first (admins only, enforced by the route). */
import { listStaff } from '../../db/repos/staff-repo'
import type { Deps } from '../../deps'
import type { Staff } from '@core/contract/staff'
import { staffView } from './staff-view'

export async function listStaffAccounts(deps: Deps): Promise<Staff[]> {
  return (await listStaff(deps.db)).map(staffView)
}

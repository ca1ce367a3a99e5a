/**
 * The demo's two staff accounts. The admin comes from ADMIN_EMAIL /
 * ADMIN_PASSWORD when they are set (the server's bootstrap), otherwise it
 * is the demo admin below; the editor is always the demo editor. The
 * passwords are printed by `npm start`: demo values, not secrets.
 */
import { findStaffByEmail, listStaff } from '../db/repos/staff-repo'
import type { Deps } from '../deps'
import { bootstrapAdmin } from '../flows/staff/bootstrap-admin'
import { createStaff } from '../flows/staff/create-staff'

export interface DemoLogin {
  email: string
  password: string
  name: string
}

export const DEMO_ADMIN: DemoLogin = { email: 'admin@shancha.example', password: 'shancha-admin-2025', name: '山茶店长' }
export const DEMO_EDITOR: DemoLogin = { email: 'editor@shancha.example', password: 'shancha-editor-2025', name: '内容编辑' }

export interface SeededStaff {
  email: string
  role: 'admin' | 'editor'
  created: boolean
}

/** Makes sure an admin and the demo editor exist; answers the admin's id, the author of the demo content. */
export async function ensureDemoStaff(deps: Deps): Promise<{ adminId: string; staff: SeededStaff[] }> {
  // The server's own bootstrap: the configured admin if any, else the demo admin, only when no staff exist.
  const admin = deps.config.admin ?? { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password }
  const boot = await bootstrapAdmin({ ...deps, config: { ...deps.config, admin } })
  const firstAdmin = (await listStaff(deps.db)).find((s) => s.role === 'admin' && s.active === 1)
  if (!firstAdmin) throw new Error('demo seed: no active admin account to author the demo content')
  const staff: SeededStaff[] = [{ email: firstAdmin.email, role: 'admin', created: boot === 'created' }]

  const existing = await findStaffByEmail(deps.db, DEMO_EDITOR.email)
  if (existing) {
    staff.push({ email: existing.email, role: existing.role, created: false })
  } else {
    const made = await createStaff(deps, firstAdmin.id, { ...DEMO_EDITOR, role: 'editor' })
    if (!made.ok) throw new Error(`demo seed: could not create the editor: ${made.error.message}`)
    staff.push({ email: made.value.email, role: 'editor', created: true })
  }
  return { adminId: firstAdmin.id, staff }
}

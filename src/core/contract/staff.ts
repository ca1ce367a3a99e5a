/** Staff accounts and sessions: who may use the admin, and how they log in. */
import { z } from 'zod'
import { id, isoTime } from './common'

export const role = z.enum(['admin', 'editor'])
export type Role = z.infer<typeof role>
export type StaffRole = Role

/** A staff account as the admin API shows it: never the password hash. */
export const staffDto = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role,
    active: z.boolean(),
    createdAt: isoTime
  })
  .meta({ id: 'Staff' })
export type Staff = z.infer<typeof staffDto>
export type StaffDto = Staff

/** POST /api/admin/session. */
export const sessionRequest = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) })
export type SessionRequest = z.input<typeof sessionRequest>

/** The session's and the staff routes' answer. */
export const staffResponse = z.object({ staff: staffDto })
export type StaffResponse = z.infer<typeof staffResponse>

/** GET /api/admin/staff: every account, oldest first, one page. */
export const staffList = z.object({ items: z.array(staffDto), nextCursor: z.null() })
export type StaffList = z.infer<typeof staffList>

const password = z.string().min(8, 'at least 8 characters').max(200)
const staffName = z.string().trim().min(1).max(100)

/** POST /api/admin/staff. */
export const createStaffRequest = z.object({
  email: z.string().trim().max(254).regex(/^[^@\s]+@[^@\s]+$/, 'an e-mail address'),
  password,
  role,
  name: staffName.optional()
})
export type CreateStaffRequest = z.input<typeof createStaffRequest>

/** PUT /api/admin/staff/:id: at least one change. */
export const updateStaffRequest = z
  .object({ role: role.optional(), name: staffName.optional(), password: password.optional(), active: z.boolean().optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'change at least one of role, name, password, active')
export type UpdateStaffRequest = z.input<typeof updateStaffRequest>

export const staffIdParams = z.object({ id })

/** Staff management, admins only: GET/POST /api/admin/staff, PUT /api/admin/staff/:id. */
import { z } from 'zod'
import { isId } from '@core/ids'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { parseInput } from '../http/validate'
import { createStaff } from '../flows/staff/create-staff'
import { listStaffAccounts } from '../flows/staff/list-staff'
import { updateStaffAccount } from '../flows/staff/update-staff'
import type { RegisterRoutes } from './route'

const role = z.enum(['admin', 'editor'])
const password = z.string().min(8, 'at least 8 characters').max(200)
const createBody = z.object({
  email: z.string().trim().max(254).regex(/^[^@\s]+@[^@\s]+$/, 'an e-mail address'),
  password,
  role,
  name: z.string().trim().min(1).max(100).optional()
})
const updateBody = z
  .object({ role: role.optional(), name: z.string().trim().min(1).max(100).optional(), password: password.optional(), active: z.boolean().optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'change at least one of role, name, password, active')
const idParams = z.object({ id: z.string().refine(isId, 'not an id') })

export const adminStaffRoutes: RegisterRoutes = (app, deps) => {
  const admin = { onRequest: requireStaff(deps, 'admin') }

  app.get('/api/admin/staff', admin, async () => ({ items: await listStaffAccounts(deps), nextCursor: null }))

  app.post('/api/admin/staff', admin, async (request, reply) => {
    const body = parseInput(createBody, request.body, 'staff account')
    const staff = must(await createStaff(deps, staffOf(request).id, body))
    return reply.status(201).send({ staff })
  })

  app.put('/api/admin/staff/:id', admin, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    const body = parseInput(updateBody, request.body, 'staff change')
    return { staff: must(await updateStaffAccount(deps, staffOf(request).id, id, body)) }
  })
}

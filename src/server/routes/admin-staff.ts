/** Staff management, admins only: GET/POST /api/admin/staff, PUT /api/admin/staff/:id. */
import { errorResponses, idParams } from '@core/contract/common'
import { createStaffRequest, staffList, staffResponse, updateStaffRequest } from '@core/contract/staff'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { createStaff } from '../flows/staff/create-staff'
import { listStaffAccounts } from '../flows/staff/list-staff'
import { updateStaffAccount } from '../flows/staff/update-staff'
import type { RegisterRoutes } from './route'

const tags = ['staff: accounts']
const security = [{ staff: [] }]

export const adminStaffRoutes: RegisterRoutes = (app, deps) => {
  const onRequest = requireStaff(deps, 'admin')

  app.get('/api/admin/staff', { onRequest, schema: { tags, security, response: { 200: staffList, ...errorResponses } } }, async () => ({
    items: await listStaffAccounts(deps),
    nextCursor: null
  }))

  app.post(
    '/api/admin/staff',
    { onRequest, schema: { tags, security, body: createStaffRequest, response: { 201: staffResponse, ...errorResponses } } },
    async (request, reply) => {
      const staff = must(await createStaff(deps, staffOf(request).id, request.body))
      return reply.status(201).send({ staff })
    }
  )

  app.put(
    '/api/admin/staff/:id',
    { onRequest, schema: { tags, security, params: idParams, body: updateStaffRequest, response: { 200: staffResponse, ...errorResponses } } },
    async (request) => ({ staff: must(await updateStaffAccount(deps, staffOf(request).id, request.params.id, request.body)) })
  )
}

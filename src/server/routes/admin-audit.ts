/** GET /api/admin/audit (addition): the audit log, newest first, admins only. */
import { auditList, auditQuery } from '@core/contract/audit'
import { errorResponses } from '@core/contract/common'
import { must } from '../http/app-error'
import { requireStaff } from '../http/guards'
import { listAuditEntries } from '../flows/audit/list-audit'
import type { RegisterRoutes } from './route'

export const adminAuditRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/api/admin/audit',
    {
      onRequest: requireStaff(deps, 'admin'),
      schema: { tags: ['staff: audit'], security: [{ staff: [] }], querystring: auditQuery, response: { 200: auditList, ...errorResponses } }
    },
    async (request) => must(await listAuditEntries(deps, request.query))
  )
}

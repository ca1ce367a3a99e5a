/** GET /api/admin/audit (addition): the audit log, newest first, admins only. */
import { z } from 'zod'
import { must } from '../http/app-error'
import { requireStaff } from '../http/guards'
import { parseInput } from '../http/validate'
import { listAuditEntries } from '../flows/audit/list-audit'
import type { RegisterRoutes } from './route'

const query = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  targetId: z.string().max(100).optional()
})

export const adminAuditRoutes: RegisterRoutes = (app, deps) => {
  app.get('/api/admin/audit', { onRequest: requireStaff(deps, 'admin') }, async (request) => {
    return must(await listAuditEntries(deps, parseInput(query, request.query, 'query')))
  })
}

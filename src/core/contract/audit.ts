/** GET /api/admin/audit: who did what, newest first. */
import { z } from 'zod'
import { isoTime } from './common'

export const auditQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  targetId: z.string().max(100).optional()
})
export type AuditQuery = z.input<typeof auditQuery>

export const auditEntry = z
  .object({
    id: z.string(),
    at: isoTime,
    actorId: z.string().nullable(),
    action: z.string().describe('e.g. product.update, page.publish, order.refund'),
    target: z.object({ type: z.string(), id: z.string() }),
    details: z.unknown().describe('what the action changed, per action')
  })
  .meta({ id: 'AuditEntry' })
export type AuditEntry = z.infer<typeof auditEntry>

export const auditList = z.object({ items: z.array(auditEntry), nextCursor: z.string().nullable() })
export type AuditList = z.infer<typeof auditList>

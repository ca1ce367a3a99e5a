/** GET /healthz: whether the database answers, and which one it is. */
import { z } from 'zod'

export const healthResponse = z.object({ ok: z.literal(true), database: z.enum(['sqlite', 'postgres']) })
export type HealthResponse = z.infer<typeof healthResponse>

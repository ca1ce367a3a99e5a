/** GET /healthz: whether the database answers, and which one it is. */
import { z } from 'zod'

export const healthResponse = z.object({ ok: z.literal(true), database: z.enum(['sqlite', 'postgres']) })
export type HealthResponse = z.infer<typeof healthResponse>

/** One readiness check: `ok`, and what the operator needs to see (dialect, pending migrations, outbox age). */
const readyCheck = z.looseObject({ ok: z.boolean() })
/** GET /readyz: 200 when every check is ok, 503 with the same body otherwise. */
export const readyAnswer = z.object({ ready: z.boolean(), checks: z.record(z.string(), readyCheck) })
export type ReadyAnswer = z.infer<typeof readyAnswer>

/** GET /metrics: Prometheus text exposition format. */
export const metricsResponses = {
  200: { description: 'Prometheus text format (version 0.0.4)', content: { 'text/plain': { schema: z.string() } } }
} as const

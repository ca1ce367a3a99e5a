/**
 * Operator endpoints (docs/operations.md):
 *   GET /readyz   200 {ready:true, checks} when the database answers, every
 *                 migration this code knows has run and the oldest due
 *                 WeChat outbox task is younger than READY_OUTBOX_MAX_AGE_SECONDS;
 *                 503 {ready:false, checks} otherwise (a load balancer takes
 *                 the instance out). /healthz (health.ts) stays the cheap liveness probe.
 *   GET /metrics  Prometheus text. With METRICS_TOKEN set: `Authorization:
 *                 Bearer METRICS_TOKEN`, else 401. Unset: answered only to a
 *                 loopback client that came through no proxy, else 403.
 */
import { timingSafeEqual } from 'node:crypto'
import { sql } from 'kysely'
import type { FastifyRequest } from 'fastify'
import { errorResponses } from '@core/contract/common'
import { metricsResponses, readyAnswer } from '@core/contract/health'
import { AppError } from '../http/app-error'
import { migrationStatus } from '../db/migrate'
import { oldestDueTaskAgeSeconds } from '../ops/metrics'
import type { RegisterRoutes } from './route'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function fromLoopbackDirectly(request: FastifyRequest): boolean {
  const proxied = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined
  return !proxied && LOOPBACK.test(request.socket.remoteAddress ?? '') && LOOPBACK.test(request.ip)
}

const tags = ['operator']

interface Check {
  ok: boolean
  [detail: string]: unknown
}

export const opsRoutes: RegisterRoutes = (app, deps) => {
  app.get('/readyz', { schema: { tags, response: { 200: readyAnswer, 503: readyAnswer } } }, async (request, reply) => {
    const checks: Record<string, Check> = {}
    try {
      await sql`select 1`.execute(deps.db)
      checks.database = { ok: true, dialect: deps.database.dialect }
    } catch (e) {
      request.log.error({ err: e }, 'readiness: database did not answer')
      checks.database = { ok: false, dialect: deps.database.dialect, message: 'the database does not answer' }
    }
    if (checks.database.ok) {
      try {
        const status = await migrationStatus(deps.database)
        checks.migrations = {
          ok: status.pending.length === 0,
          current: status.applied[status.applied.length - 1] ?? null,
          latest: status.known[status.known.length - 1] ?? null,
          pending: status.pending
        }
      } catch (e) {
        checks.migrations = { ok: false, message: (e as Error).message }
      }
      const ageSeconds = await oldestDueTaskAgeSeconds(deps.database, deps.clock)
      const limit = deps.config.ops.readyOutboxMaxAgeSeconds
      checks.outbox = { ok: ageSeconds < limit, oldestDueAgeSeconds: Math.round(ageSeconds), maxAgeSeconds: limit }
    }
    const ready = Object.values(checks).every((c) => c.ok) && checks.migrations !== undefined
    reply.code(ready ? 200 : 503)
    return { ready, checks }
  })

  app.get('/metrics', { schema: { tags, security: [{ metrics: [] }], response: { ...metricsResponses, ...errorResponses } } }, async (request, reply) => {
    const metrics = deps.metrics
    if (!metrics) throw new AppError(404, 'NOT_FOUND', 'metrics are not collected by this app')
    const token = deps.config.ops.metricsToken
    if (token !== null) {
      const auth = request.headers.authorization ?? ''
      const given = /^Bearer (.+)$/.exec(auth)?.[1] ?? ''
      if (!sameSecret(given, token)) throw new AppError(401, 'UNAUTHENTICATED', 'GET /metrics needs Authorization: Bearer METRICS_TOKEN')
    } else if (!fromLoopbackDirectly(request)) {
      throw new AppError(403, 'FORBIDDEN', 'GET /metrics answers only on loopback when METRICS_TOKEN is not set', {
        hint: 'set METRICS_TOKEN and send it as a bearer token'
      })
    }
    reply.header('content-type', metrics.registry.contentType)
    return metrics.registry.metrics()
  })
}

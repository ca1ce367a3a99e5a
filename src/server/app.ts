/**
 * Builds the HTTP app (Fastify 5) without listening: main.ts listens, tests
 * use `app.inject` or listen on port 0.
 *
 * Layout: routes/ (HTTP shape, validation, guards) → flows/ (one use case a
 * file) → db/repos/ (queries; never call each other) and wechat/ (outbound
 * WeChat); http/ holds the error mapper, guards and validation; logic lives
 * in @core. The caller owns the database: it opens, migrates and closes it.
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import multipart from '@fastify/multipart'
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from './config'
import { fastifyTrustProxy } from './config-hosting'
import { systemClock, type Clock } from './clock'
import type { Database } from './db/database'
import type { Deps } from './deps'
import { installErrorHandler, onFrameworkError } from './http/error-handler'
import { installJsonOnlyForStaffWrites } from './http/json-only'
import { serveSites } from './http/static-sites'
import { installNulGuard, schemaValidator } from './http/validate'
import { installApiDocs } from './http/api-docs'
import { loggerOptions, type LogOptions } from './logger'
import { allRoutes } from './routes'
import type { RegisterRoutes } from './routes/route'
import { startJobs } from './jobs'
import { databaseCounterStore } from './db/repos/rate-counter-repo'
import { EVENT_LIMITS, eventLimiter, type EventLimits } from './flows/limits/event-limits'
import { SharedRateCounter } from './limits/shared-rate-counter'
import { createPayClient } from './wechat/pay/client'
import { createMpClient } from './wechat/mp/client'
import { createMetrics, instrumentHttp, instrumentMp, instrumentPay } from './ops/metrics'
import { OneLineRequestLog } from './http/request-log'

export interface BuildAppOptions {
  config: Config
  db: Database
  clock?: Clock
  log?: LogOptions
  /** Poll for due jobs (scheduled publishes) every this many ms; off when absent (tests tick by hand). */
  jobsIntervalMs?: number
  /** POST /events limits; EVENT_LIMITS unless a test wants smaller numbers. */
  eventLimits?: EventLimits
  /** How the server waits (staff-login slowdown); default setTimeout. Tests record instead of sleeping. */
  delay?: (ms: number) => Promise<void>
  /** Extra routes, e.g. the bench's empty route; never used in production. */
  extraRoutes?: RegisterRoutes[]
  /** Serve the built admin web at /admin/ and H5 shop at / from config.hosting.staticDir (npm run server, npm start). */
  sites?: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps
  }
}

/** How often each instance adds its in-memory rate counts to the shared ones (and learns the others'). */
export const RATE_FLUSH_INTERVAL_MS = 1000
export const BODY_LIMIT_BYTES = 1024 * 1024
export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const clock = opts.clock ?? systemClock
  const metrics = createMetrics(opts.db, clock)
  const rawPay = opts.config.wechatPay ? createPayClient(opts.config.wechatPay, opts.config.wechat.appId, clock) : null
  const pay = rawPay ? instrumentPay(rawPay, metrics) : null
  const instanceId = randomUUID()
  const mp = instrumentMp(createMpClient({ db: opts.db.db, clock, ...opts.config.wechat, instanceId }), metrics)
  const deps: Deps = {
    database: opts.db,
    db: opts.db.db,
    clock,
    config: opts.config,
    instanceId,
    pay,
    mp,
    metrics,
    delay: opts.delay ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    eventLimits: eventLimiter(
      new SharedRateCounter(databaseCounterStore(opts.db.db), clock, (opts.eventLimits ?? EVENT_LIMITS).windowMs),
      opts.eventLimits ?? EVENT_LIMITS
    )
  }
  const app = Fastify({
    logger: loggerOptions(opts.log),
    bodyLimit: BODY_LIMIT_BYTES,
    // TRUST_PROXY: behind a load balancer request.ip comes from X-Forwarded-For, trusting only the configured hops.
    trustProxy: fastifyTrustProxy(opts.config.hosting.trustProxy),
    requestIdHeader: false,
    // One line per request instead of Fastify's two: id, route, status, duration.
    logController: new OneLineRequestLog(),
    // Errors Fastify meets before routing (a malformed URL, a failed constraint) leave in our shape too.
    frameworkErrors: onFrameworkError,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID()
    }
  })
  app.decorate('deps', deps)
  instrumentHttp(app, metrics)
  deps.eventLimits.counter.start(RATE_FLUSH_INTERVAL_MS)
  app.addHook('onClose', async () => deps.eventLimits.counter.stop())
  app.decorateRequest('staff', null)
  app.decorateRequest('shopper', null)
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  // Every route's schema is zod (from @core/contract): requests are parsed, and answers are checked.
  app.setValidatorCompiler(schemaValidator)
  app.setSerializerCompiler(serializerCompiler)
  // Only JSON (and multipart on the upload route) reaches a handler; no text/plain.
  app.removeContentTypeParser('text/plain')
  installErrorHandler(app)
  installJsonOnlyForStaffWrites(app, opts.config.publicBaseUrl)
  installNulGuard(app)
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 5, parts: 6 } })

  mkdirSync(resolve(opts.config.mediaDir), { recursive: true })

  await installApiDocs(app)
  const routes = app.withTypeProvider<ZodTypeProvider>()
  for (const register of [...allRoutes, ...(opts.extraRoutes ?? [])]) register(routes, deps)
  if (opts.sites) await serveSites(app, opts.config.hosting.staticDir)

  if (opts.jobsIntervalMs !== undefined) {
    const stop = startJobs(deps, opts.jobsIntervalMs, app.log)
    app.addHook('onClose', async () => stop())
  }
  return app
}

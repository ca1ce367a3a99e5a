/**
 * The server as tests use it: a real Fastify app over a real database,
 * listening on a random loopback port and driven with fetch (real HTTP).
 * NOTE: not app.inject: light-my-request requires the ESM-only `cookie`
 * package, which jest's CommonJS runtime cannot load.
 *
 *   const t = await createTestApp({ dialect })    // fresh DB, admin seeded
 *   const res = await t.call('GET', '/healthz')
 *   await t.restart()                              // new app, same data
 *   await t.close()                                // app + DB gone
 *
 * The bootstrap admin is ADMIN (email/password below) and `t.adminCookie`
 * is its session. The clock is a TestClock (t.clock.advance(ms)); WeChat
 * calls go to `wechatApiBase` (default: a closed port, so a test that logs
 * shoppers in must pass a fake's or the sandbox's URL).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../../src/server/app'
import { loadConfig, type Config } from '../../../src/server/config'
import type { Deps } from '../../../src/server/deps'
import type { EventLimits } from '../../../src/server/flows/limits/event-limits'
import { bootstrapAdmin } from '../../../src/server/flows/staff/bootstrap-admin'
import type { RegisterRoutes } from '../../../src/server/routes/route'
import { createTestDb, type DialectName, type TestDb } from './test-db'
import { TestClock } from './test-clock'

export const ADMIN = { email: 'admin@shop.test', password: 'admin-password-1' }

export interface CallOptions {
  /** An object is sent as JSON; a string or Buffer is sent as is (set content-type yourself). */
  body?: unknown
  cookie?: string
  token?: string
  headers?: Record<string, string>
}

/** A parsed JSON body: tests assert it field by field, so it is deliberately untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export interface CallResult {
  status: number
  json: Json
  text: string
  headers: Headers
}

export interface TestApp {
  app: FastifyInstance
  /** `http://127.0.0.1:PORT` of the running app. */
  url: string
  deps: Deps
  db: TestDb
  clock: TestClock
  config: Config
  adminCookie: string
  call(method: string, url: string, opts?: CallOptions): Promise<CallResult>
  /** Logs a staff member in and answers the `sid=…` cookie to send back. */
  login(email: string, password: string): Promise<string>
  /** Closes the app (not the data) and builds a new one on a fresh connection, as a process restart would. */
  restart(opts?: { jobsIntervalMs?: number }): Promise<void>
  close(): Promise<void>
}

export interface TestAppOptions {
  dialect: DialectName
  clock?: TestClock
  /** Extra environment, e.g. { WECHAT_API_BASE: fake.url }. */
  env?: Record<string, string>
  jobsIntervalMs?: number
  extraRoutes?: RegisterRoutes[]
  /** Smaller POST /events limits than production's, so a flood test stays quick. */
  eventLimits?: EventLimits
  /** Replaces the server's waits (staff-login slowdown), e.g. to record them. */
  delay?: (ms: number) => Promise<void>
}

export function testConfig(env: Record<string, string | undefined>): Config {
  return loadConfig({
    WECHAT_APPID: 'wx-test-appid',
    WECHAT_SECRET: 'test-app-secret',
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    PUBLIC_BASE_URL: 'http://shop.test',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...env
  })
}

export async function createTestApp(opts: TestAppOptions): Promise<TestApp> {
  const db = await createTestDb(opts.dialect)
  const mediaDir = mkdtempSync(join(tmpdir(), 'shop-media-'))
  const config = testConfig({ DATABASE_URL: db.url, MEDIA_DIR: mediaDir, ...opts.env })
  const clock = opts.clock ?? new TestClock()
  const make = (database = db.database, jobsIntervalMs = opts.jobsIntervalMs) =>
    buildApp({ config, db: database, clock, log: { level: 'silent' }, jobsIntervalMs, extraRoutes: opts.extraRoutes, delay: opts.delay, eventLimits: opts.eventLimits })

  let app = await make()
  let url = await app.listen({ port: 0, host: '127.0.0.1' })
  await bootstrapAdmin(app.deps)

  const call = async (method: string, path: string, o: CallOptions = {}): Promise<CallResult> => {
    const headers: Record<string, string> = {}
    let body: string | Buffer | undefined
    if (typeof o.body === 'string' || Buffer.isBuffer(o.body)) body = o.body
    else if (o.body !== undefined) {
      body = JSON.stringify(o.body)
      headers['content-type'] = 'application/json'
    }
    if (o.cookie) headers.cookie = o.cookie
    if (o.token) headers.authorization = `Bearer ${o.token}`
    Object.assign(headers, o.headers)
    const res = await fetch(`${url}${path}`, { method, headers, body: body as BodyInit | undefined })
    const text = await res.text()
    let json: unknown = undefined
    try {
      json = text === '' ? undefined : JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: res.status, json, text, headers: res.headers }
  }

  const login = async (email: string, password: string): Promise<string> => {
    const res = await call('POST', '/api/admin/session', { body: { email, password } })
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.json)}`)
    const cookie = /^sid=([^;]+)/.exec(res.headers.getSetCookie()[0] ?? '')
    if (!cookie) throw new Error('login set no sid cookie')
    return `sid=${cookie[1]}`
  }

  const t: TestApp = {
    app,
    url,
    deps: app.deps,
    db,
    clock,
    config,
    adminCookie: await login(ADMIN.email, ADMIN.password),
    call,
    login,
    restart: async (r = {}) => {
      await app.close()
      app = await make(db.reopen(), r.jobsIntervalMs)
      url = await app.listen({ port: 0, host: '127.0.0.1' })
      t.app = app
      t.url = url
      t.deps = app.deps
    },
    close: async () => {
      await app.close()
      await db.drop()
      rmSync(mediaDir, { recursive: true, force: true })
    }
  }
  return t
}

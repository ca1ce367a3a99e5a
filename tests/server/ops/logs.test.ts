/**
 * Logs: one JSON line per request (request id, route pattern, status,
 * duration) with no secrets in it, written through real HTTP; and the log
 * file's rotation by size and by day, with time given by hand.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../../src/server/app'
import { RotatingFile } from '../../../src/server/ops/rotating-file'
import { testConfig, ADMIN } from '../helpers/test-app'
import { createTestDb, type TestDb } from '../helpers/test-db'
import { TestClock } from '../helpers/test-clock'
import { bootstrapAdmin } from '../../../src/server/flows/staff/bootstrap-admin'

describe('request log lines', () => {
  let db: TestDb
  let app: FastifyInstance
  let url: string
  const lines: string[] = []
  const mediaDir = mkdtempSync(join(tmpdir(), 'shop-media-'))
  const METRICS_TOKEN = 'a-metrics-token-that-is-long'

  beforeAll(async () => {
    db = await createTestDb('sqlite')
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean))
        done()
      }
    })
    const config = testConfig({ DATABASE_URL: db.url, MEDIA_DIR: mediaDir, METRICS_TOKEN })
    app = await buildApp({ config, db: db.database, clock: new TestClock(), log: { level: 'info', stream } })
    url = await app.listen({ port: 0, host: '127.0.0.1' })
    await bootstrapAdmin(app.deps)
  })
  afterAll(async () => {
    await app.close()
    await db.drop()
    rmSync(mediaDir, { recursive: true, force: true })
  })

  it('writes one line per request with id, route, status and duration, and no secret', async () => {
    const login = await fetch(`${url}/api/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password })
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!
    const sid = cookie.split('=')[1]!
    await fetch(`${url}/api/admin/products`, { headers: { cookie, 'x-request-id': 'req-products-1' } })
    await fetch(`${url}/api/v1/pages/some-page?preview=preview-secret-123`, { headers: { authorization: 'Bearer shopper-token-xyz' } })
    await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })

    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request')
    expect(requests).toHaveLength(4)
    const products = requests.find((l) => l.reqId === 'req-products-1')
    expect(products).toEqual(
      expect.objectContaining({
        level: 30,
        route: '/api/admin/products',
        status: 200,
        durationMs: expect.any(Number),
        req: expect.objectContaining({ method: 'GET', url: '/api/admin/products' })
      })
    )
    const page = requests.find((l) => l.route === '/api/v1/pages/:slug')
    expect(page.req.url).toBe('/api/v1/pages/some-page?preview=[redacted]')
    const all = lines.join('\n')
    for (const secret of [ADMIN.password, sid, 'preview-secret-123', 'shopper-token-xyz', METRICS_TOKEN, 'test-app-secret']) {
      expect(all).not.toContain(secret)
    }
    expect(lines.some((l) => l.includes('incoming request') || l.includes('request completed'))).toBe(false)
  })
})

describe('the rotating log file', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shop-logs-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('rotates by size and keeps the newest LOG_KEEP files', () => {
    let now = Date.parse('2026-03-01T01:00:00Z')
    const file = new RotatingFile({ path: join(dir, 'shop.log'), rotate: { kind: 'size', bytes: 100 }, keep: 2, now: () => now })
    for (let i = 0; i < 10; i++) {
      file.write(`${JSON.stringify({ i, pad: 'x'.repeat(20) })}\n`)
      now += 1000
    }
    file.close()
    const names = readdirSync(dir).sort()
    expect(names).toHaveLength(3)
    expect(names[0]).toBe('shop.log')
    expect(names.slice(1).every((n) => /^shop\.log\.\d{8}-\d{6}$/.test(n))).toBe(true)
    for (const n of names) expect(readFileSync(join(dir, n)).length).toBeLessThanOrEqual(100)
    // The newest lines are in the live file, whole.
    const live = readFileSync(join(dir, 'shop.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).i)
    expect(live[live.length - 1]).toBe(9)
  })

  it('rotates when the day changes (UTC+08:00) and appends to an existing file on start', () => {
    let now = Date.parse('2026-03-01T15:00:00Z') // 23:00 in Beijing
    const path = join(dir, 'shop.log')
    const first = new RotatingFile({ path, rotate: { kind: 'daily' }, keep: 5, now: () => now })
    first.write('a\n')
    first.close()
    const again = new RotatingFile({ path, rotate: { kind: 'daily' }, keep: 5, now: () => now })
    again.write('b\n')
    now += 30 * 60_000
    again.write('c\n')
    now += 31 * 60_000 // 00:01 next day in Beijing
    again.write('d\n')
    again.close()
    const names = readdirSync(dir).sort()
    expect(names).toEqual(['shop.log', 'shop.log.20260301-160100'])
    expect(readFileSync(join(dir, names[1]!), 'utf8')).toBe('a\nb\nc\n')
    expect(readFileSync(path, 'utf8')).toBe('d\n')
  })
})

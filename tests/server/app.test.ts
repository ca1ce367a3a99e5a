// The HTTP shell every route shares: health, the one error shape, request
// ids, body limits, JSON-only staff writes, logs without secrets.
import { Writable } from 'node:stream'
import { buildApp } from '../../src/server/app'
import { describeEachDb } from './helpers/each-db'
import { createTestApp, testConfig, type TestApp } from './helpers/test-app'
import { createTestDb } from './helpers/test-db'

describeEachDb('app shell', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  test('GET /healthz answers 200 when the database answers', async () => {
    const res = await t.call('GET', '/healthz')
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ ok: true, database: dialect })
  })

  test('an unknown route is a 404 in the error shape', async () => {
    const res = await t.call('GET', '/api/v1/nope')
    expect(res.status).toBe(404)
    expect(res.json).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: expect.any(String), details: null } })
  })

  test('malformed JSON is 400 INVALID_JSON and changes nothing', async () => {
    const res = await t.call('POST', '/api/admin/products', {
      cookie: t.adminCookie,
      headers: { 'content-type': 'application/json' },
      body: '{"title": "x",'
    })
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('INVALID_JSON')
    const list = await t.call('GET', '/api/admin/products', { cookie: t.adminCookie })
    expect(list.json.items).toEqual([])
  })

  test('a body over the limit is 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.call('POST', '/api/v1/auth/login', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x'.repeat(2 * 1024 * 1024) })
    })
    expect(res.status).toBe(413)
    expect(res.json.error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  test('staff writes refuse form and text bodies with 415 (no cross-site form can post)', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await t.call('POST', '/api/admin/pages', {
        cookie: t.adminCookie,
        headers: { 'content-type': type },
        body: 'slug=evil'
      })
      expect(res.status).toBe(415)
      expect(res.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    }
    const list = await t.call('GET', '/api/admin/pages', { cookie: t.adminCookie })
    expect(list.json.items).toEqual([])
  })

  test('every answer carries a request id; a sane incoming one is kept', async () => {
    const mine = await t.call('GET', '/healthz', { headers: { 'x-request-id': 'abc-123' } })
    expect(mine.headers.get('x-request-id')).toBe('abc-123')
    const made = await t.call('GET', '/healthz', { headers: { 'x-request-id': 'bad id with spaces' } })
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

test('logs carry no passwords, cookies, bearer tokens or preview tokens', async () => {
  const db = await createTestDb('sqlite')
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    }
  })
  const app = await buildApp({ config: testConfig({ DATABASE_URL: db.url }), db: db.database, log: { level: 'trace', stream } })
  try {
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    await fetch(`${url}/api/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.c', password: 'hunter2-secret' })
    })
    await fetch(`${url}/api/v1/pages/some-page?preview=PREVIEWSECRET`, {
      headers: { authorization: 'Bearer BEARERSECRET', cookie: 'sid=COOKIESECRET' }
    })
  } finally {
    await app.close()
    await db.drop()
  }
  const log = lines.join('')
  expect(log).toContain('/api/v1/pages/some-page?preview=[redacted]')
  for (const secret of ['hunter2-secret', 'PREVIEWSECRET', 'BEARERSECRET', 'COOKIESECRET', 'test-app-secret']) {
    expect(log).not.toContain(secret)
  }
})

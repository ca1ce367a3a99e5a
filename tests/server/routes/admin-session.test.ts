// Staff login: the cookie's attributes, sessions in the database (they
// survive a restart, expire, end at logout), the DB-backed rate limit, and
// bad input refused.
import { describeEachDb } from '../helpers/each-db'
import { ADMIN, createTestApp, type TestApp } from '../helpers/test-app'
import { HOUR, MINUTE } from '../helpers/test-clock'

describeEachDb('POST/GET/DELETE /api/admin/session', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  test('login sets an httpOnly, SameSite=Strict session cookie and answers the staff member', async () => {
    const res = await t.call('POST', '/api/admin/session', { body: { email: 'ADMIN@shop.test', password: ADMIN.password } })
    expect(res.status).toBe(200)
    expect(res.json.staff).toEqual(expect.objectContaining({ email: ADMIN.email, role: 'admin', active: true }))
    expect(res.json.staff.passwordHash).toBeUndefined()
    const cookie = res.headers.getSetCookie()[0] ?? ''
    expect(cookie).toMatch(/^sid=[A-Za-z0-9_-]{40,};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    expect(cookie).toContain('Path=/')
    expect(cookie).not.toContain('Secure') // PUBLIC_BASE_URL is http:// in tests
  })

  test('the session is stored in the database: it survives a restart, then expires after 12 h', async () => {
    const cookie = await t.login(ADMIN.email, ADMIN.password)
    await t.restart()
    expect((await t.call('GET', '/api/admin/session', { cookie })).status).toBe(200)
    t.clock.advance(12 * HOUR + MINUTE)
    const late = await t.call('GET', '/api/admin/session', { cookie })
    expect(late.status).toBe(401)
    expect(late.json.error.code).toBe('UNAUTHENTICATED')
    t.adminCookie = await t.login(ADMIN.email, ADMIN.password)
  })

  test('logout ends the session and clears the cookie', async () => {
    const cookie = await t.login(ADMIN.email, ADMIN.password)
    const out = await t.call('DELETE', '/api/admin/session', { cookie, body: {} })
    expect(out.status).toBe(204)
    expect(out.headers.getSetCookie()[0]).toMatch(/^sid=;.*Expires=Thu, 01 Jan 1970/)
    expect((await t.call('GET', '/api/admin/session', { cookie })).status).toBe(401)
    expect((await t.call('GET', '/api/admin/session', { cookie: t.adminCookie })).status).toBe(200)
  })

  test('a wrong password and an unknown e-mail get the same 401', async () => {
    const wrong = await t.call('POST', '/api/admin/session', { body: { email: ADMIN.email, password: 'nope-nope' } })
    const unknown = await t.call('POST', '/api/admin/session', { body: { email: 'who@shop.test', password: 'nope-nope' } })
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401)
      expect(res.json.error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'E-mail or password is wrong', details: null })
      expect(res.headers.getSetCookie()).toEqual([])
    }
  })

  test('5 failures for one e-mail in 15 min lock it (429, even with the right password) until the window passes', async () => {
    const email = 'locked@shop.test'
    await t.call('POST', '/api/admin/staff', { cookie: t.adminCookie, body: { email, password: 'right-password', role: 'editor' } })
    for (let i = 0; i < 5; i++) {
      expect((await t.call('POST', '/api/admin/session', { body: { email, password: 'wrong-password' } })).status).toBe(401)
    }
    const locked = await t.call('POST', '/api/admin/session', { body: { email, password: 'right-password' } })
    expect(locked.status).toBe(429)
    expect(locked.json.error.code).toBe('RATE_LIMITED')
    expect(locked.headers.get('retry-after')).toBe('900')
    // The count lives in the database, so a restarted (or second) instance sees it too.
    await t.restart()
    expect((await t.call('POST', '/api/admin/session', { body: { email, password: 'right-password' } })).status).toBe(429)
    t.clock.advance(16 * MINUTE)
    expect((await t.call('POST', '/api/admin/session', { body: { email, password: 'right-password' } })).status).toBe(200)
  })

  test('bad input is 400 VALIDATION_FAILED with field paths', async () => {
    for (const body of [{}, { email: ADMIN.email }, { email: 42, password: 'x' }, []]) {
      const res = await t.call('POST', '/api/admin/session', { body })
      expect(res.status).toBe(400)
      expect(res.json.error.code).toBe('VALIDATION_FAILED')
      expect(res.json.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.any(String) })]))
    }
  })

  test('GET without a cookie, or with a shopper bearer token, is 401', async () => {
    expect((await t.call('GET', '/api/admin/session')).status).toBe(401)
    expect((await t.call('GET', '/api/admin/session', { token: 'some-shopper-token' })).status).toBe(401)
    expect((await t.call('GET', '/api/admin/session', { cookie: 'sid=forged' })).status).toBe(401)
  })
})

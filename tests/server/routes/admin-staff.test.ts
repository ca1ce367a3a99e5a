// Staff management (admins only), the role rules, the last-admin guard and
// the audit log of who changed what.
import { describeEachDb } from '../helpers/each-db'
import { EDITOR, editorCookie } from '../helpers/seed'
import { createTestApp, type TestApp, type Json } from '../helpers/test-app'

describeEachDb('staff management and roles', (dialect) => {
  let t: TestApp
  let editor: string
  beforeAll(async () => {
    t = await createTestApp({ dialect })
    editor = await editorCookie(t)
  })
  afterAll(() => t.close())

  test('an admin lists staff without password hashes', async () => {
    const res = await t.call('GET', '/api/admin/staff', { cookie: t.adminCookie })
    expect(res.status).toBe(200)
    expect(res.json.items.map((s: Json) => [s.email, s.role])).toEqual([
      ['admin@shop.test', 'admin'],
      [EDITOR.email, 'editor']
    ])
    expect(JSON.stringify(res.json)).not.toMatch(/scrypt|password/i)
  })

  test('an editor cannot manage staff (403) and changes nothing', async () => {
    expect((await t.call('GET', '/api/admin/staff', { cookie: editor })).status).toBe(403)
    const post = await t.call('POST', '/api/admin/staff', {
      cookie: editor,
      body: { email: 'sneaky@shop.test', password: 'password-123', role: 'admin' }
    })
    expect(post.status).toBe(403)
    expect(post.json.error.code).toBe('FORBIDDEN')
    const list = await t.call('GET', '/api/admin/staff', { cookie: t.adminCookie })
    expect(list.json.items).toHaveLength(2)
    expect((await t.call('GET', '/api/admin/audit', { cookie: editor })).status).toBe(403)
  })

  test('an editor cannot refund (403), whatever the order', async () => {
    const res = await t.call('POST', '/api/admin/orders/ord_any/refund', { cookie: editor, body: { amountFen: 100, reason: '试试' } })
    expect(res.status).toBe(403)
    expect(res.json.error.code).toBe('FORBIDDEN')
  })

  test('an editor may edit content and products', async () => {
    expect((await t.call('GET', '/api/admin/pages', { cookie: editor })).status).toBe(200)
    expect((await t.call('GET', '/api/admin/products', { cookie: editor })).status).toBe(200)
  })

  test('shopper tokens and missing cookies get 401 on every staff route', async () => {
    const routes: Array<[string, string]> = [
      ['GET', '/api/admin/staff'],
      ['POST', '/api/admin/staff'],
      ['PUT', '/api/admin/staff/stf_x'],
      ['GET', '/api/admin/products'],
      ['POST', '/api/admin/products'],
      ['GET', '/api/admin/pages'],
      ['POST', '/api/admin/pages'],
      ['POST', '/api/admin/pages/pg_x/publish'],
      ['POST', '/api/admin/media'],
      ['GET', '/api/admin/audit']
    ]
    for (const [method, url] of routes) {
      const res = await t.call(method, url, { token: 'a-shopper-bearer-token', body: method === 'GET' ? undefined : {} })
      expect([method, url, res.status, res.json.error.code]).toEqual([method, url, 401, 'UNAUTHENTICATED'])
    }
  })

  test('an admin adds staff; a duplicate e-mail is 409 EMAIL_TAKEN', async () => {
    const body = { email: 'New.Person@shop.test', password: 'password-123', role: 'editor', name: '小王' }
    const res = await t.call('POST', '/api/admin/staff', { cookie: t.adminCookie, body })
    expect(res.status).toBe(201)
    expect(res.json.staff).toEqual(expect.objectContaining({ email: 'new.person@shop.test', role: 'editor', name: '小王' }))
    const again = await t.call('POST', '/api/admin/staff', { cookie: t.adminCookie, body: { ...body, email: 'new.person@SHOP.test' } })
    expect(again.status).toBe(409)
    expect(again.json.error.code).toBe('EMAIL_TAKEN')
    await t.login('new.person@shop.test', 'password-123')
  })

  test('bad staff input is refused with paths', async () => {
    const cases: Array<[unknown, string]> = [
      [{ email: 'not-an-email', password: 'password-123', role: 'editor' }, 'email'],
      [{ email: 'x@shop.test', password: 'short', role: 'editor' }, 'password'],
      [{ email: 'x@shop.test', password: 'password-123', role: 'owner' }, 'role']
    ]
    for (const [body, path] of cases) {
      const res = await t.call('POST', '/api/admin/staff', { cookie: t.adminCookie, body })
      expect(res.status).toBe(400)
      expect(res.json.error.details.map((d: Json) => d.path)).toContain(path)
    }
    const list = await t.call('GET', '/api/admin/staff', { cookie: t.adminCookie })
    expect(list.json.items.map((s: Json) => s.email)).not.toContain('x@shop.test')
    const put = await t.call('PUT', '/api/admin/staff/stf_x', { cookie: t.adminCookie, body: {} })
    expect(put.status).toBe(400)
    const missing = await t.call('PUT', '/api/admin/staff/stf_missing', { cookie: t.adminCookie, body: { role: 'admin' } })
    expect(missing.status).toBe(404)
    expect(missing.json.error.code).toBe('STAFF_NOT_FOUND')
    const badId = await t.call('PUT', '/api/admin/staff/has%20space', { cookie: t.adminCookie, body: { role: 'admin' } })
    expect(badId.status).toBe(400)
  })

  test('promoting, deactivating (ends sessions) and a new password (ends sessions)', async () => {
    const created = await t.call('POST', '/api/admin/staff', {
      cookie: t.adminCookie,
      body: { email: 'temp@shop.test', password: 'password-123', role: 'editor' }
    })
    const id = created.json.staff.id
    const cookie = await t.login('temp@shop.test', 'password-123')
    const promoted = await t.call('PUT', `/api/admin/staff/${id}`, { cookie: t.adminCookie, body: { role: 'admin' } })
    expect(promoted.json.staff.role).toBe('admin')
    expect((await t.call('GET', '/api/admin/staff', { cookie })).status).toBe(200)

    await t.call('PUT', `/api/admin/staff/${id}`, { cookie: t.adminCookie, body: { password: 'another-password' } })
    expect((await t.call('GET', '/api/admin/session', { cookie })).status).toBe(401)
    const second = await t.login('temp@shop.test', 'another-password')

    const off = await t.call('PUT', `/api/admin/staff/${id}`, { cookie: t.adminCookie, body: { active: false } })
    expect(off.json.staff.active).toBe(false)
    expect((await t.call('GET', '/api/admin/session', { cookie: second })).status).toBe(401)
    const login = await t.call('POST', '/api/admin/session', { body: { email: 'temp@shop.test', password: 'another-password' } })
    expect(login.status).toBe(401)
  })

  test('the last active admin cannot demote or deactivate themself (409 LAST_ADMIN)', async () => {
    const list = await t.call('GET', '/api/admin/staff', { cookie: t.adminCookie })
    const admins = list.json.items.filter((s: Json) => s.role === 'admin' && s.active)
    expect(admins).toHaveLength(1)
    for (const body of [{ role: 'editor' }, { active: false }]) {
      const res = await t.call('PUT', `/api/admin/staff/${admins[0].id}`, { cookie: t.adminCookie, body })
      expect(res.status).toBe(409)
      expect(res.json.error.code).toBe('LAST_ADMIN')
    }
  })

  test('the audit log says who did what, newest first, paged', async () => {
    const me = (await t.call('GET', '/api/admin/session', { cookie: t.adminCookie })).json.staff
    t.clock.advance(1000)
    const target = (await t.call('GET', '/api/admin/staff', { cookie: t.adminCookie })).json.items.find(
      (s: Json) => s.email === EDITOR.email
    )
    await t.call('PUT', `/api/admin/staff/${target.id}`, { cookie: t.adminCookie, body: { name: '编辑' } })
    const res = await t.call('GET', '/api/admin/audit?limit=3', { cookie: t.adminCookie })
    expect(res.status).toBe(200)
    expect(res.json.items).toHaveLength(3)
    expect(res.json.items[0]).toEqual(
      expect.objectContaining({
        actorId: me.id,
        action: 'staff.update',
        target: { type: 'staff', id: target.id },
        details: { changed: ['name'] }
      })
    )
    expect(JSON.stringify(res.json)).not.toContain('another-password')
    const next = await t.call('GET', `/api/admin/audit?limit=100&cursor=${res.json.nextCursor}`, { cookie: t.adminCookie })
    const all = [...res.json.items, ...next.json.items]
    expect(new Set(all.map((e: Json) => e.id)).size).toBe(all.length)
    expect(all.map((e: Json) => e.action)).toEqual(expect.arrayContaining(['staff.bootstrap', 'staff.create', 'staff.update']))
    expect(next.json.nextCursor).toBeNull()
    const bad = await t.call('GET', '/api/admin/audit?cursor=garbage', { cookie: t.adminCookie })
    expect(bad.status).toBe(400)
    expect(bad.json.error.code).toBe('INVALID_CURSOR')
  })
})

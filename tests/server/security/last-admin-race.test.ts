// Attack: admins deactivating each other at the same moment
// never leave the shop without an active admin.
import { describeEachDb } from '../helpers/each-db'
import { createTestApp, type TestApp } from '../helpers/test-app'

describeEachDb('at least one active admin, under concurrency', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  test('6 admins each deactivate the next one at once: at least one stays active', async () => {
    const admins: Array<{ id: string; cookie: string }> = []
    const me = await t.call('GET', '/api/admin/session', { cookie: t.adminCookie })
    admins.push({ id: me.json.staff.id, cookie: t.adminCookie })
    for (let i = 1; i < 6; i++) {
      const email = `admin${i}@shop.test`
      const res = await t.call('POST', '/api/admin/staff', { cookie: t.adminCookie, body: { email, password: 'admin-password-x', role: 'admin' } })
      admins.push({ id: res.json.staff.id, cookie: await t.login(email, 'admin-password-x') })
    }
    const answers = await Promise.all(
      admins.map((a, i) =>
        t.call('PUT', `/api/admin/staff/${admins[(i + 1) % admins.length]!.id}`, { cookie: a.cookie, body: { active: false } })
      )
    )
    const active = await t.deps.db.selectFrom('staff').select('id').where('role', '=', 'admin').where('active', '=', 1).execute()
    expect(active.length).toBeGreaterThanOrEqual(1)
    expect(answers.filter((a) => a.status === 200).length).toBe(6 - active.length)
    expect(answers.filter((a) => a.status !== 200).every((a) => a.status === 401 || a.json.error.code === 'LAST_ADMIN')).toBe(true)
  })
})

// A staff password stored at the older scrypt cost (N = 2^14, whose 16 MiB
// buffer made glibc keep freed memory resident) still logs in, and that login
// stores it again at the current cost; the old hash no longer works as the stored one.
import { findStaffByEmail, updateStaff } from '../../../src/server/db/repos/staff-repo'
import { needsRehash, verifyPassword } from '../../../src/server/passwords'
import { describeEachDb } from '../helpers/each-db'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { randomBytes, scryptSync } from 'node:crypto'

function oldCostHash(password: string): string {
  const salt = randomBytes(16)
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 16384, r: 8, p: 1 })
  return ['scrypt', 16384, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')
}

describeEachDb('staff password cost', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  test('a new password is stored at N = 2^15', async () => {
    const made = await t.call('POST', '/api/admin/staff', { cookie: t.adminCookie, body: { email: 'new@shop.test', password: 'a-new-password-1', role: 'editor' } })
    expect(made.status).toBe(201)
    const stored = (await findStaffByEmail(t.db.database.db, 'new@shop.test'))!.passwordHash
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1'])
    expect(needsRehash(stored)).toBe(false)
  })

  test('a hash at the older cost logs in once and is stored again at the current cost', async () => {
    const made = await t.call('POST', '/api/admin/staff', { cookie: t.adminCookie, body: { email: 'old@shop.test', password: 'placeholder-pass', role: 'editor' } })
    expect(made.status).toBe(201)
    const staff = (await findStaffByEmail(t.db.database.db, 'old@shop.test'))!
    const old = oldCostHash('an-old-password')
    await updateStaff(t.db.database.db, staff.id, { passwordHash: old })
    expect(needsRehash(old)).toBe(true)

    const login = await t.call('POST', '/api/admin/session', { body: { email: 'old@shop.test', password: 'an-old-password' } })
    expect(login.status).toBe(200)
    const stored = (await findStaffByEmail(t.db.database.db, 'old@shop.test'))!.passwordHash
    expect(stored).not.toBe(old)
    expect(stored.split('$')[1]).toBe('32768')
    expect(await verifyPassword('an-old-password', stored)).toBe(true)

    const again = await t.call('POST', '/api/admin/session', { body: { email: 'old@shop.test', password: 'an-old-password' } })
    expect(again.status).toBe(200)
    expect((await findStaffByEmail(t.db.database.db, 'old@shop.test'))!.passwordHash).toBe(stored)
  })
})

// Attacks: parallel password guesses are throttled like
// sequential ones (the attempt counts before the password is checked), and
// strangers' failures never lock the owner out of their own address.
import { hashSlots, MAX_CONCURRENT_HASHES } from '../../../src/server/passwords'
import { describeEachDb } from '../helpers/each-db'
import { callFrom } from '../helpers/from-address'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { MINUTE } from '../helpers/test-clock'

describeEachDb('staff login under attack', (dialect) => {
  let t: TestApp
  const slept: number[] = []
  beforeAll(async () => {
    t = await createTestApp({ dialect, delay: async (ms) => void slept.push(ms) })
  })
  afterAll(() => t.close())

  async function staff(email: string, password: string) {
    const res = await t.call('POST', '/api/admin/staff', { cookie: t.adminCookie, body: { email, password, role: 'admin' } })
    expect(res.status).toBe(201)
  }

  test('200 parallel guesses, the right one among them: at most 5 passwords are checked, no session', async () => {
    const email = 'burst@shop.test'
    await staff(email, 'the-right-password')
    const guesses = Array.from({ length: 200 }, (_, i) => (i === 150 ? 'the-right-password' : `guess-${i}`))
    const answers = await Promise.all(
      guesses.map((password) => t.call('POST', '/api/admin/session', { body: { email, password } }))
    )
    const checked = answers.filter((a) => a.status !== 429)
    expect(checked.length).toBeLessThanOrEqual(5)
    expect(answers.filter((a) => a.status === 429)).toHaveLength(200 - checked.length)
    expect(answers[150]?.status).toBe(429)
    expect(answers.every((a) => a.status === 429 ? a.headers.get('retry-after') !== null : true)).toBe(true)
  }, 60_000) // scrypt is slow on purpose; a busy CI machine needs the room

  test('a burst of logins for many accounts hashes at most MAX_CONCURRENT_HASHES passwords at once', async () => {
    hashSlots.peak = 0
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        callFrom(`127.0.2.${i + 1}`, t.url, 'POST', '/api/admin/session', { body: { email: `nobody${i}@shop.test`, password: 'guess' } })
      )
    )
    expect(answers.every((a) => a.status === 401)).toBe(true)
    expect(hashSlots.peak).toBe(MAX_CONCURRENT_HASHES)
  }, 60_000)

  test('strangers on five addresses fail 5 times each: they are locked, the owner on their own address gets in', async () => {
    const email = 'owner@shop.test'
    await staff(email, 'owner-password-1')
    slept.length = 0
    for (let a = 2; a <= 6; a++) {
      for (let i = 0; i < 5; i++) {
        const res = await callFrom(`127.0.0.${a}`, t.url, 'POST', '/api/admin/session', { body: { email, password: `bad-${a}-${i}` } })
        expect(res.status).toBe(401)
      }
      const locked = await callFrom(`127.0.0.${a}`, t.url, 'POST', '/api/admin/session', { body: { email, password: 'owner-password-1' } })
      expect(locked.status).toBe(429)
    }
    // Across addresses the account slows down (a delay before checking) rather than locking.
    expect(slept.length).toBeGreaterThan(0)
    const owner = await t.call('POST', '/api/admin/session', { body: { email, password: 'owner-password-1' } })
    expect(owner.status).toBe(200)
    t.clock.advance(16 * MINUTE)
  }, 60_000)
})

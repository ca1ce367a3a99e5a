/**
 * Failed staff logins, for rate limiting that holds across instances
 * (the count lives in the database, not in one process).
 */
import type { Executor } from '../database'

export async function recordFailedLogin(db: Executor, row: { id: string; email: string; ip: string; at: string }) {
  await db.insertInto('loginAttempts').values(row).execute()
}

export async function countFailedLogins(
  db: Executor,
  by: { email: string } | { ip: string },
  sinceIso: string
): Promise<number> {
  let q = db.selectFrom('loginAttempts').select((eb) => eb.fn.countAll().as('n')).where('at', '>', sinceIso)
  q = 'email' in by ? q.where('email', '=', by.email) : q.where('ip', '=', by.ip)
  const row = await q.executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Forget an account's failures after a good login, and everything older than the window. */
export async function clearFailedLogins(db: Executor, email: string, olderThanIso: string): Promise<void> {
  await db
    .deleteFrom('loginAttempts')
    .where((eb) => eb.or([eb('email', '=', email), eb('at', '<', olderThanIso)]))
    .execute()
}

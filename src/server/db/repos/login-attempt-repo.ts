/**
 * Staff login attempts, for rate limiting that holds across instances (the
 * count lives in the database, not in one process). A row is written before
 * the password is checked and stays as the failure unless the login succeeds.
 */
import type { Executor } from '../database'

export async function recordFailedLogin(db: Executor, row: { id: string; email: string; ip: string; at: string }) {
  await db.insertInto('loginAttempts').values(row).execute()
}

export async function deleteLoginAttempt(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('loginAttempts').where('id', '=', id).execute()
}

export async function countFailedLogins(
  db: Executor,
  by: { email: string; ip: string } | { email: string } | { ip: string },
  sinceIso: string
): Promise<number> {
  let q = db.selectFrom('loginAttempts').select((eb) => eb.fn.countAll().as('n')).where('at', '>', sinceIso)
  if ('email' in by) q = q.where('email', '=', by.email)
  if ('ip' in by) q = q.where('ip', '=', by.ip)
  const row = await q.executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Forget one address's failures on an account after a good login there, and everything older than the window. */
export async function clearFailedLogins(db: Executor, pair: { email: string; ip: string }, olderThanIso: string): Promise<void> {
  await db
    .deleteFrom('loginAttempts')
    .where((eb) => eb.or([eb.and([eb('email', '=', pair.email), eb('ip', '=', pair.ip)]), eb('at', '<', olderThanIso)]))
    .execute()
}

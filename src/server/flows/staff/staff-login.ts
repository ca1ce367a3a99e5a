/**
 * Staff login: e-mail + password → a session token for the cookie.
 * Throttling (DB-backed, so it holds across instances; docs/api.md "Limits"):
 *  - every attempt is written down BEFORE the password is checked, then
 *    counted with itself included; a refused attempt is taken back. So of
 *    any number of parallel guesses, at most MAX_PER_PAIR get checked:
 *    each checked one's row stays, and the next counts it.
 *  - the lock is per (e-mail, client address): MAX_PER_PAIR failures in the
 *    window refuse that address for that account (429), and MAX_PER_ADDRESS
 *    failures refuse the address for every account. Failures from other
 *    addresses never lock the owner out; past SLOW_AFTER of them the
 *    account slows down instead (each check waits a little longer first).
 * Unknown e-mails cost the same scrypt time as wrong passwords; scrypt runs
 * in a bounded number of slots (passwords.ts).
 */
import { err, ok, type Result } from '@core/result'
import { addMs } from '../../clock'
import {
  clearFailedLogins,
  countFailedLogins,
  deleteLoginAttempt,
  recordFailedLogin
} from '../../db/repos/login-attempt-repo'
import { findStaffByEmail, updateStaff } from '../../db/repos/staff-repo'
import { insertStaffSession } from '../../db/repos/staff-session-repo'
import type { Deps } from '../../deps'
import { hashToken, newId, newToken } from '../../ids'
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from '../../passwords'
import type { Staff } from '@core/contract/staff'
import { staffView } from './staff-view'

export const STAFF_SESSION_MS = 12 * 60 * 60 * 1000
export const LOGIN_WINDOW_MS = 15 * 60 * 1000
export const MAX_PER_PAIR = 5
export const MAX_PER_ADDRESS = 30
export const SLOW_AFTER = 10
const SLOW_STEP_MS = 250
const SLOW_MAX_MS = 5000

/** How long a check waits first, given failures on this e-mail from other addresses in the window. */
export function slowdownMs(failuresElsewhere: number): number {
  if (failuresElsewhere < SLOW_AFTER) return 0
  return Math.min(SLOW_MAX_MS, (failuresElsewhere - SLOW_AFTER + 1) * SLOW_STEP_MS)
}

export async function staffLogin(
  deps: Deps,
  input: { email: string; password: string; ip: string }
): Promise<Result<{ token: string; expiresAt: Date; staff: Staff }>> {
  const now = deps.clock.now()
  const email = input.email.toLowerCase()
  const since = addMs(now, -LOGIN_WINDOW_MS).toISOString()
  const attemptId = newId('la')
  // Counted before checking: this row is the failure unless the password turns out right.
  await recordFailedLogin(deps.db, { id: attemptId, email, ip: input.ip, at: now.toISOString() })
  const [byPair, byAddress, byEmail] = await Promise.all([
    countFailedLogins(deps.db, { email, ip: input.ip }, since),
    countFailedLogins(deps.db, { ip: input.ip }, since),
    countFailedLogins(deps.db, { email }, since)
  ])
  if (byPair > MAX_PER_PAIR || byAddress > MAX_PER_ADDRESS) {
    await deleteLoginAttempt(deps.db, attemptId)
    return err('RATE_LIMITED', 'Too many failed logins from this address; wait 15 minutes and try again', {
      retryAfterSeconds: LOGIN_WINDOW_MS / 1000
    })
  }
  const wait = slowdownMs(byEmail - byPair)
  if (wait > 0) await deps.delay(wait)

  const staff = await findStaffByEmail(deps.db, email)
  const good = await verifyPassword(input.password, staff?.passwordHash ?? DUMMY_HASH)
  if (!staff || !good || staff.active !== 1) return err('INVALID_CREDENTIALS', 'E-mail or password is wrong')
  // A hash stored at an older cost is replaced while the password is at hand (passwords.ts).
  if (needsRehash(staff.passwordHash)) await updateStaff(deps.db, staff.id, { passwordHash: await hashPassword(input.password) })

  const token = newToken()
  const expiresAt = addMs(now, STAFF_SESSION_MS)
  await insertStaffSession(deps.db, {
    tokenHash: hashToken(token),
    staffId: staff.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString()
  })
  await clearFailedLogins(deps.db, { email, ip: input.ip }, since)
  return ok({ token, expiresAt, staff: staffView(staff) })
}

/**
 * Staff login: e-mail + password → a session token for the cookie.
 * Rate limit (DB-backed, so it holds across instances): after 5 failures
 * for one e-mail, or 30 from one IP, within 15 minutes, further tries get
 * 429 until the window passes. Unknown e-mails cost the same scrypt time
 * as wrong passwords.
 */
import { err, ok, type Result } from '@core/result'
import { addMs } from '../../clock'
import { clearFailedLogins, countFailedLogins, recordFailedLogin } from '../../db/repos/login-attempt-repo'
import { findStaffByEmail } from '../../db/repos/staff-repo'
import { insertStaffSession } from '../../db/repos/staff-session-repo'
import type { Deps } from '../../deps'
import { hashToken, newId, newToken } from '../../ids'
import { DUMMY_HASH, verifyPassword } from '../../passwords'
import { staffView, type StaffView } from './staff-view'

export const STAFF_SESSION_MS = 12 * 60 * 60 * 1000
const WINDOW_MS = 15 * 60 * 1000
const MAX_PER_EMAIL = 5
const MAX_PER_IP = 30

export async function staffLogin(
  deps: Deps,
  input: { email: string; password: string; ip: string }
): Promise<Result<{ token: string; expiresAt: Date; staff: StaffView }>> {
  const now = deps.clock.now()
  const email = input.email.toLowerCase()
  const since = addMs(now, -WINDOW_MS).toISOString()
  const [byEmail, byIp] = await Promise.all([
    countFailedLogins(deps.db, { email }, since),
    countFailedLogins(deps.db, { ip: input.ip }, since)
  ])
  if (byEmail >= MAX_PER_EMAIL || byIp >= MAX_PER_IP) {
    return err('RATE_LIMITED', 'Too many failed logins; wait 15 minutes and try again', {
      retryAfterSeconds: WINDOW_MS / 1000
    })
  }

  const staff = await findStaffByEmail(deps.db, email)
  const good = await verifyPassword(input.password, staff?.passwordHash ?? DUMMY_HASH)
  if (!staff || !good || staff.active !== 1) {
    await recordFailedLogin(deps.db, { id: newId('la'), email, ip: input.ip, at: now.toISOString() })
    return err('INVALID_CREDENTIALS', 'E-mail or password is wrong')
  }

  const token = newToken()
  const expiresAt = addMs(now, STAFF_SESSION_MS)
  await insertStaffSession(deps.db, {
    tokenHash: hashToken(token),
    staffId: staff.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString()
  })
  await clearFailedLogins(deps.db, email, since)
  return ok({ token, expiresAt, staff: staffView(staff) })
}

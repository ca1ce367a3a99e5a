/** Staff sessions, keyed by the hash of the cookie's token (the token itself is never stored). */
import type { Executor } from '../database'
import type { StaffRow } from './staff-repo'

export async function insertStaffSession(
  db: Executor,
  row: { tokenHash: string; staffId: string; createdAt: string; expiresAt: string }
): Promise<void> {
  await db.insertInto('staffSessions').values(row).execute()
}

/** The active staff member behind a live session, or undefined. */
export function findStaffBySession(db: Executor, tokenHash: string, nowIso: string): Promise<StaffRow | undefined> {
  return db
    .selectFrom('staffSessions')
    .innerJoin('staff', 'staff.id', 'staffSessions.staffId')
    .selectAll('staff')
    .where('staffSessions.tokenHash', '=', tokenHash)
    .where('staffSessions.expiresAt', '>', nowIso)
    .where('staff.active', '=', 1)
    .executeTakeFirst()
}

export async function deleteStaffSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('staffSessions').where('tokenHash', '=', tokenHash).execute()
}

export async function deleteSessionsOfStaff(db: Executor, staffId: string): Promise<void> {
  await db.deleteFrom('staffSessions').where('staffId', '=', staffId).execute()
}

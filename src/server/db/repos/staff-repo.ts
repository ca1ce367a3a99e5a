/** Staff accounts. Emails are stored lower-cased; `active` is 0/1. */
import { PostgresAdapter, sql, type Selectable, type Updateable } from 'kysely'
import type { Executor } from '../database'
import type { StaffTables } from '../schema'

export type StaffRow = Selectable<StaffTables['staff']>

export function findStaffByEmail(db: Executor, email: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst()
}

export function findStaffById(db: Executor, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listStaff(db: Executor): Promise<StaffRow[]> {
  return db.selectFrom('staff').selectAll().orderBy('createdAt').orderBy('email').execute()
}

export async function insertStaff(db: Executor, row: StaffRow): Promise<void> {
  await db.insertInto('staff').values(row).execute()
}

export async function updateStaff(db: Executor, id: string, patch: Updateable<StaffTables['staff']>): Promise<void> {
  await db.updateTable('staff').set(patch).where('id', '=', id).execute()
}

export async function countStaff(db: Executor): Promise<number> {
  const row = await db.selectFrom('staff').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Serialises changes to who is an active admin until the transaction ends
 * (PostgreSQL: an advisory lock; SQLite has one writer at a time anyway), so
 * "at least one active admin remains" is checked on what is committed and
 * two admins cannot deactivate each other at once.
 */
export async function lockAdminSet(db: Executor): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`SELECT pg_advisory_xact_lock(hashtext('staff:active-admins'))`.execute(db)
}

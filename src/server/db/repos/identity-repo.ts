/**
 * Reads over anon_bindings (written at login by user-repo's bindAnon): which
 * anonymous ids are one user, so analytics and attribution count a shopper once.
 */
import { PostgresAdapter, sql } from 'kysely'
import type { Executor } from '../database'

export async function anonIdsOfUser(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('anonBindings').select('anonId').where('userId', '=', userId).execute()
  return rows.map((r) => r.anonId)
}

/** anonId → userId for those of these anon ids that are bound. */
export async function usersOfAnonIds(db: Executor, anonIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (anonIds.length === 0) return out
  const rows = await db
    .selectFrom('anonBindings')
    .select(['anonId', 'userId'])
    .where('anonId', 'in', [...new Set(anonIds)])
    .execute()
  for (const r of rows) out.set(r.anonId, r.userId)
  return out
}

/**
 * Serialises ingest and login on the same anon ids (PostgreSQL; SQLite has
 * one writer at a time anyway): without it, a batch could store events
 * under the bare anon id while a concurrent login re-keys that id's events,
 * and the batch's rows would miss the re-key. Held until the transaction ends.
 */
export async function lockAnonIds(db: Executor, anonIds: readonly string[]): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  // Sorted, so two transactions locking overlapping sets cannot deadlock.
  for (const anonId of [...new Set(anonIds)].sort()) {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${'anon:' + anonId}))`.execute(db)
  }
}

/**
 * Reads over anon_bindings (written at login by user-repo's bindAnon): which
 * anonymous ids are one user, so analytics and attribution count a shopper once.
 */
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

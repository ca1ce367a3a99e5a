/** Shoppers (one row per openid), their bearer sessions, and anonId → user bindings. */
import type { Executor } from '../database'

export async function upsertUserByOpenid(
  db: Executor,
  row: { id: string; openid: string; unionid: string | null; sessionKey: string; at: string }
): Promise<string> {
  // One statement either inserts or refreshes, so two concurrent first logins make one user.
  const saved = await db
    .insertInto('users')
    .values({
      id: row.id,
      openid: row.openid,
      unionid: row.unionid,
      sessionKey: row.sessionKey,
      createdAt: row.at,
      lastLoginAt: row.at
    })
    .onConflict((oc) =>
      oc.column('openid').doUpdateSet((eb) => ({
        sessionKey: eb.ref('excluded.sessionKey'),
        unionid: eb.fn.coalesce('excluded.unionid', 'users.unionid'),
        lastLoginAt: eb.ref('excluded.lastLoginAt')
      }))
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return saved.id
}

export async function insertShopperSession(
  db: Executor,
  row: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }
): Promise<void> {
  await db.insertInto('shopperSessions').values(row).execute()
}

export async function findUserIdBySession(db: Executor, tokenHash: string, nowIso: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('shopperSessions')
    .select('userId')
    .where('tokenHash', '=', tokenHash)
    .where('expiresAt', '>', nowIso)
    .executeTakeFirst()
  return row?.userId
}

/** The first login on a device claims its anonId; later claims keep the first (returns false). */
export async function bindAnon(db: Executor, row: { anonId: string; userId: string; boundAt: string }): Promise<boolean> {
  const res = await db
    .insertInto('anonBindings')
    .values(row)
    .onConflict((oc) => oc.column('anonId').doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0
}

export function findAnonBinding(db: Executor, anonId: string) {
  return db.selectFrom('anonBindings').selectAll().where('anonId', '=', anonId).executeTakeFirst()
}

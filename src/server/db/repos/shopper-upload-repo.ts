/** Shoppers' uploads, kept to count them against the daily limit. */
import type { Executor } from '../database'
import type { DialectName } from '../database'

export async function insertShopperUpload(db: Executor, row: { id: string; userId: string; fileName: string; createdAt: string }): Promise<void> {
  await db.insertInto('shopperUploads').values(row).execute()
}

export async function countUploadsSince(db: Executor, userId: string, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('shopperUploads')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('userId', '=', userId)
    .where('createdAt', '>=', sinceIso)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Serialises one shopper's uploads inside a transaction, so two at once
 * cannot both slip under the limit. SQLite runs one writer at a time
 * already; PostgreSQL locks the user's row.
 */
export async function lockShopper(db: Executor, dialect: DialectName, userId: string): Promise<void> {
  if (dialect !== 'postgres') return
  await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute()
}

/** Which of these media file names the shop has stored (uploaded by anyone). */
export async function knownMediaFiles(db: Executor, fileNames: readonly string[]): Promise<Set<string>> {
  if (fileNames.length === 0) return new Set()
  const rows = await db.selectFrom('media').select('fileName').where('fileName', 'in', [...fileNames]).execute()
  return new Set(rows.map((r) => r.fileName))
}

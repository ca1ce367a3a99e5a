/** Shop-wide settings staff may change: one row per key, the value as JSON text. */
import type { Executor } from '../database'

export async function readSettings(db: Executor): Promise<Record<string, string>> {
  const rows = await db.selectFrom('shopSettings').select(['key', 'value']).execute()
  return Object.fromEntries(rows.map((r) => [r.key, r.value]))
}

export async function writeSetting(db: Executor, key: string, value: string, by: string | null, at: string): Promise<void> {
  await db
    .insertInto('shopSettings')
    .values({ key, value, updatedBy: by, updatedAt: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedBy: by, updatedAt: at }))
    .execute()
}

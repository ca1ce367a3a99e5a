/** WeChat's carrier list (get_delivery_list), cached: replaced whole on each refresh. */
import type { Executor } from '../database'

export interface CachedCarriers {
  items: Array<{ code: string; name: string }>
  fetchedAt: string | null
}

export async function readCarriers(db: Executor): Promise<CachedCarriers> {
  const rows = await db.selectFrom('wechatCarriers').selectAll().orderBy('position').execute()
  return { items: rows.map((r) => ({ code: r.code, name: r.name })), fetchedAt: rows[0]?.fetchedAt ?? null }
}

export async function replaceCarriers(db: Executor, items: Array<{ code: string; name: string }>, fetchedAt: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('wechatCarriers').execute()
    // Batches keep each statement under SQLite's bound-parameter limit (the real list has ~1,400 carriers).
    const seen = new Set<string>()
    const rows = items.filter((c) => !seen.has(c.code) && seen.add(c.code)).map((c, position) => ({ ...c, position, fetchedAt }))
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('wechatCarriers').values(rows.slice(i, i + 200)).execute()
  })
}

/** Payment flags: problems WeChat Pay told us about that staff must look at (wrong amount, refund closed…). */
import type { Selectable } from 'kysely'
import type { Executor } from '../database'
import type { CommerceTables } from '../schema'

export type FlagRow = Selectable<CommerceTables['paymentFlags']>

/** Stores the flag unless one with the same dedupe key exists; true when this call stored it. */
export async function insertFlag(db: Executor, row: FlagRow): Promise<boolean> {
  const res = await db
    .insertInto('paymentFlags')
    .values(row)
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0
}

/** Newest first; `after` is the (createdAt, id) of the previous page's last row. */
export function listFlags(
  db: Executor,
  q: { limit: number; after?: { at: string; id: string }; orderId?: string }
): Promise<FlagRow[]> {
  let s = db.selectFrom('paymentFlags').selectAll()
  if (q.orderId) s = s.where('orderId', '=', q.orderId)
  const after = q.after
  if (after) {
    s = s.where((eb) => eb.or([eb('createdAt', '<', after.at), eb.and([eb('createdAt', '=', after.at), eb('id', '<', after.id)])]))
  }
  return s.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(q.limit).execute()
}

/** Staff page list, most recently edited first, `{items, nextCursor}`. */
import type { AdminPage } from '@core/contract/admin-pages'
import { ok, type Result } from '@core/result'
import { decodeCursor, page } from '../../cursor'
import { listPageRows } from '../../db/repos/page-repo'
import type { Deps } from '../../deps'
import { adminPage } from './page-view'

export async function listPages(
  deps: Deps,
  q: { cursor?: string; limit: number }
): Promise<Result<{ items: AdminPage[]; nextCursor: string | null }>> {
  const after = decodeCursor(q.cursor)
  if (!after.ok) return after
  const rows = await listPageRows(deps.db, { limit: q.limit + 1, after: after.value })
  const { items, nextCursor } = page(rows, q.limit, (r) => ({ at: r.updatedAt, id: r.id }))
  return ok({ items: items.map(adminPage), nextCursor })
}

/** The shopper's page list: published pages, newest publication first, without blocks. */
import type { Paged } from '@core/contract/common'
import type { PageSummary } from '@core/contract/pages'
import { ok, type Result } from '@core/result'
import { decodeCursor, page } from '../../cursor'
import { listPublished } from '../../db/repos/page-repo'
import type { Deps } from '../../deps'
import { shopperPage } from './page-view'

export async function listPublishedPages(
  deps: Deps,
  q: { cursor?: string; limit: number }
): Promise<Result<Paged<PageSummary>>> {
  const after = decodeCursor(q.cursor)
  if (!after.ok) return after
  const rows = await listPublished(deps.db, { limit: q.limit + 1, after: after.value })
  const { items, nextCursor } = page(rows, q.limit, (r) => ({ at: r.publishedAt ?? '', id: r.id }))
  return ok({
    items: items.map((r) => {
      const { blocks: _blocks, ...summary } = shopperPage(r, r.publishedAt)
      return summary
    }),
    nextCursor
  })
}

/** Staff take a page offline; a pending schedule (and scheduled end) is cancelled too, its launches end. Repeating it changes nothing. */
import type { AdminPage } from '@core/contract/admin-pages'
import { err, ok, type Result } from '@core/result'
import { findPageRow, updatePage } from '../../db/repos/page-repo'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'
import { syncPageLaunches } from './page-launches'
import { adminPage } from './page-view'
import { contentChanged } from '../../cache/content-changes'

export async function unpublishPage(deps: Deps, actorId: string, id: string): Promise<Result<AdminPage>> {
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const page = await findPageRow(trx, id)
    if (!page) return err('PAGE_NOT_FOUND', `No page ${id}`)
    if (page.publishedVersion === null && page.scheduledAt === null && page.unpublishAt === null) return ok(adminPage(page))
    const cleared = { publishedVersion: null, publishedSlug: null, publishedAt: null, scheduledVersion: null, scheduledAt: null, unpublishAt: null }
    await updatePage(trx, id, cleared)
    await syncPageLaunches(trx, { id, liveSlug: null, liveBlocks: null }, now)
    await contentChanged(trx, { kind: 'pages' })
    await recordAudit(trx, now, actorId, 'page.unpublish', { type: 'page', id }, {
      wasPublished: page.publishedVersion,
      cancelledSchedule: page.scheduledAt
    })
    return ok(adminPage({ ...page, ...cleared }))
  })
}

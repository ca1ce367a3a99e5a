/**
 * The scheduler's other half: take offline every page whose scheduled end
 * (unpublishAt) has come; its launches end with it. Runs under the job
 * lease after publishDuePages, so a page whose start and end both passed
 * while no instance ran ends offline; a schedule still pending is later
 * than the end and is kept (the page comes back then). Each end is a
 * conditional UPDATE: once.
 */
import { endPage, findPagesToEnd } from '../../db/repos/page-repo'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'
import { contentChanged } from '../../cache/content-changes'
import { syncPageLaunches } from './page-launches'

export async function unpublishDuePages(deps: Deps): Promise<string[]> {
  const now = deps.clock.now()
  const ended: string[] = []
  for (const page of await findPagesToEnd(deps.db, now.toISOString())) {
    const unpublishAt = page.unpublishAt
    if (unpublishAt === null) continue
    const fired = await deps.db.transaction().execute(async (trx) => {
      if (!(await endPage(trx, page.id, unpublishAt))) return false
      await syncPageLaunches(trx, { id: page.id, liveSlug: null, liveBlocks: null }, now)
      await contentChanged(trx, { kind: 'pages' })
      await recordAudit(trx, now, null, 'page.unpublish', { type: 'page', id: page.id }, {
        wasPublished: page.publishedVersion,
        unpublishAt
      })
      return true
    })
    if (fired) ended.push(page.id)
  }
  return ended
}

/**
 * The scheduler's work: publish every page whose scheduled time has come.
 * Runs under the job lease (jobs.ts); each page is fired by a conditional
 * UPDATE, so even two runners publish it once. A schedule that cannot fire
 * (its slug went live elsewhere meanwhile) is cancelled and audited rather
 * than retried forever.
 */
import { findDuePages, findVersion, publishScheduled, updatePage } from '../../db/repos/page-repo'
import { isUniqueViolation } from '../../db/unique-violation'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'
import { syncPageLaunches } from './page-launches'
import { contentChanged } from '../../cache/content-changes'

export async function publishDuePages(deps: Deps): Promise<string[]> {
  const now = deps.clock.now()
  const due = await findDuePages(deps.db, now.toISOString())
  const published: string[] = []
  for (const page of due) {
    if (page.scheduledVersion === null || page.scheduledAt === null) continue
    const version = page.scheduledVersion
    const scheduledAt = page.scheduledAt
    try {
      const fired = await deps.db.transaction().execute(async (trx) => {
        const snapshot = await findVersion(trx, page.id, version)
        if (!snapshot) throw new Error(`page ${page.id} is scheduled with missing version ${version}`)
        const ok = await publishScheduled(trx, {
          id: page.id,
          version,
          scheduledAt,
          slug: snapshot.slug,
          publishedAt: now.toISOString()
        })
        if (ok) {
          await syncPageLaunches(trx, { id: page.id, liveSlug: snapshot.slug, liveBlocks: snapshot.blocks }, now)
          await contentChanged(trx, { kind: 'pages' })
          await recordAudit(trx, now, null, 'page.publish', { type: 'page', id: page.id }, {
            version,
            slug: snapshot.slug,
            scheduledAt
          })
        }
        return ok
      })
      if (fired) published.push(page.id)
    } catch (e) {
      if (!isUniqueViolation(e)) throw e
      await deps.db.transaction().execute(async (trx) => {
        await updatePage(trx, page.id, { scheduledVersion: null, scheduledAt: null })
        await recordAudit(trx, now, null, 'page.schedule_failed', { type: 'page', id: page.id }, {
          version,
          reason: 'SLUG_TAKEN'
        })
      })
    }
  }
  return published
}

/**
 * Staff publish a page now, or schedule it (`at` in the future). Either way
 * the draft is snapshotted as a new version at this moment, so what goes
 * live is what staff approved. A schedule lives in the page row
 * (scheduled_at), so it survives restarts; jobs.ts fires it.
 * `unpublishAt` schedules the end (after the publish time; null clears it,
 * undefined keeps the current one); jobs.ts takes the page offline then.
 * Going live now also records the launches its countdown blocks announce.
 */
import type { AdminPage } from '@core/contract/admin-pages'
import { err, ok, type Result } from '@core/result'
import { findPageRow, insertVersion, maxVersion, updatePage } from '../../db/repos/page-repo'
import { isUniqueViolation } from '../../db/unique-violation'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'
import { syncPageLaunches } from './page-launches'
import { adminPage } from './page-view'
import { contentChanged } from '../../cache/content-changes'

export async function publishPage(
  deps: Deps,
  actorId: string,
  id: string,
  at: Date | undefined,
  opts: { unpublishAt?: Date | null } = {}
): Promise<Result<AdminPage>> {
  const now = deps.clock.now()
  const scheduled = at !== undefined && at.getTime() > now.getTime()
  const goesLive = scheduled ? at : now
  const { unpublishAt } = opts
  if (unpublishAt && unpublishAt.getTime() <= goesLive.getTime()) {
    return err('VALIDATION_FAILED', '下线时间需要晚于发布时间', [{ path: 'unpublishAt', message: '下线时间需要晚于发布时间' }])
  }
  const end = unpublishAt === undefined ? {} : { unpublishAt: unpublishAt ? unpublishAt.toISOString() : null }
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const page = await findPageRow(trx, id)
      if (!page) return err('PAGE_NOT_FOUND', `No page ${id}`)
      // A kept end that would come before this publish would take the page straight offline: staff must say.
      if (unpublishAt === undefined && page.unpublishAt && page.unpublishAt <= goesLive.toISOString()) {
        return err('VALIDATION_FAILED', '页面原定的下线时间早于这次发布时间，请重新设置下线时间（或清除）', [
          { path: 'unpublishAt', message: `原定下线时间 ${page.unpublishAt} 早于发布时间` }
        ])
      }
      const version = (await maxVersion(trx, id)) + 1
      await insertVersion(trx, {
        pageId: id,
        version,
        slug: page.slug,
        title: page.title,
        cover: page.cover,
        blocks: page.blocks,
        shareTitle: page.shareTitle,
        shareImageUrl: page.shareImageUrl,
        createdAt: now.toISOString(),
        createdBy: actorId
      })
      if (scheduled) {
        await updatePage(trx, id, { scheduledVersion: version, scheduledAt: at.toISOString(), ...end })
        await recordAudit(trx, now, actorId, 'page.schedule', { type: 'page', id }, { version, at: at.toISOString(), ...end })
      } else {
        await updatePage(trx, id, {
          publishedVersion: version,
          publishedSlug: page.slug,
          publishedAt: now.toISOString(),
          scheduledVersion: null,
          scheduledAt: null,
          ...end
        })
        await syncPageLaunches(trx, { id, liveSlug: page.slug, liveBlocks: page.blocks }, now)
        await recordAudit(trx, now, actorId, 'page.publish', { type: 'page', id }, { version, slug: page.slug, ...end })
        await contentChanged(trx, { kind: 'pages' })
      }
      const saved = await findPageRow(trx, id)
      return ok(adminPage(saved ?? page))
    })
  } catch (e) {
    // Another page went live under this slug since the draft was saved.
    if (isUniqueViolation(e)) return err('SLUG_TAKEN', '这个链接名已被另一个已发布的页面使用', [{ path: 'slug', message: '链接名已被使用' }])
    throw e
  }
}

/**
 * Staff restore a version: its content becomes the draft again. It does not
 * go live by itself; publishing it makes a new version, so history only grows.
 */
import type { AdminPage } from '@core/contract/admin-pages'
import { err, ok, type Result } from '@core/result'
import { findPageRow, findVersion, slugInUse, updatePage } from '../../db/repos/page-repo'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'
import { adminPage } from './page-view'

export async function restoreVersion(deps: Deps, actorId: string, pageId: string, version: number): Promise<Result<AdminPage>> {
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const page = await findPageRow(trx, pageId)
    if (!page) return err('PAGE_NOT_FOUND', `No page ${pageId}`)
    const v = await findVersion(trx, pageId, version)
    if (!v) return err('VERSION_NOT_FOUND', `Page ${pageId} has no version ${version}`)
    if (await slugInUse(trx, v.slug, pageId)) {
      return err('SLUG_TAKEN', `链接名 ${v.slug} 现在属于另一个页面`, [{ path: 'slug', message: '链接名已被使用' }])
    }
    const content = {
      slug: v.slug,
      title: v.title,
      cover: v.cover,
      blocks: v.blocks,
      shareTitle: v.shareTitle,
      shareImageUrl: v.shareImageUrl,
      updatedAt: now.toISOString()
    }
    await updatePage(trx, pageId, content)
    await recordAudit(trx, now, actorId, 'page.restore', { type: 'page', id: pageId }, { version })
    return ok(adminPage({ ...page, ...content }))
  })
}

/** Staff list a page's versions (newest first) and open one. */
import type { PageVersion, PageVersionResponse } from '@core/contract/admin-pages'
import { err, ok, type Result } from '@core/result'
import { findPageRow, findVersion, listVersions } from '../../db/repos/page-repo'
import type { Deps } from '../../deps'
import { shopperPage } from './page-view'

export async function listPageVersions(deps: Deps, pageId: string): Promise<Result<PageVersion[]>> {
  const page = await findPageRow(deps.db, pageId)
  if (!page) return err('PAGE_NOT_FOUND', `No page ${pageId}`)
  const rows = await listVersions(deps.db, pageId)
  return ok(
    rows.map((r) => ({
      ...r,
      live: r.version === page.publishedVersion,
      scheduled: r.version === page.scheduledVersion
    }))
  )
}

export async function getPageVersion(
  deps: Deps,
  pageId: string,
  version: number
): Promise<Result<PageVersionResponse>> {
  const row = await findVersion(deps.db, pageId, version)
  if (!row) return err('VERSION_NOT_FOUND', `Page ${pageId} has no version ${version}`)
  return ok({ version, createdAt: row.createdAt, createdBy: row.createdBy, page: shopperPage(row, null) })
}

/** Staff compare two versions of a page, or a version with the current draft (core's diffPages). */
import type { PageDiffResponse } from '@core/contract/admin-pages'
import type { Block } from '@core/content'
import { diffPages, type DiffablePage } from '@core/page-diff'
import { err, ok, type Result } from '@core/result'
import { findPageRow, findVersion, type PageContentRow } from '../../db/repos/page-repo'
import type { Deps } from '../../deps'

function diffable(row: PageContentRow): DiffablePage {
  return {
    slug: row.slug,
    title: row.title,
    cover: row.cover,
    share: { title: row.shareTitle, imageUrl: row.shareImageUrl },
    blocks: JSON.parse(row.blocks) as Block[]
  }
}

export async function diffPageVersions(
  deps: Deps,
  pageId: string,
  from: number,
  to: number | 'draft'
): Promise<Result<PageDiffResponse>> {
  const page = await findPageRow(deps.db, pageId)
  if (!page) return err('PAGE_NOT_FOUND', `No page ${pageId}`)
  const a = await findVersion(deps.db, pageId, from)
  if (!a) return err('VERSION_NOT_FOUND', `Page ${pageId} has no version ${from}`)
  const b = to === 'draft' ? page : await findVersion(deps.db, pageId, to)
  if (!b) return err('VERSION_NOT_FOUND', `Page ${pageId} has no version ${to}`)
  return ok({ from, to, ...diffPages(diffable(a), diffable(b)) })
}

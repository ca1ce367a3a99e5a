/**
 * The shopper's page: the published snapshot under this slug, or with a
 * valid preview token the current draft, plus every product its blocks
 * name (cards, grids, hotspots, slides, countdowns) at live price and stock (`{page, products}`). Unknown, unpublished
 * or mismatched pages are 404; an expired preview link is 403.
 */
import { productIdsOf } from '@core/content'
import type { PageDto, PageResponse } from '@core/contract/pages'
import { err, ok, type Result } from '@core/result'
import { findPageRow, findPreviewPageId, findPublishedBySlug } from '../../db/repos/page-repo'
import type { Deps } from '../../deps'
import { hashToken } from '../../ids'
import { loadProducts } from '../catalog/load-products'
import { withLaunches } from '../launch/on-sale'
import { shopperPage } from './page-view'

export async function readPage(
  deps: Deps,
  slug: string,
  previewToken?: string
): Promise<Result<PageResponse>> {
  let page: PageDto
  if (previewToken !== undefined) {
    const pageId = await findPreviewPageId(deps.db, hashToken(previewToken), deps.clock.now().toISOString())
    if (!pageId) return err('PREVIEW_EXPIRED', '预览链接已过期，请在后台重新生成')
    const draft = await findPageRow(deps.db, pageId)
    if (!draft || draft.slug !== slug) return err('PAGE_NOT_FOUND', `No page ${slug} for this preview link`)
    page = shopperPage(draft, draft.publishedAt)
  } else {
    const row = await findPublishedBySlug(deps.db, slug)
    if (!row) return err('PAGE_NOT_FOUND', `No published page ${slug}`)
    page = shopperPage(row, row.publishedAt)
  }
  // Products carry launchAt while a countdown's launch is still to come (即将开售).
  const products = await withLaunches(deps.db, await loadProducts(deps.db, productIdsOf(page.blocks)), deps.clock.now())
  return ok({ page, products: Object.fromEntries(products) })
}

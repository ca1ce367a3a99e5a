/**
 * Staff duplicate a page: a new draft with the current draft's content
 * (not its publication, schedule or versions), under the first free slug of
 * `<slug>-copy`, `<slug>-copy-2`, … and the title marked （副本）.
 */
import type { AdminPage } from '@core/contract/admin-pages'
import { err, ok, type Result } from '@core/result'
import { findPageRow, insertPage, newDraftRow, slugInUse } from '../../db/repos/page-repo'
import { isUniqueViolation } from '../../db/unique-violation'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { recordAudit } from '../audit/record-audit'
import { adminPage } from './page-view'

const MAX_SLUG = 64
const MAX_TITLE = 60

/** `base-copy`, `base-copy-2`…, cut so it stays within 64 characters and never ends in a hyphen. */
export function copySlug(base: string, n: number): string {
  const suffix = n === 1 ? '-copy' : `-copy-${n}`
  return `${base.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`
}

export function copyTitle(title: string): string {
  const mark = '（副本）'
  const chars = Array.from(title)
  return chars.length + mark.length <= MAX_TITLE ? `${title}${mark}` : `${chars.slice(0, MAX_TITLE - mark.length).join('')}${mark}`
}

export async function duplicatePage(deps: Deps, actorId: string, id: string): Promise<Result<AdminPage>> {
  const source = await findPageRow(deps.db, id)
  if (!source) return err('PAGE_NOT_FOUND', `No page ${id}`)
  const now = deps.clock.now().toISOString()
  for (let n = 1; n <= 50; n++) {
    const slug = copySlug(source.slug, n)
    if (await slugInUse(deps.db, slug, null)) continue
    const row = newDraftRow(
      newId('pg'),
      { slug, title: copyTitle(source.title), cover: source.cover, blocks: source.blocks, shareTitle: source.shareTitle, shareImageUrl: source.shareImageUrl },
      now
    )
    try {
      await deps.db.transaction().execute(async (trx) => {
        await insertPage(trx, row)
        await recordAudit(trx, deps.clock.now(), actorId, 'page.duplicate', { type: 'page', id: row.id }, { from: id, slug })
      })
      return ok(adminPage(row))
    } catch (e) {
      // Someone took this slug between the check and the insert: try the next one.
      if (!isUniqueViolation(e)) throw e
    }
  }
  return err('SLUG_TAKEN', `${source.slug} 的副本太多了，请先整理`, [{ path: 'slug', message: '没有空闲的副本链接名' }])
}

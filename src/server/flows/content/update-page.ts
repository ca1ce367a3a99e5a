/** Staff save the draft of a page; the published version stays live until the next publish. */
import type { AdminPage } from '@core/contract/admin-pages'
import { err, ok, type Result } from '@core/result'
import { findPageRow, updatePage } from '../../db/repos/page-repo'
import { isUniqueViolation } from '../../db/unique-violation'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'
import { checkPageInput, contentColumns } from './check-page-input'
import { adminPage } from './page-view'

export async function updatePageDraft(deps: Deps, actorId: string, id: string, body: unknown): Promise<Result<AdminPage>> {
  if (!(await findPageRow(deps.db, id))) return err('PAGE_NOT_FOUND', `No page ${id}`)
  const checked = await checkPageInput(deps.db, body, id)
  if (!checked.ok) return checked
  const now = deps.clock.now()
  const columns = { ...contentColumns(checked.value), updatedAt: now.toISOString() }
  try {
    const row = await deps.db.transaction().execute(async (trx) => {
      await updatePage(trx, id, columns)
      await recordAudit(trx, now, actorId, 'page.update', { type: 'page', id }, { slug: columns.slug })
      return findPageRow(trx, id)
    })
    return row ? ok(adminPage(row)) : err('PAGE_NOT_FOUND', `No page ${id}`)
  } catch (e) {
    if (isUniqueViolation(e)) return err('SLUG_TAKEN', `链接名 ${columns.slug} 已被使用`, [{ path: 'slug', message: '链接名已被使用' }])
    throw e
  }
}

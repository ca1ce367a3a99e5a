/** Staff create a draft page. Nothing is public until it is published. */
import type { AdminPage } from '@core/contract/admin-pages'
import { err, ok, type Result } from '@core/result'
import { insertPage, newDraftRow } from '../../db/repos/page-repo'
import { isUniqueViolation } from '../../db/unique-violation'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { recordAudit } from '../audit/record-audit'
import { checkPageInput, contentColumns } from './check-page-input'
import { adminPage } from './page-view'

export async function createPage(deps: Deps, actorId: string, body: unknown): Promise<Result<AdminPage>> {
  const checked = await checkPageInput(deps.db, body, null)
  if (!checked.ok) return checked
  const row = newDraftRow(newId('pg'), contentColumns(checked.value), deps.clock.now().toISOString())
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertPage(trx, row)
      await recordAudit(trx, deps.clock.now(), actorId, 'page.create', { type: 'page', id: row.id }, { slug: row.slug })
    })
  } catch (e) {
    if (isUniqueViolation(e)) return err('SLUG_TAKEN', `链接名 ${row.slug} 已被使用`, [{ path: 'slug', message: '链接名已被使用' }])
    throw e
  }
  return ok(adminPage(row))
}

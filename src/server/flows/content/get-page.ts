/** One page as staff see it. */
import type { AdminPage } from '@core/contract/admin-pages'
import { err, ok, type Result } from '@core/result'
import { findPageRow } from '../../db/repos/page-repo'
import type { Deps } from '../../deps'
import { adminPage } from './page-view'

export async function getPage(deps: Deps, id: string): Promise<Result<AdminPage>> {
  const row = await findPageRow(deps.db, id)
  return row ? ok(adminPage(row)) : err('PAGE_NOT_FOUND', `No page ${id}`)
}

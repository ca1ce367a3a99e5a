/**
 * Staff get a short-lived preview link for a page's current draft. The
 * token is random and stored hashed with its expiry, so any instance can
 * honour it.
 */
import { err, ok, type Result } from '@core/result'
import { addMs } from '../../clock'
import { deleteExpiredPreviewTokens, findPageRow, insertPreviewToken } from '../../db/repos/page-repo'
import type { Deps } from '../../deps'
import { hashToken, newToken } from '../../ids'

export const PREVIEW_TTL_MS = 30 * 60 * 1000

export async function createPreview(
  deps: Deps,
  actorId: string,
  pageId: string
): Promise<Result<{ token: string; url: string; expiresAt: string }>> {
  const page = await findPageRow(deps.db, pageId)
  if (!page) return err('PAGE_NOT_FOUND', `No page ${pageId}`)
  const now = deps.clock.now()
  const token = newToken()
  const expiresAt = addMs(now, PREVIEW_TTL_MS).toISOString()
  await deleteExpiredPreviewTokens(deps.db, now.toISOString())
  await insertPreviewToken(deps.db, { tokenHash: hashToken(token), pageId, expiresAt, createdBy: actorId })
  const url = `${deps.config.publicBaseUrl}/api/v1/pages/${encodeURIComponent(page.slug)}?preview=${token}`
  return ok({ token, url, expiresAt })
}

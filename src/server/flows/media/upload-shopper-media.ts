/**
 * POST /api/v1/media: a shopper's photo for an after-sales request (or an
 * avatar). JPEG, PNG or WebP by content, stored like staff uploads (content
 * hash names under MEDIA_DIR), at most SHOPPER_UPLOADS_PER_DAY a day per
 * shopper, the day being China's (it resets at midnight +08:00). The count
 * is checked before the file is written and again, under the shopper's
 * lock, before it is recorded, so parallel uploads cannot pass the limit.
 */
import type { MediaResponse } from '@core/contract/media'
import { err, ok, type Result } from '@core/result'
import type { Executor } from '../../db/database'
import { saveMedia } from '../../db/repos/media-repo'
import { countUploadsSince, insertShopperUpload, lockShopper } from '../../db/repos/shopper-upload-repo'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { sniffImage } from '../../media-types'
import { Rollback } from '../orders/rollback'
import { storeMediaFile } from './upload-media'

export const SHOPPER_UPLOADS_PER_DAY = 20
const DAY_MS = 24 * 60 * 60 * 1000
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/** Midnight in China (as a UTC instant) at or before `now`, and the next one. */
export function chinaDay(now: Date): { start: Date; end: Date } {
  const start = Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS
  return { start: new Date(start), end: new Date(start + DAY_MS) }
}

async function underLimit(db: Executor, userId: string, now: Date): Promise<Result<void>> {
  const { start, end } = chinaDay(now)
  if ((await countUploadsSince(db, userId, start.toISOString())) < SHOPPER_UPLOADS_PER_DAY) return ok(undefined)
  const retryAfterSeconds = Math.ceil((end.getTime() - now.getTime()) / 1000)
  return err('TOO_MANY_REQUESTS', `今天最多上传 ${SHOPPER_UPLOADS_PER_DAY} 张图片，请明天再试`, { limit: SHOPPER_UPLOADS_PER_DAY, retryAfterSeconds })
}

export async function uploadShopperMedia(deps: Deps, userId: string, bytes: Buffer): Promise<Result<MediaResponse>> {
  const type = sniffImage(bytes)
  if (!type || type.ext === 'gif') {
    return err('UNSUPPORTED_FILE_TYPE', '请上传 JPEG、PNG 或 WebP 图片（按文件内容判断）')
  }
  const now = deps.clock.now()
  const early = await underLimit(deps.db, userId, now)
  if (!early.ok) return early
  const { fileName, sha256 } = await storeMediaFile(deps, bytes, type)
  try {
    await deps.db.transaction().execute(async (trx) => {
      await lockShopper(trx, deps.database.dialect, userId)
      const limit = await underLimit(trx, userId, now)
      if (!limit.ok) throw new Rollback(limit)
      const at = now.toISOString()
      await saveMedia(trx, { id: newId('med'), fileName, mime: type.mime, sizeBytes: bytes.length, sha256, createdBy: userId, createdAt: at })
      await insertShopperUpload(trx, { id: newId('upl'), userId, fileName, createdAt: at })
    })
  } catch (e) {
    if (e instanceof Rollback) return e.result
    throw e
  }
  return ok({ url: `${deps.config.publicBaseUrl}/media/${fileName}` })
}

/**
 * Staff upload an image: checked by magic bytes, stored under MEDIA_DIR
 * with a content-hash name (so `/media/` can be cached forever), recorded
 * in `media`. With several instances MEDIA_DIR must be a shared volume.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Media } from '@core/contract/admin-media'
import { err, ok, type Result } from '@core/result'
import { saveMedia } from '../../db/repos/media-repo'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { sniffImage, type ImageType } from '../../media-types'
import { recordAudit } from '../audit/record-audit'

/** Writes the bytes under MEDIA_DIR by content hash (once) and answers the file name and hash. */
export async function storeMediaFile(deps: Deps, bytes: Buffer, type: ImageType): Promise<{ fileName: string; sha256: string }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const fileName = `${sha256.slice(0, 32)}.${type.ext}`
  const dir = resolve(deps.config.mediaDir)
  const target = join(dir, fileName)
  if (!existsSync(target)) {
    // Write then rename, so a reader never sees half a file.
    const tmp = join(dir, `.${fileName}.${newId('tmp')}`)
    await writeFile(tmp, bytes)
    await rename(tmp, target)
  }
  return { fileName, sha256 }
}

export async function uploadMedia(deps: Deps, actorId: string, bytes: Buffer): Promise<Result<Media>> {
  const type = sniffImage(bytes)
  if (!type) {
    return err('UNSUPPORTED_FILE_TYPE', 'Upload a JPEG, PNG, GIF or WebP image (checked by content, not by name)')
  }
  const { fileName, sha256 } = await storeMediaFile(deps, bytes, type)
  const now = deps.clock.now()
  const row = await deps.db.transaction().execute(async (trx) => {
    const saved = await saveMedia(trx, {
      id: newId('med'),
      fileName,
      mime: type.mime,
      sizeBytes: bytes.length,
      sha256,
      createdBy: actorId,
      createdAt: now.toISOString()
    })
    await recordAudit(trx, now, actorId, 'media.upload', { type: 'media', id: saved.id }, { fileName })
    return saved
  })
  const path = `/media/${row.fileName}`
  return ok({ id: row.id, url: `${deps.config.publicBaseUrl}${path}`, path, mime: row.mime, sizeBytes: row.sizeBytes })
}

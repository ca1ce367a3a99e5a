/**
 * Puts the demo's pictures and clip where uploads go. Images go through the
 * staff upload flow itself (type sniffing, content-hash names, audit); the
 * clip, a type staff cannot upload, is stored the same way by hand so that
 * GET /media/ serves it like any other file.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { saveMedia } from '../db/repos/media-repo'
import type { Deps } from '../deps'
import { newId } from '../ids'
import { uploadMedia } from '../flows/media/upload-media'

/** Stores a PNG/JPEG and answers its `/media/…` path (paths, not URLs, survive a port change). */
export async function storeImage(deps: Deps, actorId: string, bytes: Buffer): Promise<string> {
  const stored = await uploadMedia(deps, actorId, bytes)
  if (!stored.ok) throw new Error(`demo seed: an image was refused: ${stored.error.code} ${stored.error.message}`)
  return stored.value.path
}

export async function storeVideo(deps: Deps, actorId: string, mp4: Buffer): Promise<string> {
  if (mp4.subarray(4, 8).toString('latin1') !== 'ftyp') throw new Error('demo seed: the clip is not an MP4')
  const sha256 = createHash('sha256').update(mp4).digest('hex')
  const fileName = `${sha256.slice(0, 32)}.mp4`
  const dir = resolve(deps.config.mediaDir)
  const target = join(dir, fileName)
  if (!existsSync(target)) {
    const tmp = join(dir, `.${fileName}.${newId('tmp')}`)
    await writeFile(tmp, mp4)
    await rename(tmp, target)
  }
  await saveMedia(deps.db, {
    id: newId('med'),
    fileName,
    mime: 'video/mp4',
    sizeBytes: mp4.length,
    sha256,
    createdBy: actorId,
    createdAt: deps.clock.now().toISOString()
  })
  return `/media/${fileName}`
}

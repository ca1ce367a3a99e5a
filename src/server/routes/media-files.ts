/**
 * GET /media/:file: uploaded images (and MP4 clips the demo seed stores).
 * Names are content hashes (flows/media/upload-media.ts), so the bytes
 * behind a URL never change and the answer may be cached for a year. Only
 * names of the shape we mint are looked up, so no path can leave MEDIA_DIR.
 * NOTE: video players (iOS, WeChat's <video>) fetch with Range and need a
 * 206 answer; one `bytes=a-b` range is honoured, anything else gets the whole file.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { errorResponses } from '@core/contract/common'
import { mediaFileParams, mediaFileResponses } from '@core/contract/media'
import { AppError } from '../http/app-error'
import type { RegisterRoutes } from './route'

const NAME = /^[0-9a-f]{32}\.(jpg|png|gif|webp|mp4)$/
const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', mp4: 'video/mp4' }
const RANGE = /^bytes=(\d*)-(\d*)$/

export const mediaFileRoutes: RegisterRoutes = (app, deps) => {
  const root = resolve(deps.config.mediaDir)
  const schema = { tags: ['media'], params: mediaFileParams, response: { ...mediaFileResponses, ...errorResponses } }
  app.get('/media/:file', { schema }, async (request, reply) => {
    const { file } = request.params
    const m = NAME.exec(file)
    const notFound = new AppError(404, 'MEDIA_NOT_FOUND', `No media file ${file}`)
    if (!m?.[1]) throw notFound
    const path = join(root, file)
    const info = await stat(path).catch(() => null)
    if (!info?.isFile()) throw notFound
    const etag = `"${file.slice(0, 32)}"`
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
    if (request.headers['if-none-match'] === etag) return reply.status(304).send()
    reply.header('content-type', MIME[m[1]]).header('accept-ranges', 'bytes')
    const range = RANGE.exec(request.headers.range ?? '')
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]))
      const end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1
      if (start > end || start >= info.size) {
        return reply.status(416).header('content-range', `bytes */${info.size}`).send()
      }
      reply.status(206).header('content-range', `bytes ${start}-${end}/${info.size}`).header('content-length', end - start + 1)
      return reply.send(createReadStream(path, { start, end }))
    }
    reply.header('content-length', info.size)
    return reply.send(createReadStream(path))
  })
}

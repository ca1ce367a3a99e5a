/** POST /api/admin/media: one multipart file field → 201 `{media}`. */
import { adminMediaResponse } from '@core/contract/admin-media'
import { errorResponses } from '@core/contract/common'
import { UPLOAD_LIMIT_BYTES } from '../app'
import { AppError, must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { uploadMedia } from '../flows/media/upload-media'
import type { RegisterRoutes } from './route'

export const adminMediaRoutes: RegisterRoutes = (app, deps) => {
  const schema = {
    tags: ['staff: media'],
    security: [{ staff: [] }],
    description: `multipart/form-data with one file field: a JPEG, PNG, GIF or WebP image (checked by content) of at most ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB`,
    consumes: ['multipart/form-data'],
    response: { 201: adminMediaResponse, ...errorResponses }
  }
  app.post('/api/admin/media', { onRequest: requireStaff(deps), config: { multipart: true }, schema }, async (request, reply) => {
    const file = await request.file()
    if (!file) throw new AppError(400, 'VALIDATION_FAILED', 'Send the image as a multipart file field', [{ path: 'file', message: 'required' }])
    // toBuffer() throws FST_REQ_FILE_TOO_LARGE past the limit (mapped to 413) only when the
    // limit is hit mid-read; busboy may flag `truncated` after the last chunk instead.
    const bytes = await file.toBuffer()
    if (file.file.truncated) {
      throw new AppError(413, 'FILE_TOO_LARGE', `Images may be at most ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB`)
    }
    const media = must(await uploadMedia(deps, staffOf(request).id, bytes))
    return reply.status(201).send({ media })
  })
}

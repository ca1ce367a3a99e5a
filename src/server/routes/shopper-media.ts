/**
 * POST /api/v1/media: one multipart file field (JPEG/PNG/WebP by content,
 * ≤ 5 MB) → 201 {url}; 429 TOO_MANY_REQUESTS with Retry-After past the
 * daily limit.
 */
import { errorResponses } from '@core/contract/common'
import { mediaResponse } from '@core/contract/media'
import { UPLOAD_LIMIT_BYTES } from '../app'
import { AppError, must } from '../http/app-error'
import { requireShopper, shopperOf } from '../http/guards'
import { uploadShopperMedia } from '../flows/media/upload-shopper-media'
import type { RegisterRoutes } from './route'

export const shopperMediaRoutes: RegisterRoutes = (app, deps) => {
  const schema = {
    tags: ['shopper: after-sales'],
    security: [{ shopper: [] }],
    consumes: ['multipart/form-data'],
    response: { 201: mediaResponse, ...errorResponses }
  }
  app.post('/api/v1/media', { onRequest: requireShopper(deps), schema }, async (request, reply) => {
    const file = await request.file()
    if (!file) throw new AppError(400, 'VALIDATION_FAILED', 'Send the image as a multipart file field', [{ path: 'file', message: 'required' }])
    const bytes = await file.toBuffer()
    if (file.file.truncated) throw new AppError(413, 'FILE_TOO_LARGE', `Images may be at most ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB`)
    const uploaded = await uploadShopperMedia(deps, shopperOf(request).userId, bytes)
    if (!uploaded.ok && uploaded.error.code === 'TOO_MANY_REQUESTS') {
      reply.header('retry-after', String((uploaded.error.details as { retryAfterSeconds: number }).retryAfterSeconds))
    }
    return reply.status(201).send(must(uploaded))
  })
}

/**
 * CSRF defence for staff writes, together with the SameSite=Strict cookie
 * (CONTRACT.md): a write under /api/admin must be JSON or bodiless. A
 * cross-site <form> can only send urlencoded, multipart or text/plain, so
 * it is refused with 415 before the body is parsed (preParsing: after the
 * route's auth guard, so strangers still get 401 first). The upload route opts
 * into multipart with `config: { multipart: true }`.
 */
import type { FastifyInstance } from 'fastify'
import { AppError } from './app-error'

declare module 'fastify' {
  interface FastifyContextConfig {
    multipart?: boolean
  }
}

export function installJsonOnlyForStaffWrites(app: FastifyInstance): void {
  app.addHook('preParsing', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return
    if (!request.url.startsWith('/api/admin/')) return
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
    const multipart = request.routeOptions.config.multipart === true
    if (multipart ? type === 'multipart/form-data' : type === '' || type === 'application/json') return
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      multipart ? 'Upload with Content-Type: multipart/form-data' : 'Staff writes take Content-Type: application/json'
    )
  })
}

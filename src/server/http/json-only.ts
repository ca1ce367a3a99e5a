/**
 * CSRF defence for staff writes, together with the SameSite=Strict cookie
 * (docs/api.md "Staff writes and CSRF"): every write (any method but GET/HEAD/OPTIONS) to a staff
 * route must say Content-Type: application/json, bodiless ones included:
 * a cross-site <form> can only send urlencoded, multipart or text/plain, and
 * nothing cross-site can send JSON without a CORS preflight we never grant.
 * The route is the matched one (`routeOptions.url`), not the raw URL, so
 * `/api/%61dmin/…` is judged like `/api/admin/…`. A browser's own word that
 * the request is cross-site (`Sec-Fetch-Site: cross-site`, or an `Origin`
 * other than ours) is refused with 403 CROSS_SITE.
 * Runs in preParsing: after the route's auth guard (strangers still get 401
 * first) and before the body is read. The upload route opts into multipart
 * with `config: { multipart: true }`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from './app-error'

declare module 'fastify' {
  interface FastifyContextConfig {
    multipart?: boolean
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

export function isStaffRoute(request: FastifyRequest): boolean {
  const route = request.routeOptions.url
  return route !== undefined && (route === '/api/admin' || route.startsWith('/api/admin/'))
}

export function installJsonOnlyForStaffWrites(app: FastifyInstance, publicBaseUrl: string): void {
  const publicOrigin = originOf(publicBaseUrl)
  app.addHook('preParsing', async (request) => {
    if (SAFE_METHODS.has(request.method) || !isStaffRoute(request)) return

    if (request.headers['sec-fetch-site'] === 'cross-site') {
      throw new AppError(403, 'CROSS_SITE', 'Staff writes are refused from another site')
    }
    const origin = request.headers.origin
    if (origin !== undefined) {
      const own = `${request.protocol}://${request.host}`
      if (origin !== own && origin !== publicOrigin) {
        throw new AppError(403, 'CROSS_SITE', `Staff writes are refused from origin ${origin.slice(0, 100)}`)
      }
    }

    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
    const multipart = request.routeOptions.config.multipart === true
    if (multipart ? type === 'multipart/form-data' : type === 'application/json') return
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      multipart ? 'Upload with Content-Type: multipart/form-data' : 'Staff writes take Content-Type: application/json (send {} when there is nothing to say)'
    )
  })
}

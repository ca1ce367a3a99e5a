/**
 * Staff sessions: POST logs in (sets the httpOnly, SameSite=Strict cookie),
 * DELETE logs out, GET says who is logged in (for the admin web's first
 * paint).
 */
import { z } from 'zod'
import { errorResponses } from '@core/contract/common'
import { sessionRequest, staffResponse } from '@core/contract/staff'
import { must } from '../http/app-error'
import { clearSessionCookie, readCookie, setSessionCookie } from '../http/cookies'
import { requireStaff, staffOf, STAFF_COOKIE } from '../http/guards'
import { staffLogin } from '../flows/staff/staff-login'
import { staffLogout } from '../flows/staff/staff-logout'
import type { RegisterRoutes } from './route'

const tags = ['staff: session']
const security = [{ staff: [] }]

export const adminSessionRoutes: RegisterRoutes = (app, deps) => {
  const secure = deps.config.publicBaseUrl.startsWith('https://')

  app.post(
    '/api/admin/session',
    { schema: { tags, body: sessionRequest, response: { 200: staffResponse, ...errorResponses } } },
    async (request, reply) => {
      const result = await staffLogin(deps, { ...request.body, ip: request.ip })
      if (!result.ok && result.error.code === 'RATE_LIMITED') {
        const { retryAfterSeconds } = (result.error.details ?? {}) as { retryAfterSeconds?: number }
        reply.header('retry-after', String(retryAfterSeconds ?? 900))
      }
      const { token, expiresAt, staff } = must(result)
      setSessionCookie(reply, STAFF_COOKIE, token, { expires: expiresAt, secure })
      return { staff }
    }
  )

  app.get(
    '/api/admin/session',
    { onRequest: requireStaff(deps), schema: { tags, security, response: { 200: staffResponse, ...errorResponses } } },
    async (request) => ({ staff: staffOf(request) })
  )

  app.delete(
    '/api/admin/session',
    { schema: { tags, response: { 204: z.null().describe('logged out; the cookie is cleared'), ...errorResponses } } },
    async (request, reply) => {
      await staffLogout(deps, readCookie(request, STAFF_COOKIE))
      clearSessionCookie(reply, STAFF_COOKIE, secure)
      return reply.status(204).send(null)
    }
  )
}

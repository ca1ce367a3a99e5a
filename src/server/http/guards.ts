/**
 * Who may call a route. Staff routes read the session cookie and answer
 * 401 UNAUTHENTICATED without one (a shopper's bearer token is not a staff
 * session) and 403 FORBIDDEN when the role is too small; shopper routes
 * read `Authorization: Bearer TOKEN`.
 * Use them as the route's `onRequest` hook: they then run before the body
 * is read, so an unauthenticated caller costs no parsing and always gets
 * 401 first, whatever it sent.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps'
import { authenticateStaff } from '../flows/staff/authenticate-staff'
import type { Role, Staff } from '@core/contract/staff'
import { authenticateShopper } from '../flows/shopper/authenticate-shopper'
import { AppError } from './app-error'
import { readCookie } from './cookies'

export const STAFF_COOKIE = 'sid'

declare module 'fastify' {
  interface FastifyRequest {
    staff: Staff | null
    shopper: { userId: string } | null
  }
}

type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>

export function requireStaff(deps: Deps, role: Role = 'editor'): PreHandler {
  return async (request) => {
    const staff = await authenticateStaff(deps, readCookie(request, STAFF_COOKIE))
    if (!staff) throw new AppError(401, 'UNAUTHENTICATED', 'Log in at POST /api/admin/session first')
    if (role === 'admin' && staff.role !== 'admin') {
      throw new AppError(403, 'FORBIDDEN', 'Only an admin may do this')
    }
    request.staff = staff
  }
}

/** The signed-in staff member; only valid after requireStaff ran. */
export function staffOf(request: FastifyRequest): Staff {
  if (!request.staff) throw new Error('staffOf() on a route without requireStaff')
  return request.staff
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')
  return m?.[1]
}

export function requireShopper(deps: Deps): PreHandler {
  return async (request) => {
    const shopper = await authenticateShopper(deps, bearerToken(request))
    if (!shopper) throw new AppError(401, 'UNAUTHENTICATED', 'Log in with POST /api/v1/auth/login and send Authorization: Bearer TOKEN')
    request.shopper = shopper
  }
}

export function shopperOf(request: FastifyRequest): { userId: string } {
  if (!request.shopper) throw new Error('shopperOf() on a route without requireShopper')
  return request.shopper
}

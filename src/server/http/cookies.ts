/**
 * The staff session cookie, read and written by hand.
 * NOTE: @fastify/cookie loads the ESM-only `cookie` package with a dynamic
 * import(), which jest's CommonJS runtime cannot execute; our one cookie
 * (a base64url token) needs no encoding, so a few lines do the job.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined
  }
  return undefined
}

export interface CookieOptions {
  expires: Date
  secure: boolean
}

/** httpOnly (no script reads it) and SameSite=Strict (no cross-site request carries it). */
export function setSessionCookie(reply: FastifyReply, name: string, value: string, opts: CookieOptions): void {
  const parts = [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Expires=${opts.expires.toUTCString()}`]
  if (opts.secure) parts.push('Secure')
  reply.header('set-cookie', parts.join('; '))
}

export function clearSessionCookie(reply: FastifyReply, name: string, secure: boolean): void {
  setSessionCookie(reply, name, '', { expires: new Date(0), secure })
}

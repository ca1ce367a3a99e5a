/**
 * Ids and secrets. Ids are random text (no autoincrement) so both dialects
 * and several instances mint them without coordination; the prefix says
 * what an id names when it shows up in a log.
 */
import { createHash, randomBytes } from 'node:crypto'

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`
}

/** A bearer secret handed to a client; only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

// Ids are made by the server or the client (never in core: no randomness
// here); core only checks their shape before they reach storage or WeChat.
import { err, ok, type Result } from './result'

/** Letters, digits, `_` and `-`, 1–64 characters: fits uuid, ulid, nanoid and numeric ids. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value)
}

export function validateId(value: unknown, name = 'id'): Result<string, 'INVALID_ID'> {
  return isId(value)
    ? ok(value)
    : err('INVALID_ID', `${name} must be 1–64 letters, digits, "_" or "-"`, { name, value })
}

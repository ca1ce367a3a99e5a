/**
 * Opaque list cursors: the sort key of the last item of a page, base64url
 * JSON. A cursor a client mangled is a 400 INVALID_CURSOR, not a 500.
 */
import { err, ok, type Result } from '@core/result'

export interface Position {
  at: string
  id: string
}

export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.at, p.id])).toString('base64url')
}

export function decodeCursor(cursor: string | undefined): Result<Position | undefined> {
  if (cursor === undefined || cursor === '') return ok(undefined)
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') {
      return ok({ at: v[0], id: v[1] })
    }
  } catch {
    // fall through: any undecodable cursor gets the same answer
  }
  return err('INVALID_CURSOR', 'cursor is not one this server handed out')
}

/** Fetch limit+1 rows, answer limit of them, and a cursor when there were more. */
export function page<T>(rows: T[], limit: number, key: (row: T) => Position) {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null }
}

/**
 * Shapes every route shares: the error body, ids in paths, list pages.
 * The contract folder holds the zod schema of every request and answer of
 * the HTTP API; the server validates with them (fastify-type-provider-zod)
 * and generates /api/docs from them, the admin and the app import the
 * inferred types. The app imports types only (`import type`), so zod's
 * classic build stays out of the mini-program's bundle.
 */
import { z } from 'zod'
import type { ErrorCode } from '../error-codes'
import { ID_PATTERN } from '../ids'

/** Every error answer: `{"error":{"code":"UPPER_SNAKE","message":"…","details":…}}`. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('UPPER_SNAKE error code'),
      message: z.string().describe('for the developer; clients show their own text per code'),
      details: z.unknown().describe('for VALIDATION_FAILED and INVALID_*: [{path, message}]')
    })
  })
  .meta({ id: 'ErrorBody' })
export type ErrorBody = z.infer<typeof errorBody>

/** The error answers every route may give, for the OpenAPI document. */
export const errorResponses = { '4xx': errorBody, '5xx': errorBody } as const

export const id = z.string().regex(ID_PATTERN, 'not an id')
export const idParams = z.object({ id })

/** ISO-8601 date-time text, as every answer writes times. */
export const isoTime = z.string().describe('ISO-8601 date-time')

/** A list: `{items, nextCursor}`; nextCursor is null on the last page. */
export const paged = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() })
export type Paged<T> = { items: T[]; nextCursor: string | null }

export const pageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20)
})
export type PageQuery = { cursor?: string; limit?: number }

/** A report: `{rows}`. */
export const rows = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row) })
export type Rows<T> = { rows: T[] }

/** `{ ok: true }` answers of actions with nothing else to say. */
export const okAnswer = z.object({ ok: z.literal(true) })

const fieldCodes = new WeakMap<object, ErrorCode>()

/**
 * A request field whose failure answers its own code (`INVALID_ITEMS`,
 * `INVALID_ADDRESS`) instead of VALIDATION_FAILED, so clients keep the
 * codes they already handle; the schema itself still documents the field.
 */
export function coded<T extends z.core.$ZodType>(schema: T, code: ErrorCode): T {
  fieldCodes.set(schema, code)
  return schema
}

/** The code `coded` gave this schema, if any. */
export function codeOf(schema: unknown): ErrorCode | undefined {
  return typeof schema === 'object' && schema !== null ? fieldCodes.get(schema) : undefined
}

/**
 * Request validation with zod: a failed parse becomes 400 VALIDATION_FAILED
 * with details `[{path, message}]`, paths dotted like core's FieldIssue
 * (`skus.0.priceFen`), so every client reads one error shape. A field marked
 * with core's `coded()` answers its own code (INVALID_ITEMS) instead; so does
 * a whole body marked with it (INVALID_AFTER_SALE), for any of its fields,
 * and an issue that names its own code in `params.code`.
 */
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify'
import { z } from 'zod'
import { codeOf } from '@core/contract/common'
import { isErrorCode, type ErrorCode } from '@core/error-codes'
import { NUL_MESSAGE, nulIssues } from '@core/text'
import type { FieldIssue } from '@core/result'
import { AppError } from './app-error'

export function issuesOf(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.'),
    message: i.message
  }))
}

/** A check that refuses with its own code (core's validatePageInput → INVALID_PAGE) puts it in the issue's `params.code`. */
function ownCodeOf(issue: z.core.$ZodIssue | undefined): ErrorCode | undefined {
  const code = issue?.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined
  return isErrorCode(code) ? code : undefined
}

const PART_NAMES: Record<string, string> = { body: 'request', querystring: 'query', params: 'path', headers: 'headers' }

/** Fastify's validator compiler for the routes' zod schemas (`schema: { body, querystring, params, headers }`). */
export const schemaValidator: FastifySchemaCompiler<z.core.$ZodType> = ({ schema, httpPart }) => (data) => {
  const result = z.safeParse(schema, data)
  if (result.success) return { value: result.data }
  const issues = issuesOf(result.error)
  const first = result.error.issues[0]
  const field = first && first.path.length > 0 && schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>)[String(first.path[0])] : undefined
  const code = ownCodeOf(first) ?? codeOf(field) ?? codeOf(schema)
  if (code && first) return { error: new AppError(400, code, first.message, issues) }
  return { error: new AppError(400, 'VALIDATION_FAILED', `The ${PART_NAMES[httpPart ?? 'body'] ?? 'request'} is not valid`, issues) }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route validates each item itself and keeps the good ones (POST /events): no whole-request U+0000 refusal. */
    perItemText?: boolean
  }
}

/**
 * U+0000 anywhere in the path, query or JSON body is bad input on every
 * route (PostgreSQL cannot store it; it answered 500): 400 VALIDATION_FAILED
 * naming each field, before any handler runs. Body fields are named as in
 * the body (`title`, `address.detail`), the others as `query.…` / `params.…`.
 */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.perItemText === true) return
    const issues = [
      ...nulIssues(request.params, 'params'),
      ...nulIssues(request.query, 'query'),
      ...(Buffer.isBuffer(request.body) ? [] : nulIssues(request.body))
    ]
    if (issues.length > 0) throw new AppError(400, 'VALIDATION_FAILED', `Text ${NUL_MESSAGE}`, issues)
  })
}

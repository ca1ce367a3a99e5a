/**
 * Request validation with zod: a failed parse becomes 400 VALIDATION_FAILED
 * with details `[{path, message}]`, paths dotted like core's FieldIssue
 * (`skus.0.priceFen`), so every client reads one error shape.
 */
import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import { NUL_MESSAGE, nulIssues } from '@core/text'
import type { FieldIssue } from '@core/result'
import { AppError } from './app-error'

export function issuesOf(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.'),
    message: i.message
  }))
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw new AppError(400, 'VALIDATION_FAILED', `The ${what} is not valid`, issuesOf(result.error))
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

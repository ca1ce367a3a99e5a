/**
 * Request validation with zod: a failed parse becomes 400 VALIDATION_FAILED
 * with details `[{path, message}]`, paths dotted like core's FieldIssue
 * (`skus.0.priceFen`), so every client reads one error shape.
 */
import type { z } from 'zod'
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

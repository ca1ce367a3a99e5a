// Zod issues → our FieldIssue list, with dotted paths ('blocks.2.image') that
// the admin uses to put each message next to its field.
import type { FieldIssue } from './result'

type IssueLike = { path: ReadonlyArray<PropertyKey>; message: string }

export function toFieldIssues(issues: readonly IssueLike[], prefix?: string): FieldIssue[] {
  return issues.map((issue) => ({
    path: [...(prefix ? [prefix] : []), ...issue.path.map(String)].join('.') || '(root)',
    message: issue.message
  }))
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// U+0000 in text: PostgreSQL cannot store it in a text column (and a C string
// ends there), so it is bad input on every side, refused field by field.
import type { FieldIssue } from './result'

export const NUL = '\u0000'
export const NUL_MESSAGE = 'must not contain the character U+0000'

export function hasNul(text: string): boolean {
  return text.includes(NUL)
}

/**
 * Every string (and object key) inside `value` that contains U+0000, as a
 * field issue with a dotted path (`blocks.2.text`, `props.note`). Stops
 * looking below `maxDepth` levels: deeper input is refused by the schemas anyway.
 */
export function nulIssues(value: unknown, prefix = '', maxDepth = 32): FieldIssue[] {
  const issues: FieldIssue[] = []
  const walk = (v: unknown, path: string, depth: number) => {
    if (typeof v === 'string') {
      if (hasNul(v)) issues.push({ path: path || '(root)', message: NUL_MESSAGE })
      return
    }
    if (typeof v !== 'object' || v === null || depth > maxDepth) return
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, path ? `${path}.${i}` : String(i), depth + 1))
      return
    }
    for (const [key, item] of Object.entries(v)) {
      const at = path ? `${path}.${key}` : key
      if (hasNul(key)) issues.push({ path: at.split(NUL).join('\\u0000'), message: `a field name ${NUL_MESSAGE}` })
      walk(item, at, depth + 1)
    }
  }
  walk(value, prefix, 0)
  return issues
}

/**
 * Server and core field problems (`{path:'skus.0.priceFen', message}`) →
 * where forms show them: antd Form field names, or a path → message map for
 * editors that lay fields out by hand (the block editor).
 */
import type { FormInstance } from 'antd'
import type { FieldIssue } from '@core/result'

export type ErrorMap = Record<string, string>

export function pathToName(path: string): Array<string | number> {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

/** The first message for each path. */
export function toErrorMap(issues: readonly FieldIssue[]): ErrorMap {
  const map: ErrorMap = {}
  for (const issue of issues) if (!(issue.path in map)) map[issue.path] = issue.message
  return map
}

/** Puts each problem on its form field; returns the problems no field of the form showed. */
export function applyToForm(form: FormInstance, issues: readonly FieldIssue[], fieldPaths?: readonly string[]): FieldIssue[] {
  const shown = issues.filter((i) => !fieldPaths || fieldPaths.some((p) => i.path === p || i.path.startsWith(`${p}.`)))
  form.setFields(shown.map((i) => ({ name: pathToName(i.path), errors: [i.message] })))
  return issues.filter((i) => !shown.includes(i))
}

/** Messages of the map at `prefix` or under it (a block's own problems). */
export function errorsUnder(errors: ErrorMap, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
    .map(([, message]) => message)
}

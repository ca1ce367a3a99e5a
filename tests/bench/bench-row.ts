/**
 * The one shape every benchmark's run() answers, and `npm run bench` (run.ts)
 * prints as one table and writes to results.json:
 *
 *   { figure: 'weapp main package', value: 412.3, unit: 'KB', target: '≤ 600', ratio: 0.687 }
 *
 * `target` is the bound the figure is judged by, with its direction, in the
 * figure's unit; `ratio` is value ÷ that bound (a "≤" target is met at ratio
 * ≤ 1, a "≥" target at ratio ≥ 1), null for a bound of 0 (nothing to divide
 * by; "≤ 0 failures" is judged on the value). Figures shown only for context
 * (the empty route's req/s beside the page's) have target and ratio null.
 */
export interface BenchRow {
  figure: string
  value: number
  unit: string
  target: string | null
  ratio: number | null
}

export type Bound = { atMost: number } | { atLeast: number }

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits

export function row(figure: string, value: number, unit: string, bound?: Bound): BenchRow {
  if (!Number.isFinite(value)) throw new Error(`bench figure "${figure}" is not a number: ${value}`)
  if (!bound) return { figure, value, unit, target: null, ratio: null }
  const limit = 'atMost' in bound ? bound.atMost : bound.atLeast
  return { figure, value, unit, target: `${'atMost' in bound ? '≤' : '≥'} ${limit}`, ratio: limit === 0 ? null : round(value / limit, 3) }
}

/** Whether a row meets its target, judged on the value: null for context rows, or a target without a direction. */
export function meetsTarget(r: BenchRow): boolean | null {
  if (r.target === null) return null
  const m = /^\s*(≤|<=|≥|>=)\s*(-?[\d.]+)/.exec(String(r.target))
  if (!m) return null
  const limit = Number(m[2])
  return m[1] === '≤' || m[1] === '<=' ? r.value <= limit : r.value >= limit
}

/**
 * `npm run bench`: every tests/bench/*.bench.ts, one after the other (they
 * measure throughput, so never two at once), each run() answering BenchRow[]
 * (bench-row.ts). Prints one table (bench, figure, value, target, ratio,
 * verdict) and writes it with the machine's description to
 * tests/bench/results.json.
 *
 *   npm run bench                     # all; writes results.json
 *   npm run bench -- pages-read       # only benches whose name contains an argument; prints only
 *
 * Exits non-zero when a bench fails to run or a figure misses its target.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { meetsTarget, type BenchRow } from './bench-row'

export interface ResultRow extends BenchRow {
  bench: string
}

const RESULTS = path.join(__dirname, 'results.json')

function checkRows(bench: string, answer: unknown): BenchRow[] {
  if (!Array.isArray(answer)) throw new Error(`${bench}: run() must answer BenchRow[] (see tests/bench/bench-row.ts), got ${typeof answer}`)
  for (const [i, r] of answer.entries()) {
    const ok =
      r && typeof r.figure === 'string' && typeof r.value === 'number' && Number.isFinite(r.value) && typeof r.unit === 'string' &&
      (r.target === null || typeof r.target === 'string' || typeof r.target === 'number') && (r.ratio === null || typeof r.ratio === 'number')
    if (!ok) throw new Error(`${bench}: row ${i} is not {figure, value, unit, target, ratio}: ${JSON.stringify(r)}`)
  }
  return answer as BenchRow[]
}

const formatNumber = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 3 }))
const verdict = (r: BenchRow) => ({ true: 'ok', false: 'MISS', null: '' })[String(meetsTarget(r)) as 'true' | 'false' | 'null']

export function formatTable(rows: ResultRow[]): string {
  const cells = [
    ['bench', 'figure', 'value', 'target', 'ratio', 'verdict'],
    ...rows.map((r) => [r.bench, r.figure, `${formatNumber(r.value)} ${r.unit}`, r.target === null ? '—' : `${r.target} ${r.unit}`, r.ratio === null ? '—' : r.ratio.toFixed(3), verdict(r)])
  ]
  // Widths count characters, so figure names stay free of double-width (CJK) text.
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)))
  const right = new Set([2, 3, 4])
  const line = (row: string[]) => row.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd()
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  ').trimEnd(), ...cells.slice(1).map(line)].join('\n')
}

async function main(filters: string[]): Promise<number> {
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).sort()
  if (files.length === 0) throw new Error('no benchmarks found in tests/bench')
  const chosen = filters.length === 0 ? files : files.filter((f) => filters.some((word) => f.includes(word)))
  if (chosen.length === 0) throw new Error(`no benchmark matches ${filters.join(', ')}; there are: ${files.join(', ')}`)

  const rows: ResultRow[] = []
  const failures: Array<{ bench: string; error: string }> = []
  for (const file of chosen) {
    const bench = file.replace(/\.bench\.ts$/, '')
    console.log(`\n### ${bench}`)
    const started = Date.now()
    try {
      const mod = (await import(path.join(__dirname, file))) as { run?: () => Promise<unknown> }
      if (typeof mod.run !== 'function') throw new Error(`${file} must export run()`)
      rows.push(...checkRows(bench, await mod.run()).map((r) => ({ bench, ...r })))
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e)
      console.error(`${bench} FAILED: ${error}`)
      failures.push({ bench, error: e instanceof Error ? e.message : String(e) })
    }
    console.log(`(${bench}: ${((Date.now() - started) / 1000).toFixed(1)} s)`)
  }

  console.log(`\n${formatTable(rows)}`)
  const misses = rows.filter((r) => meetsTarget(r) === false)
  for (const f of failures) console.log(`FAILED ${f.bench}: ${f.error}`)
  for (const m of misses) console.log(`MISSED ${m.bench} / ${m.figure}: ${formatNumber(m.value)} ${m.unit}, target ${m.target}`)

  if (filters.length === 0) {
    const report = {
      ranAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` },
      rows,
      failures
    }
    fs.writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`)
    console.log(`\nwrote ${path.relative(process.cwd(), RESULTS)}`)
  }
  return failures.length > 0 || misses.length > 0 ? 1 : 0
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e)
      process.exit(1)
    }
  )
}

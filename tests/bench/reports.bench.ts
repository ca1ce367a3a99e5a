/**
 * The brand's reports over 1,000,000 synthetic events (gen-events.ts:
 * organic and shared arrivals, share chains up to several hops, logins
 * binding devices, orders with their attribution), on SQLite. Each report
 * runs over the whole 30 days (the most it reads), once cold and then
 * several times; the figure is the median, target ≤ 300 ms. `npm run bench`
 * measures every report at 100k and at 1M events in the same run, and
 * their ratio (target ≤ 5: a report must not grow with history).
 *
 * The generated database is kept under the OS temp dir, keyed by the
 * generator's source, the migrations and the size, so a second run skips
 * the minute or two of generation.
 *
 *   npx tsx tests/bench/reports.bench.ts            # prints the table
 *   BENCH_EVENTS=200000 npx tsx tests/bench/reports.bench.ts
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrateToLatest } from '../../src/server/db/migrate'
import { contentReport } from '../../src/server/flows/analytics/content-report'
import { dailyReport } from '../../src/server/flows/analytics/daily-report'
import { funnelReport } from '../../src/server/flows/analytics/funnel-report'
import { reportWindow, type ReportWindow } from '../../src/server/flows/analytics/report-window'
import { sharerReport } from '../../src/server/flows/analytics/sharer-report'
import { row, type BenchRow } from './bench-row'
import { generateEvents, type GenSummary } from './gen-events'

export const TARGET_MS = 300
const RUNS = 5
const END = '2025-06-01T00:00:00+08:00'

interface Timed {
  name: string
  coldMs: number
  medianMs: number
  size: string
}

function cacheFile(events: number): string {
  const migrations = readdirSync(join(__dirname, '../../src/server/db/migrations')).sort().join(',')
  const source = readFileSync(join(__dirname, 'gen-events.ts'), 'utf8')
  const key = createHash('sha256').update(`${events}|${migrations}|${source}`).digest('hex').slice(0, 16)
  const dir = join(tmpdir(), 'shop-bench')
  mkdirSync(dir, { recursive: true })
  return join(dir, `events-${events}-${key}.db`)
}

async function prepare(events: number): Promise<{ database: Database; summary: GenSummary | null; generatedMs: number }> {
  const file = cacheFile(events)
  if (existsSync(file)) {
    const database = openDatabase(`sqlite:${file}`)
    await migrateToLatest(database)
    return { database, summary: null, generatedMs: 0 }
  }
  // A database built by an older generator or schema is of no further use.
  const dir = join(tmpdir(), 'shop-bench')
  for (const f of readdirSync(dir)) if (f.startsWith(`events-${events}-`)) rmSync(join(dir, f), { force: true })
  const building = `${file}.building`
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true })
  const started = Date.now()
  const database = openDatabase(`sqlite:${building}`)
  await migrateToLatest(database)
  const summary = await generateEvents(database, { events, endMs: Date.parse(END) }, building)
  await database.close()
  renameSync(building, file)
  return { database: await reopen(file), summary, generatedMs: Date.now() - started }
}

async function reopen(file: string): Promise<Database> {
  const database = openDatabase(`sqlite:${file}`)
  await migrateToLatest(database)
  return database
}

async function time(name: string, fn: () => Promise<{ steps?: unknown[]; rows?: unknown[] }>): Promise<Timed> {
  const measure = async () => {
    const t = performance.now()
    const answer = await fn()
    return { ms: performance.now() - t, size: answer.steps ? `${answer.steps.length} steps` : `${answer.rows?.length ?? 0} rows` }
  }
  const cold = await measure()
  const runs: number[] = []
  for (let i = 0; i < RUNS; i++) runs.push((await measure()).ms)
  runs.sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 10) / 10
  return { name, coldMs: round(cold.ms), medianMs: round(runs[Math.floor(RUNS / 2)] as number), size: cold.size }
}

export async function measureReports(events = Number(process.env.BENCH_EVENTS ?? 1_000_000)): Promise<Timed[]> {
  const { database, summary, generatedMs } = await prepare(events)
  try {
    const stored = await database.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    console.log(`reports: ${Number(stored.n).toLocaleString('en-US')} events on SQLite${summary ? `, generated in ${(generatedMs / 1000).toFixed(0)} s` : ' (cached database)'}`)
    if (summary) console.log(`  ${JSON.stringify(summary)}`)
    const w = reportWindow({ from: '2025-05-02T00:00:00+08:00', to: END }, new Date(END))
    if (!w.ok) throw new Error(w.error.message)
    const window: ReportWindow = w.value
    const db = database.db
    const results = [
      await time('funnel', () => funnelReport(db, window)),
      await time('funnel (one page)', () => funnelReport(db, window, 'look-7')),
      await time('content', () => contentReport(db, window)),
      await time('sharers', () => sharerReport(db, window)),
      await time('daily', () => dailyReport(db, window))
    ]
    console.log('report               cold ms   median ms   answer')
    for (const r of results) {
      console.log(`${r.name.padEnd(20)} ${String(r.coldMs).padStart(7)} ${String(r.medianMs).padStart(11)}   ${r.size}`)
    }
    console.log(`target: each median <= ${TARGET_MS} ms`)
    return results
  } finally {
    await database.close()
  }
}

/** t(large) ÷ t(small) for each report: history grew tenfold; the target is ≤ 5. */
export const TARGET_GROWTH = 5

export async function run(): Promise<BenchRow[]> {
  const large = Number(process.env.BENCH_EVENTS ?? 1_000_000)
  const small = Math.round(large / 10)
  const atSmall = await measureReports(small)
  const atLarge = await measureReports(large)
  const rows: BenchRow[] = []
  for (const r of atLarge) {
    const s = atSmall.find((x) => x.name === r.name)!
    rows.push(row(`${r.name} report, 30 days, ${small.toLocaleString('en-US')} events`, s.medianMs, 'ms', { atMost: TARGET_MS }))
    rows.push(row(`${r.name} report, 30 days, ${large.toLocaleString('en-US')} events`, r.medianMs, 'ms', { atMost: TARGET_MS }))
    // A floor of 1 ms on the small run, so a report that is instant at both sizes is not judged on noise.
    rows.push(row(`${r.name} report t(${large / 1000}k) ÷ t(${small / 1000}k)`, Math.round((r.medianMs / Math.max(1, s.medianMs)) * 100) / 100, '×', { atMost: TARGET_GROWTH }))
  }
  return rows
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}

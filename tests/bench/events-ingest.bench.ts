/**
 * POST /api/v1/events throughput: 20 concurrent clients, each sending
 * batches of 50 fresh events (a mix of page, content and product views
 * from many devices) back to back, against the ceiling of the same server
 * answering an empty POST of the same bodies (parsed, then dropped).
 * SQLite file database, logging off; the load runs in a child process so it
 * shares neither the server's event loop nor its CPU figures. Figures: events/s for both, and
 * the ratio ingest ÷ ceiling (target ≥ 0.35), and the server's CPU time
 * per request for both (the load generator's CPU is not in it).
 *
 *   npx tsx tests/bench/events-ingest.bench.ts     # prints the table
 *   npm run bench -- events-ingest
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../src/server/app'
import { loadConfig } from '../../src/server/config'
import { openDatabase } from '../../src/server/db/database'
import { migrateToLatest } from '../../src/server/db/migrate'
import { ingestCommitStats } from '../../src/server/flows/events/ingest-events'
import type { RegisterRoutes } from '../../src/server/routes/route'
import { row, type BenchRow } from './bench-row'

export interface LoadFigures {
  path: string
  requestsPerSec: number
  eventsPerSec: number
  p99Ms: number
  errors: number
  /** CPU time of the server's process (main thread and SQLite) per request, ms. */
  serverCpuMsPerRequest: number
}

export interface IngestFigures {
  clients: number
  batchSize: number
  durationSec: number
  ingest: LoadFigures
  ceiling: LoadFigures
  /** ingest events/s ÷ ceiling events/s */
  ratio: number
  /**
   * ceiling CPU ms per request ÷ ingest CPU ms per request: what the ratio would be if the
   * server's CPU were all that limits both (steadier than the throughput ratio on a shared,
   * loaded machine, where the load generator and other processes take turns with the server).
   */
  cpuRatio: number
  storedEvents: number
}

// The same body limit as the real route, so both parse the same way.
const emptyRoute: RegisterRoutes = (app) => {
  app.post('/api/v1/bench-empty-events', { bodyLimit: 512 * 1024 }, async () => ({ accepted: 0, duplicates: 0, rejected: [] }))
}

// Plain JS for the worker: N keep-alive clients posting fresh batches until the time is up.
const LOAD = `
const http = require('node:http')
const { url, clients, batchSize, durationMs, tag } = JSON.parse(process.argv[1])
const agent = new http.Agent({ keepAlive: true, maxSockets: clients })
const target = new URL(url)
const types = ['page_view', 'content_view', 'product_view']
let seq = 0, done = 0, errors = 0
const latencies = []
let batches = 0
// One phone's queue per batch, as the app sends them: one device, one session.
function body(c) {
  const events = []
  const b = batches++
  const device = 'dev-' + tag + '-' + (b % 5000)
  for (let i = 0; i < batchSize; i++) {
    const n = seq++
    const type = types[n % 3]
    const e = { id: tag + '-' + c + '-' + n, type, ts: Date.now(), anonId: device, sessionId: 'ses-' + tag + '-' + b }
    if (type === 'page_view') e.page = 'pages/content/index'
    else if (type === 'content_view') e.contentSlug = 'look-' + (n % 40)
    else e.productId = 'prd_' + (n % 200)
    events.push(e)
  }
  return JSON.stringify({ events })
}
function post(c) {
  return new Promise((resolve) => {
    const payload = body(c)
    const started = process.hrtime.bigint()
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      res.resume()
      res.on('end', () => {
        if (res.statusCode === 200) { done++; latencies.push(Number(process.hrtime.bigint() - started) / 1e6) } else errors++
        resolve()
      })
    })
    req.on('error', () => { errors++; resolve() })
    req.end(payload)
  })
}
async function client(c, until) { while (Date.now() < until) await post(c) }
const until = Date.now() + durationMs
Promise.all(Array.from({ length: clients }, (_, c) => client(c, until))).then(() => {
  latencies.sort((a, b) => a - b)
  process.stdout.write(JSON.stringify({ done, errors, p99: latencies[Math.floor(latencies.length * 0.99)] || 0 }))
  agent.destroy()
})
`

// A separate process, so the server's CPU figures are the server's alone.
function load(url: string, clients: number, batchSize: number, durationMs: number, tag: string) {
  return new Promise<{ done: number; errors: number; p99: number }>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOAD, JSON.stringify({ url, clients, batchSize, durationMs, tag })], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    child.stdout.on('data', (d) => (out += String(d)))
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited ${code}`))))
  })
}

async function measure(url: string, clients: number, batchSize: number, durationSec: number, tag: string): Promise<LoadFigures> {
  await load(url, clients, batchSize, 2000, `${tag}w`) // warm-up
  const cpuBefore = process.cpuUsage()
  const r = await load(url, clients, batchSize, durationSec * 1000, tag)
  const cpu = process.cpuUsage(cpuBefore)
  const requestsPerSec = r.done / durationSec
  return {
    path: new URL(url).pathname,
    requestsPerSec: Math.round(requestsPerSec),
    eventsPerSec: Math.round(requestsPerSec * batchSize),
    p99Ms: Math.round(r.p99 * 10) / 10,
    errors: r.errors,
    serverCpuMsPerRequest: Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, r.done)) * 1000) / 1000
  }
}

// Issue 17: ingest ÷ empty POST of the same bodies ≥ 0.35, every acknowledged event durable.
export const TARGET_RATIO = 0.35

export async function measureIngest(opts: { clients?: number; batchSize?: number; durationSec?: number } = {}): Promise<IngestFigures> {
  const clients = opts.clients ?? 20
  const batchSize = opts.batchSize ?? 50
  const durationSec = opts.durationSec ?? 10
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'))
  const config = loadConfig({
    WECHAT_APPID: 'wx-bench',
    WECHAT_SECRET: 'bench-secret',
    DATABASE_URL: `sqlite:${join(dir, 'shop.db')}`,
    MEDIA_DIR: join(dir, 'media')
  })
  const database = openDatabase(config.databaseUrl)
  await migrateToLatest(database)
  // The whole load comes from one address: lift the per-address and per-device limits out of reach
  // (the limiter still counts every batch, so its cost stays in the figure).
  const eventLimits = { windowMs: 60_000, perAddress: Number.MAX_SAFE_INTEGER, perDevice: Number.MAX_SAFE_INTEGER }
  const app = await buildApp({ config, db: database, log: { level: 'silent' }, extraRoutes: [emptyRoute], eventLimits })
  try {
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    const ceiling = await measure(`${base}/api/v1/bench-empty-events`, clients, batchSize, durationSec, 'c')
    const ingest = await measure(`${base}/api/v1/events`, clients, batchSize, durationSec, 'i')
    const commits = ingestCommitStats(app.deps)
    console.log(`group commit: ${commits.jobs} batches in ${commits.transactions} transactions (${(commits.jobs / Math.max(1, commits.transactions)).toFixed(1)} a transaction), ${commits.fallbacks} groups written again alone`)
    const stored = await database.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const figures: IngestFigures = {
      clients,
      batchSize,
      durationSec,
      ingest,
      ceiling,
      ratio: Math.round((ingest.eventsPerSec / ceiling.eventsPerSec) * 100) / 100,
      cpuRatio: Math.round((ceiling.serverCpuMsPerRequest / Math.max(0.001, ingest.serverCpuMsPerRequest)) * 100) / 100,
      storedEvents: Number(stored.n)
    }
    print(figures)
    return figures
  } finally {
    await app.close()
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

function print(f: IngestFigures): void {
  console.log(`events-ingest: ${f.clients} clients, batches of ${f.batchSize}, ${f.durationSec} s each, SQLite`)
  console.log('route                            events/s    req/s     p99 ms   errors   server CPU ms/req')
  for (const r of [f.ingest, f.ceiling]) {
    console.log(
      `${r.path.padEnd(32)} ${String(r.eventsPerSec).padStart(8)} ${String(r.requestsPerSec).padStart(8)} ${String(r.p99Ms).padStart(10)} ${String(r.errors).padStart(8)} ${String(r.serverCpuMsPerRequest).padStart(19)}`
    )
  }
  console.log(`stored events: ${f.storedEvents}`)
  console.log(`ratio (ingest / empty POST events/s): ${f.ratio}  (target >= ${TARGET_RATIO})`)
  console.log(`server CPU per request, empty POST / ingest: ${f.cpuRatio}  (the same ratio if CPU alone limited both)`)
}

export async function run(opts: { clients?: number; batchSize?: number; durationSec?: number } = {}): Promise<BenchRow[]> {
  const f = await measureIngest(opts)
  return [
    row('POST /events throughput', f.ingest.eventsPerSec, 'events/s'),
    row('POST /events p99 latency', f.ingest.p99Ms, 'ms'),
    row('POST /events server CPU', f.ingest.serverCpuMsPerRequest, 'ms/request'),
    row('empty POST throughput (same bodies)', f.ceiling.eventsPerSec, 'events/s'),
    row('empty POST server CPU', f.ceiling.serverCpuMsPerRequest, 'ms/request'),
    row('ingest ÷ empty POST throughput', f.ratio, '×', { atLeast: TARGET_RATIO }),
    row('empty POST ÷ ingest server CPU per request', f.cpuRatio, '×'),
    row('failed requests', f.ingest.errors + f.ceiling.errors, 'requests')
  ]
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}

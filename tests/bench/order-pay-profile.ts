/**
 * Where order + pay spends the backend's time: a focused harness on the
 * order-pay bench's stack (order-pay-stack.ts). Not part of `npm run bench`.
 *
 * 1. Statements and RSA operations per phase: one shopper, one order, in
 *    sequence: POST /orders (create), POST /orders/:id/pay (pay), the
 *    sandbox's confirm (notify: its signed, encrypted notification to us).
 *    Every statement the driver runs is listed; signatures and verifications
 *    are counted in this process only (the sandbox's are WeChat's).
 * 2. CPU profile of this process's main thread (the backend; the load runs
 *    in a worker thread), one profile per phase and round, 20 lanes at once:
 *    product reads, creates, pays, confirms. Self time is summed by frame and
 *    by kind (Kysely, SQLite, HTTP, crypto, …) and divided by operations, so
 *    each phase reads as "main-thread ms per operation".
 *
 *   npx tsx tests/bench/order-pay-profile.ts [rounds=20] [--save DIR]
 */
import crypto from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { logStatements } from '../server/commerce/helpers/statement-log'
import { startOrderPayStack, type OrderPayStack } from './order-pay-stack'

const address = { name: '基准', phone: '13800138000', province: '上海市', city: '上海市', district: '黄浦区', detail: '1 号' }

/** Counts RSA signatures and verifications made in this process while `on`. */
function countRsa() {
  const counts = { sign: 0, verify: 0 }
  let on = false
  const c = crypto as unknown as Record<string, unknown>
  const signProto = (crypto.Sign as unknown as { prototype: Record<string, unknown> }).prototype
  const verifyProto = (crypto.Verify as unknown as { prototype: Record<string, unknown> }).prototype
  const patch = (obj: Record<string, unknown>, name: string, kind: 'sign' | 'verify') => {
    const original = obj[name] as (...a: unknown[]) => unknown
    obj[name] = function (this: unknown, ...a: unknown[]) {
      if (on) counts[kind]++
      return original.apply(this, a)
    }
  }
  patch(signProto, 'sign', 'sign')
  patch(verifyProto, 'verify', 'verify')
  patch(c, 'sign', 'sign')
  patch(c, 'verify', 'verify')
  return {
    start() {
      counts.sign = 0
      counts.verify = 0
      on = true
    },
    stop() {
      on = false
      return { ...counts }
    }
  }
}

// A parsed JSON answer, read field by field like the load worker's.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any

async function call(url: string, init: RequestInit, expect: number): Promise<Json> {
  const res = await fetch(url, init)
  const text = await res.text()
  if (res.status !== expect) throw new Error(`${init.method} ${url} -> ${res.status} ${text.slice(0, 200)}`)
  return text ? JSON.parse(text) : null
}
const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body)
})

export interface PhaseCounts {
  statements: string[]
  sign: number
  verify: number
}

/** One order + pay in sequence, statements and RSA operations of each phase. */
export async function countPhases(stack: OrderPayStack): Promise<Record<'create' | 'pay' | 'notify', PhaseCounts>> {
  const log = logStatements()
  const rsa = countRsa()
  const auth = { authorization: `Bearer ${stack.tokens[0]}` }
  const measure = async <T>(fn: () => Promise<T>): Promise<[T, PhaseCounts]> => {
    log.start()
    rsa.start()
    const value = await fn()
    const statements = log.stop()
    return [value, { statements, ...rsa.stop() }]
  }
  try {
    // Warm: one order first so nothing below pays for first-time preparation.
    for (let i = 0; i < 2; i++) {
      const { order } = await call(`${stack.base}/api/v1/orders`, post({ items: [{ skuId: stack.skuId, qty: 1 }], address }, { ...auth, 'idempotency-key': `count-${i}-${Date.now()}` }), 201)
      const { payment } = await call(`${stack.base}/api/v1/orders/${order.id}/pay`, post({}, auth), 200)
      await call(`${stack.sandboxUrl}/sandbox/pay/${encodeURIComponent(payment.package.slice('prepay_id='.length))}/confirm`, post({}), 200)
    }
    const [order, create] = await measure(async () =>
      (await call(`${stack.base}/api/v1/orders`, post({ items: [{ skuId: stack.skuId, qty: 1 }], address }, { ...auth, 'idempotency-key': `count-x-${Date.now()}` }), 201)).order
    )
    const [payment, pay] = await measure(async () => (await call(`${stack.base}/api/v1/orders/${order.id}/pay`, post({}, auth), 200)).payment)
    const [, notify] = await measure(() => call(`${stack.sandboxUrl}/sandbox/pay/${encodeURIComponent(payment.package.slice('prepay_id='.length))}/confirm`, post({}), 200))
    return { create, pay, notify }
  } finally {
    log.restore()
  }
}

const LOAD = String.raw`
const { parentPort, workerData } = require('node:worker_threads')
const { base, sandbox, tokens, skuId, productId } = workerData
const address = ${JSON.stringify(address)}
let seq = 0
async function call(url, init, expect) {
  const res = await fetch(url, init)
  const text = await res.text()
  if (res.status !== expect) throw new Error(init.method + ' ' + url + ' -> ' + res.status + ' ' + text.slice(0, 200))
  return text ? JSON.parse(text) : null
}
const post = (body, headers) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
async function lanes(items, n, fn) {
  let next = 0
  await Promise.all(Array.from({ length: n }, async () => { while (next < items.length) { const i = next++; await fn(items[i]) } }))
}
let orders = []
let prepays = []
parentPort.on('message', async ({ phase }) => {
  try {
    if (phase === 'product') {
      await lanes(Array.from({ length: 600 }, (_, i) => i), 20, () => call(base + '/api/v1/products/' + productId, { method: 'GET' }, 200))
      parentPort.postMessage({ done: 600 })
    } else if (phase === 'create') {
      orders = []
      const work = tokens.flatMap((t) => [t, t, t])
      await lanes(work, 20, async (token) => {
        const auth = { authorization: 'Bearer ' + token }
        const { order } = await call(base + '/api/v1/orders', post({ items: [{ skuId, qty: 1 }], address }, { ...auth, 'idempotency-key': 'prof-' + (++seq) + '-' + Date.now() }), 201)
        orders.push({ token, id: order.id })
      })
      parentPort.postMessage({ done: orders.length })
    } else if (phase === 'pay') {
      prepays = []
      await lanes(orders, 20, async (o) => {
        const { payment } = await call(base + '/api/v1/orders/' + o.id + '/pay', post({}, { authorization: 'Bearer ' + o.token }), 200)
        prepays.push(payment.package.slice('prepay_id='.length))
      })
      parentPort.postMessage({ done: prepays.length })
    } else if (phase === 'notify') {
      await lanes(prepays, 20, async (p) => {
        const paid = await call(sandbox + '/sandbox/pay/' + encodeURIComponent(p) + '/confirm', post({}), 200)
        const status = paid.deliveries[0] && paid.deliveries[0].attempts[0] && paid.deliveries[0].attempts[0].status
        if (status !== 204) throw new Error('notification answered ' + status)
      })
      parentPort.postMessage({ done: prepays.length })
    }
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.stack || e) })
  }
})
`

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

const ROOT = join(__dirname, '../..')
function frameName(f: ProfileNode['callFrame']): string {
  const url = f.url.replace(`file://${ROOT}/`, '').replace(/^file:\/\//, '')
  const short = url.includes('node_modules/') ? url.slice(url.lastIndexOf('node_modules/') + 13) : url
  return `${f.functionName || '(anonymous)'} ${short ? `${short}:${f.lineNumber + 1}` : ''}`.trim()
}

/** Which kind of work a frame is, by where its code lives. */
function kindOf(f: ProfileNode['callFrame']): string {
  const u = f.url
  const n = f.functionName
  if (n === '(idle)') return 'idle'
  if (n === '(garbage collector)') return 'gc'
  if (n === '(program)') return 'program (native, unattributed)'
  if (u.includes('node_modules/kysely')) return 'kysely'
  if (u.includes('node_modules/better-sqlite3') || (u === '' && /^(all|run|get|prepare)$/.test(n))) return 'sqlite'
  if (u.includes('node_modules/fastify') || u.includes('node_modules/find-my-way') || u.includes('node_modules/avvio') || u.includes('@fastify') || u.includes('light-my-request')) return 'fastify'
  if (u.includes('node_modules/zod') || u.includes('fastify-type-provider-zod')) return 'zod'
  if (u.includes('node_modules/pino')) return 'logging'
  if (u.includes('undici') || u.includes('internal/webstreams') || u.includes('internal/deps/')) return 'fetch (undici)'
  if (u.includes('internal/crypto') || /^(sign|verify|Sign|Verify|update|final|digest)$/.test(n)) return 'crypto'
  if (u.includes('_http_') || u.includes('node:http') || u.includes('internal/http')) return 'node http'
  if (u.includes('node:net') || u.includes('stream_base') || u.includes('internal/streams') || n === 'writev' || n === 'writeUtf8String' || n === 'writeBuffer') return 'sockets & streams'
  if (u.includes('/src/server/')) return 'our server code'
  if (u.includes('/src/core/')) return 'our core code'
  if (u === '' || u.startsWith('node:')) return `node (${n || 'anonymous'})`
  return 'other'
}

function selfTimes(p: Profile): Map<number, number> {
  const byNode = new Map<number, number>()
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i + 1] ?? 0
    byNode.set(p.samples[i]!, (byNode.get(p.samples[i]!) ?? 0) + dt)
  }
  return byNode
}

interface PhaseProfile {
  ops: number
  wallMs: number
  byFrame: Map<string, number>
  byKind: Map<string, number>
}

function addProfile(acc: PhaseProfile, p: Profile): void {
  const nodes = new Map(p.nodes.map((n) => [n.id, n]))
  for (const [id, us] of selfTimes(p)) {
    const f = nodes.get(id)!.callFrame
    const name = frameName(f)
    acc.byFrame.set(name, (acc.byFrame.get(name) ?? 0) + us / 1000)
    const kind = kindOf(f)
    acc.byKind.set(kind, (acc.byKind.get(kind) ?? 0) + us / 1000)
  }
}

function post2(session: Session, method: string, params?: object): Promise<Json> {
  return new Promise((ok, fail) => session.post(method, params ?? {}, (e, r) => (e ? fail(e) : ok(r))))
}

export async function profilePhases(stack: OrderPayStack, rounds: number, save?: string): Promise<Record<string, PhaseProfile>> {
  const worker = new Worker(LOAD, { eval: true, workerData: { base: stack.base, sandbox: stack.sandboxUrl, tokens: stack.tokens, skuId: stack.skuId, productId: stack.productId } })
  const ask = (phase: string) =>
    new Promise<number>((ok, fail) => {
      worker.once('message', (m: { done?: number; error?: string }) => (m.error ? fail(new Error(m.error)) : ok(m.done!)))
      worker.postMessage({ phase })
    })
  const session = new Session()
  session.connect()
  await post2(session, 'Profiler.enable')
  await post2(session, 'Profiler.setSamplingInterval', { interval: 100 })
  const phases = ['product', 'create', 'pay', 'notify'] as const
  const acc: Record<string, PhaseProfile> = {}
  for (const ph of phases) acc[ph] = { ops: 0, wallMs: 0, byFrame: new Map(), byKind: new Map() }
  try {
    // Warm-up round, not profiled.
    for (const ph of phases) await ask(ph)
    for (let r = 0; r < rounds; r++) {
      for (const ph of phases) {
        await post2(session, 'Profiler.start')
        const t0 = performance.now()
        const ops = await ask(ph)
        const wall = performance.now() - t0
        const { profile } = (await post2(session, 'Profiler.stop')) as { profile: Profile }
        if (save && r === 0) writeFileSync(join(save, `order-pay-${ph}.cpuprofile`), JSON.stringify(profile))
        acc[ph]!.ops += ops
        acc[ph]!.wallMs += wall
        addProfile(acc[ph]!, profile)
      }
    }
  } finally {
    session.disconnect()
    await worker.terminate()
  }
  return acc
}

function printProfile(acc: Record<string, PhaseProfile>, top = 14): void {
  for (const [ph, a] of Object.entries(acc)) {
    const busy = [...a.byKind].filter(([k]) => k !== 'idle').reduce((s, [, ms]) => s + ms, 0)
    console.log(`\n== ${ph}: ${a.ops} operations, main thread busy ${(busy / a.ops).toFixed(3)} ms per operation (wall ${(a.wallMs / a.ops).toFixed(3)} ms per operation at 20 lanes)`)
    console.log('   by kind (self ms per operation, % of busy):')
    for (const [k, ms] of [...a.byKind].filter(([k]) => k !== 'idle').sort((x, y) => y[1] - x[1]).slice(0, top)) {
      console.log(`   ${(ms / a.ops).toFixed(3).padStart(8)}  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${k}`)
    }
    console.log('   top frames (self ms per operation, % of busy):')
    for (const [f, ms] of [...a.byFrame].filter(([f]) => !f.startsWith('(idle)')).sort((x, y) => y[1] - x[1]).slice(0, top)) {
      console.log(`   ${(ms / a.ops).toFixed(3).padStart(8)}  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${f}`)
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const saveAt = args.indexOf('--save')
  const save = saveAt >= 0 ? args[saveAt + 1] : undefined
  const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 20)
  const stack = await startOrderPayStack({ shoppers: 20 })
  try {
    const counts = await countPhases(stack)
    console.log('statements and RSA operations on our side, one order + pay:')
    for (const [ph, c] of Object.entries(counts)) {
      console.log(`\n-- ${ph}: ${c.statements.length} statements, ${c.sign} RSA signatures, ${c.verify} RSA verifications`)
      for (const s of c.statements) console.log(`   ${s.replace(/\s+/g, ' ').slice(0, 150)}`)
    }
    printProfile(await profilePhases(stack, rounds, save))
  } finally {
    await stack.close()
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}

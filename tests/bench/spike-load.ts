/**
 * The spike bench's shoppers, run as plain JavaScript in a worker thread
 * (eval) so their fetch work shares neither the servers' processes nor the
 * proxy's event loop. Every shopper loops visits until the phase ends:
 *
 *   open the page   GET /api/v1/pages/:slug (If-None-Match from its last visit, as a browser revalidates)
 *                   + POST /api/v1/events: the batch the app sends on opening a content page
 *                     (app_launch, page_view, content_view, one block_view per block)
 *   5% add to cart  PUT /api/v1/cart
 *   1% order + pay  POST /orders, POST /orders/:id/pay, the sandbox confirms and notifies
 *
 * A visit's events carry a new anonId (a new person on the shared page); each shopper slot sends from its own address (X-Forwarded-For; the servers trust one proxy hop).
 * The 'orders' phase is order + pay alone (no page traffic), for the ratio.
 */
export interface OpFigures {
  count: number
  errors: number
  status5xx: number
  p50Ms: number
  p99Ms: number
  firstError?: string
}

export interface LoadAnswer {
  elapsedSec: number
  requests: number
  ops: Record<string, OpFigures>
  /** Page reads answered 304. */
  notModified: number
}

export interface Shopper {
  token: string
  anonId: string
  ip: string
}

export interface LoadInput {
  phase: 'spike' | 'orders'
  base: string
  sandbox: string
  shoppers: Shopper[]
  slug: string
  blocks: string[]
  cartSkuId: string
  orderSkuId: string
  durationSec: number
  cartShare: number
  orderShare: number
}

export const SPIKE_WORKER = String.raw`
const { parentPort, workerData } = require('node:worker_threads')
const w = workerData
const address = { name: '基准', phone: '13800138000', province: '上海市', city: '上海市', district: '黄浦区', detail: '1 号' }
const times = {}
const errors = {}
const fives = {}
const firstError = {}
let requests = 0
let notModified = 0
let seq = 0

class HttpError extends Error { constructor(message, status) { super(message); this.status = status } }

async function call(url, init, expect) {
  requests++
  const res = await fetch(url, init)
  const text = await res.text()
  if (!expect.includes(res.status)) throw new HttpError((init.method || 'GET') + ' ' + url + ' -> ' + res.status + ' ' + text.slice(0, 200), res.status)
  return { status: res.status, etag: res.headers.get('etag'), body: text ? JSON.parse(text) : null }
}
const json = (method, body, headers) => ({ method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
const newId = (p) => p + '_' + process.pid + '_' + (++seq) + '_' + Math.random().toString(36).slice(2, 10)

async function timed(op, fn) {
  const t0 = performance.now()
  try {
    await fn()
    ;(times[op] ||= []).push(performance.now() - t0)
  } catch (e) {
    errors[op] = (errors[op] || 0) + 1
    if (e && e.status >= 500) fives[op] = (fives[op] || 0) + 1
    firstError[op] ||= String(e && e.message) + (e && e.cause ? ' (' + (e.cause.code || e.cause.message) + ')' : '')
  }
}

// Each visit is a new person opening the shared page (a device sends at most 1,200 events a minute).
function openBatch(s, state) {
  const sessionId = newId('s')
  const base = { anonId: s.anonId + '-' + (++state.visits), sessionId }
  const now = Date.now()
  const events = [
    { ...base, id: newId('e'), type: 'app_launch', ts: now, scene: 1007 },
    { ...base, id: newId('e'), type: 'page_view', ts: now, page: 'pages/content/index' },
    { ...base, id: newId('e'), type: 'content_view', ts: now, contentSlug: w.slug }
  ]
  w.blocks.forEach((type, i) => events.push({ ...base, id: newId('e'), type: 'block_view', ts: now, contentSlug: w.slug, props: { blockIndex: i, blockType: type } }))
  return events
}

async function orderPay(s, auth) {
  const placed = await call(w.base + '/api/v1/orders', json('POST', { items: [{ skuId: w.orderSkuId, qty: 1 }], address }, { ...auth, 'idempotency-key': newId('k') }), [201])
  const pay = await call(w.base + '/api/v1/orders/' + placed.body.order.id + '/pay', json('POST', {}, auth), [200])
  const prepayId = pay.body.payment.package.slice('prepay_id='.length)
  const paid = await call(w.sandbox + '/sandbox/pay/' + encodeURIComponent(prepayId) + '/confirm', json('POST', {}, {}), [200])
  const answer = paid.body.deliveries[0] && paid.body.deliveries[0].attempts[0] && paid.body.deliveries[0].attempts[0].status
  if (answer !== 204) throw new HttpError('notification for ' + placed.body.order.id + ' answered ' + answer, answer)
}

async function visit(s, state) {
  const from = { 'x-forwarded-for': s.ip }
  const auth = { ...from, authorization: 'Bearer ' + s.token }
  await timed('page read', async () => {
    const r = await call(w.base + '/api/v1/pages/' + w.slug, { method: 'GET', headers: { ...from, ...(state.etag ? { 'if-none-match': state.etag } : {}) } }, [200, 304])
    if (r.status === 304) notModified++
    state.etag = r.etag
  })
  await timed('events', () => call(w.base + '/api/v1/events', json('POST', { events: openBatch(s, state) }, from), [200]))
  const roll = Math.random()
  if (roll < w.cartShare) await timed('add to cart', () => call(w.base + '/api/v1/cart', json('PUT', { items: [{ skuId: w.cartSkuId, qty: 1 }] }, auth), [200]))
  if (roll < w.orderShare) await timed('order + pay', () => orderPay(s, auth))
}

;(async () => {
  const started = performance.now()
  const until = started + w.durationSec * 1000
  await Promise.all(w.shoppers.map(async (s) => {
    const state = { etag: null, visits: 0 }
    const auth = { 'x-forwarded-for': s.ip, authorization: 'Bearer ' + s.token }
    while (performance.now() < until) {
      if (w.phase === 'orders') await timed('order + pay', () => orderPay(s, auth))
      else await visit(s, state)
    }
  }))
  const elapsedSec = (performance.now() - started) / 1000
  const ops = {}
  for (const op of new Set([...Object.keys(times), ...Object.keys(errors)])) {
    const t = (times[op] || []).sort((a, b) => a - b)
    const at = (q) => (t.length ? Math.round(t[Math.min(t.length - 1, Math.floor(q * t.length))] * 10) / 10 : NaN)
    ops[op] = { count: t.length, errors: errors[op] || 0, status5xx: fives[op] || 0, p50Ms: at(0.5), p99Ms: at(0.99), ...(firstError[op] ? { firstError: firstError[op] } : {}) }
  }
  parentPort.postMessage({ elapsedSec, requests, ops, notModified })
})().catch((e) => { throw e })
`

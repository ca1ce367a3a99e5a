/**
 * The order-pay bench's load generator, run as plain JavaScript in a worker
 * thread (eval) so the shoppers' fetch work does not share the backend's
 * event loop. Each of N shoppers loops one operation until the phase ends,
 * timing each; a phase gets a short warm-up first. Calls of the timed
 * phases carry `x-bench-measured: 1`, and every timed order + pay is listed
 * (Idempotency-Key, order id, out_trade_no), so the bench can add up the
 * server's own time of the same calls (order-pay.bench.ts, "our side").
 */
export interface OrderPayOp {
  key: string
  orderId: string
  outTradeNo: string
  ms: number
  /** Each call as the client timed it: POST /orders, POST /orders/:id/pay, the sandbox's confirm. */
  createMs: number
  payMs: number
  confirmMs: number
}

export interface LoadFigures {
  count: number
  errors: number
  perSec: number
  p50Ms: number
  p99Ms: number
  firstError?: string
  /** The timed order + pay operations (only for that phase). */
  ops?: OrderPayOp[]
}

export const LOAD_WORKER = String.raw`
const { parentPort, workerData } = require('node:worker_threads')
const { base, sandbox, tokens, productId, skuId, durationSec } = workerData
const address = { name: '基准', phone: '13800138000', province: '上海市', city: '上海市', district: '黄浦区', detail: '1 号' }
let seq = 0

async function call(url, init, expect) {
  const res = await fetch(url, init)
  const text = await res.text()
  if (res.status !== expect) throw new Error(init.method + ' ' + url + ' -> ' + res.status + ' ' + text.slice(0, 200))
  return text ? JSON.parse(text) : null
}
const post = (url, body, headers) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

async function product(token, measured) {
  await call(base + '/api/v1/products/' + productId, { method: 'GET', headers: measured ? { 'x-bench-measured': '1' } : {} }, 200)
}

async function orderPay(token, measured) {
  const auth = { authorization: 'Bearer ' + token, ...(measured ? { 'x-bench-measured': '1' } : {}) }
  const key = 'bench-' + process.pid + '-' + (++seq) + '-' + Math.random().toString(36).slice(2)
  const t0 = performance.now()
  const { order } = await call(base + '/api/v1/orders', post(base, { items: [{ skuId, qty: 1 }], address }, { ...auth, 'idempotency-key': key }), 201)
  const t1 = performance.now()
  const { payment } = await call(base + '/api/v1/orders/' + order.id + '/pay', post(base, {}, auth), 200)
  const t2 = performance.now()
  const prepayId = payment.package.slice('prepay_id='.length)
  const paid = await call(sandbox + '/sandbox/pay/' + encodeURIComponent(prepayId) + '/confirm', post(sandbox, {}), 200)
  const answer = paid.deliveries[0] && paid.deliveries[0].attempts[0] && paid.deliveries[0].attempts[0].status
  if (answer !== 204) throw new Error('notification for ' + order.id + ' answered ' + answer)
  return { key, orderId: order.id, outTradeNo: order.outTradeNo, createMs: t1 - t0, payMs: t2 - t1, confirmMs: performance.now() - t2 }
}

async function phase(op, seconds, measured) {
  const times = []
  const ops = []
  const errors = []
  const started = performance.now()
  const until = started + seconds * 1000
  await Promise.all(tokens.map(async (token) => {
    while (performance.now() < until) {
      const t0 = performance.now()
      try {
        const done = await op(token, measured)
        const ms = performance.now() - t0
        times.push(ms)
        if (done) ops.push({ ...done, ms })
      } catch (e) {
        errors.push(String(e && e.message))
      }
    }
  }))
  const elapsed = (performance.now() - started) / 1000
  times.sort((a, b) => a - b)
  const at = (q) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 10) / 10 : NaN)
  return { count: times.length, errors: errors.length, perSec: Math.round(times.length / elapsed), p50Ms: at(0.5), p99Ms: at(0.99), ...(errors[0] ? { firstError: errors[0] } : {}), ...(ops.length ? { ops } : {}) }
}

;(async () => {
  await phase(product, 2, false)
  const productFigures = await phase(product, durationSec, true)
  await phase(orderPay, 2, false)
  const orderPayFigures = await phase(orderPay, durationSec, true)
  parentPort.postMessage({ product: productFigures, orderPay: orderPayFigures })
})().catch((e) => { throw e })
`

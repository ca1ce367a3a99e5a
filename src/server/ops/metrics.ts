/**
 * Prometheus metrics (prom-client), one registry per app so several apps in
 * one process (tests, the bench) never share counters. What is counted:
 *   http_requests_total / http_request_duration_seconds  per method, route
 *       pattern (never the raw URL: ids would explode the series) and status
 *   shop_orders_created_total / shop_orders_paid_total
 *   wechat_call_duration_seconds / wechat_call_errors_total  per API
 *   shop_events_ingested_total / shop_events_rejected_total  POST /api/v1/events
 *   shop_job_runs_total / shop_job_lag_seconds / shop_job_last_run_timestamp_seconds
 *   shop_outbox_pending / shop_outbox_oldest_due_age_seconds  read at scrape time
 *   shop_db_pool_connections  PostgreSQL pool total/idle/waiting (absent on SQLite)
 * Node's process metrics (memory, event-loop lag, GC) come with the default collectors.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { FastifyInstance } from 'fastify'
import type { Clock } from '../clock'
import type { Database } from '../db/database'
import type { MpClient } from '../wechat/mp/client'
import type { PayClient } from '../wechat/pay/client'

export interface Metrics {
  registry: Registry
  httpRequests: Counter<'method' | 'route' | 'status'>
  httpDuration: Histogram<'method' | 'route' | 'status'>
  ordersCreated: Counter
  ordersPaid: Counter
  wechatDuration: Histogram<'api'>
  wechatErrors: Counter<'api' | 'kind'>
  eventsIngested: Counter<'outcome'>
  eventsRejected: Counter<'code'>
  jobRuns: Counter<'job' | 'result'>
  jobLag: Gauge<'job'>
  jobLastRun: Gauge<'job'>
}

export function createMetrics(database: Database, clock: Clock): Metrics {
  const registry = new Registry()
  const registers = [registry]
  collectDefaultMetrics({ register: registry })
  const metrics: Metrics = {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route pattern',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers
    }),
    ordersCreated: new Counter({ name: 'shop_orders_created_total', help: 'Orders created (new, not idempotent replays)', registers }),
    ordersPaid: new Counter({ name: 'shop_orders_paid_total', help: 'Orders moved to paid (notification, reconciliation or sync)', registers }),
    wechatDuration: new Histogram({
      name: 'wechat_call_duration_seconds',
      help: 'Calls to WeChat (Pay and mini-program server APIs), by API',
      labelNames: ['api'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers
    }),
    wechatErrors: new Counter({
      name: 'wechat_call_errors_total',
      help: 'WeChat calls that failed, by API and kind (unavailable, rejected, bad_answer, errcode)',
      labelNames: ['api', 'kind'],
      registers
    }),
    eventsIngested: new Counter({
      name: 'shop_events_ingested_total',
      help: 'Shopper events received on POST /api/v1/events, by outcome (accepted, duplicate, rejected)',
      labelNames: ['outcome'],
      registers
    }),
    eventsRejected: new Counter({
      name: 'shop_events_rejected_total',
      help: 'Shopper events rejected, by code (RATE_LIMITED counts whole refused batches)',
      labelNames: ['code'],
      registers
    }),
    jobRuns: new Counter({
      name: 'shop_job_runs_total',
      help: 'Background job ticks, by job and result (ok, failed, not_leader)',
      labelNames: ['job', 'result'],
      registers
    }),
    jobLag: new Gauge({
      name: 'shop_job_lag_seconds',
      help: 'How late the last tick started after it was due',
      labelNames: ['job'],
      registers
    }),
    jobLastRun: new Gauge({
      name: 'shop_job_last_run_timestamp_seconds',
      help: 'When the last tick finished (unix seconds)',
      labelNames: ['job'],
      registers
    })
  }

  new Gauge({
    name: 'shop_outbox_pending',
    help: 'WeChat outbox tasks still to send (pending)',
    registers,
    async collect() {
      const row = await database.db
        .selectFrom('wechatTasks')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirst()
      this.set(Number(row?.n ?? 0))
    }
  })
  new Gauge({
    name: 'shop_outbox_oldest_due_age_seconds',
    help: 'Age of the oldest pending outbox task that is due (0 when none is due)',
    registers,
    async collect() {
      this.set(await oldestDueTaskAgeSeconds(database, clock))
    }
  })
  if (database.pool) {
    const pool = database.pool
    new Gauge({
      name: 'shop_db_pool_connections',
      help: 'PostgreSQL pool connections: total, idle, and clients waiting for one',
      labelNames: ['state'],
      registers,
      collect() {
        this.set({ state: 'total' }, pool.totalCount)
        this.set({ state: 'idle' }, pool.idleCount)
        this.set({ state: 'waiting' }, pool.waitingCount)
      }
    })
  }
  return metrics
}

/** Seconds since the oldest pending, due outbox task became due; 0 when none is due. */
export async function oldestDueTaskAgeSeconds(database: Database, clock: Clock): Promise<number> {
  const nowIso = clock.now().toISOString()
  const row = await database.db
    .selectFrom('wechatTasks')
    .select((eb) => eb.fn.min('nextAttemptAt').as('due'))
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', nowIso)
    .executeTakeFirst()
  const due = row?.due ? Date.parse(String(row.due)) : NaN
  return Number.isNaN(due) ? 0 : Math.max(0, (clock.now().getTime() - due) / 1000)
}

/** Counts every answered request by its route pattern; orders created and events ingested are read off their routes. */
export function instrumentHttp(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.url === '/api/v1/events' && request.method === 'POST') countEventAnswer(metrics, reply.statusCode, payload)
    return payload
  })
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    const labels = { method: request.method, route, status: String(reply.statusCode) }
    metrics.httpRequests.inc(labels)
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000)
    if (route === '/api/v1/orders' && request.method === 'POST' && reply.statusCode === 201) metrics.ordersCreated.inc()
  })
}

function countEventAnswer(metrics: Metrics, status: number, payload: unknown): void {
  if (status === 429) {
    metrics.eventsRejected.inc({ code: 'RATE_LIMITED' })
    return
  }
  if (status !== 200 || typeof payload !== 'string') return
  try {
    const body = JSON.parse(payload) as { accepted?: number; duplicates?: number; rejected?: Array<{ code?: string }> }
    metrics.eventsIngested.inc({ outcome: 'accepted' }, body.accepted ?? 0)
    metrics.eventsIngested.inc({ outcome: 'duplicate' }, body.duplicates ?? 0)
    const rejected = body.rejected ?? []
    metrics.eventsIngested.inc({ outcome: 'rejected' }, rejected.length)
    for (const r of rejected) metrics.eventsRejected.inc({ code: r.code ?? 'UNKNOWN' })
  } catch {
    // Not JSON: nothing to count.
  }
}

type CallResult = { ok: boolean; error?: { code?: string }; errcode?: number | null }

function failureKind(result: CallResult): string {
  const code = result.error?.code
  if (code === undefined) return result.errcode === null ? 'unavailable' : 'errcode'
  if (code.endsWith('_UNAVAILABLE')) return 'unavailable'
  if (code === 'PAY_REJECTED') return 'rejected'
  if (code === 'PAY_BAD_ANSWER') return 'bad_answer'
  return 'errcode'
}

/** Times one WeChat call (api: e.g. `pay.refund`, `sns.jscode2session`) and counts it when it failed; no-op without metrics. */
export async function timeWechatCall<T extends CallResult>(metrics: Metrics | undefined, api: string, call: () => Promise<T>): Promise<T> {
  if (!metrics) return call()
  const end = metrics.wechatDuration.startTimer({ api })
  try {
    const result = await call()
    if (!result.ok) metrics.wechatErrors.inc({ api, kind: failureKind(result) })
    return result
  } catch (e) {
    metrics.wechatErrors.inc({ api, kind: 'exception' })
    throw e
  } finally {
    end()
  }
}

const timed = timeWechatCall

/** The WeChat Pay client with every outbound call timed and its failures counted (api = pay.METHOD). */
export function instrumentPay(pay: PayClient, metrics: Metrics): PayClient {
  return {
    mchId: pay.mchId,
    appId: pay.appId,
    createJsapiOrder: (input) => timed(metrics, 'pay.jsapi_order', () => pay.createJsapiOrder(input)),
    requestPayment: (prepayId) => pay.requestPayment(prepayId),
    queryOrder: (outTradeNo) => timed(metrics, 'pay.query_order', () => pay.queryOrder(outTradeNo)),
    closeOrder: (outTradeNo) => timed(metrics, 'pay.close_order', () => pay.closeOrder(outTradeNo)),
    refund: (input) => timed(metrics, 'pay.refund', () => pay.refund(input)),
    queryRefund: (outRefundNo) => timed(metrics, 'pay.query_refund', () => pay.queryRefund(outRefundNo)),
    openNotification: (headers, rawBody) => pay.openNotification(headers, rawBody)
  }
}

/** The mini-program API client, timed per API path (api = mp./path, without the access_token). */
export function instrumentMp(mp: MpClient, metrics: Metrics): MpClient {
  return {
    post: (path, body) => timed(metrics, `mp.${path.split('?')[0]}`, () => mp.post(path, body)),
    postBinary: (path, body) => timed(metrics, `mp.${path.split('?')[0]}`, () => mp.postBinary(path, body))
  }
}

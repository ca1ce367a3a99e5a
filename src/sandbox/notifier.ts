import { randomUUID } from 'node:crypto'
import { encryptResource } from './aead'
import { beijingTime } from './ids'
import type { ResolvedOptions } from './options'
import { wechatpayHeaders } from './signing'
import type { Timers } from './timers'

/**
 * Seconds between delivery attempts after a failed one: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h,
 * 24h4m in all (pay.weixin.qq.com payment-notice). After the last one WeChat gives up.
 */
export const RETRY_SCHEDULE_S = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600]

export interface Attempt {
  n: number
  at: string
  /** The merchant's HTTP status; null when no answer came (refused, timed out). */
  status: number | null
  error?: string
}

export interface Delivery {
  id: string
  /** The envelope `id`: the same for every copy and retry of one event. */
  notificationId: string
  eventType: string
  url: string
  outTradeNo: string
  outRefundNo?: string
  /** 1..duplicates: which copy of a duplicated event this is. */
  copy: number
  state: 'pending' | 'delivered' | 'gave_up' | 'cancelled'
  attempts: Attempt[]
}

export interface NotifyEvent {
  url: string
  eventType: string
  summary: string
  originalType: 'transaction' | 'refund'
  resource: Record<string, unknown>
  outTradeNo: string
  outRefundNo?: string
  copies: number
}

export interface Notifier {
  /** Starts delivery; resolves once every copy's first attempt has an outcome. */
  send(event: NotifyEvent): Promise<Delivery[]>
  deliveries(): Delivery[]
  close(): void
}

export function createNotifier(o: ResolvedOptions, timers: Timers): Notifier {
  const log: Delivery[] = []
  const inFlight = new Set<AbortController>()

  async function attempt(d: Delivery, body: string): Promise<void> {
    if (timers.isClosed) return
    const n = d.attempts.length + 1
    const entry: Attempt = { n, at: new Date(o.now()).toISOString(), status: null }
    d.attempts.push(entry)
    const abort = new AbortController()
    inFlight.add(abort)
    const timeout = setTimeout(() => abort.abort(new Error(`no answer within ${o.notifyTimeoutMs} ms`)), o.notifyTimeoutMs)
    try {
      // Signed afresh each time: a retry hours later must still pass the 300 s clock window.
      const res = await fetch(d.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: '*/*', 'User-Agent': 'Mozilla/4.0', ...wechatpayHeaders(o, body) },
        body,
        signal: abort.signal
      })
      entry.status = res.status
      await res.text()
    } catch (e) {
      entry.error = abort.signal.aborted ? String((abort.signal.reason as Error)?.message ?? 'aborted') : (e as Error).message
    } finally {
      clearTimeout(timeout)
      inFlight.delete(abort)
    }
    if (timers.isClosed) {
      d.state = 'cancelled'
      return
    }
    // Only 200 and 204 count; any other answer is a failure to be retried (HTTP status beats the body).
    if (entry.status === 200 || entry.status === 204) {
      d.state = 'delivered'
      o.log(`notify ${d.eventType} ${d.outTradeNo} copy ${d.copy} delivered on attempt ${n}`)
      return
    }
    const wait = RETRY_SCHEDULE_S[n - 1]
    if (wait === undefined) {
      d.state = 'gave_up'
      o.log(`notify ${d.eventType} ${d.outTradeNo} copy ${d.copy}: gave up after ${n} attempts`)
      return
    }
    o.log(`notify ${d.eventType} ${d.outTradeNo} copy ${d.copy} attempt ${n} failed (${entry.status ?? entry.error}); retry in ${wait}s × ${o.timeFactor}`)
    timers.later(wait * 1000 * o.timeFactor, () => void attempt(d, body))
  }

  return {
    async send(event) {
      const envelope = {
        id: randomUUID(),
        create_time: beijingTime(o.now()),
        resource_type: 'encrypt-resource',
        event_type: event.eventType,
        summary: event.summary,
        resource: encryptResource(o.apiV3Key, event.originalType, JSON.stringify(event.resource))
      }
      const body = JSON.stringify(envelope)
      const copies: Delivery[] = []
      for (let copy = 1; copy <= event.copies; copy++) {
        const d: Delivery = {
          id: randomUUID(),
          notificationId: envelope.id,
          eventType: event.eventType,
          url: event.url,
          outTradeNo: event.outTradeNo,
          ...(event.outRefundNo ? { outRefundNo: event.outRefundNo } : {}),
          copy,
          state: 'pending',
          attempts: []
        }
        log.push(d)
        copies.push(d)
      }
      // Copies go out together: WeChat's servers may deliver one event within the same second.
      await Promise.all(copies.map((d) => attempt(d, body)))
      return copies
    },
    deliveries: () => log,
    close() {
      for (const abort of inFlight) abort.abort(new Error('sandbox closed'))
      for (const d of log) if (d.state === 'pending') d.state = 'cancelled'
    }
  }
}

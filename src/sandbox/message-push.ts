import { createHash, randomInt, randomUUID } from 'node:crypto'
import { encryptPush, pushSignature } from './message-crypto'
import type { ResolvedOptions } from './options'
import type { Timers } from './timers'

/** WeChat retries a push it got no 200 for three more times, then drops it. */
const RETRIES = 3
const RETRY_AFTER_MS = 5000

export interface PushAttempt {
  n: number
  at: string
  status: number | null
  answer?: string
  error?: string
}

export interface PushDelivery {
  id: string
  event: string
  transactionId?: string
  /** The JSON message before encryption. */
  message: Record<string, unknown>
  state: 'pending' | 'delivered' | 'gave_up' | 'not_configured' | 'cancelled'
  attempts: PushAttempt[]
}

export interface UrlCheck {
  ok: boolean
  status: number | null
  answer?: string
  error?: string
}

export interface MessagePusher {
  /** The check WeChat makes when the push URL is saved: GET with echostr, which must come back as the body. */
  verifyUrl(): Promise<UrlCheck>
  /** Resolves once the first attempt has an outcome; retries carry on in the background. */
  push(event: string, fields: Record<string, unknown>, fromUser: string, transactionId?: string): Promise<PushDelivery>
  deliveries(): PushDelivery[]
  close(): void
}

/** The mini-program's original id (`gh_…`), stable for an appid. */
export function originalId(appid: string): string {
  return 'gh_' + createHash('sha1').update(appid).digest('hex').slice(0, 12)
}

/** The query string and body of one signed push, fresh timestamp and nonce each time. */
export function signedPush(o: ResolvedOptions, message: Record<string, unknown>): { query: string; body: string } {
  const timestamp = String(Math.floor(o.now() / 1000))
  const nonce = String(randomInt(1e9, 1e10 - 1))
  const token = o.messageToken as string
  const q = new URLSearchParams({ signature: pushSignature([token, timestamp, nonce]), timestamp, nonce })
  const plain = JSON.stringify(message)
  if (!o.messageAesKey) return { query: q.toString(), body: plain }
  const encrypt = encryptPush(o.messageAesKey, o.appid, plain)
  // NOTE: safe-mode pushes also name the user in the query, as the doc's example shows.
  if (typeof message.FromUserName === 'string') q.set('openid', message.FromUserName)
  q.set('encrypt_type', 'aes')
  q.set('msg_signature', pushSignature([token, timestamp, nonce, encrypt]))
  return { query: q.toString(), body: JSON.stringify({ ToUserName: message.ToUserName, Encrypt: encrypt }) }
}

export function createMessagePusher(o: ResolvedOptions, timers: Timers): MessagePusher {
  const log: PushDelivery[] = []
  const inFlight = new Set<AbortController>()

  async function attempt(d: PushDelivery, url: string): Promise<void> {
    if (timers.isClosed) return
    const entry: PushAttempt = { n: d.attempts.length + 1, at: new Date(o.now()).toISOString(), status: null }
    d.attempts.push(entry)
    const { query, body } = signedPush(o, d.message)
    const abort = new AbortController()
    inFlight.add(abort)
    const timeout = setTimeout(() => abort.abort(new Error(`no answer within ${o.notifyTimeoutMs} ms`)), o.notifyTimeoutMs)
    try {
      const res = await fetch(`${url}${url.includes('?') ? '&' : '?'}${query}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'Mozilla/4.0' },
        body,
        signal: abort.signal
      })
      entry.status = res.status
      entry.answer = (await res.text()).slice(0, 200)
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
    if (entry.status === 200) {
      d.state = 'delivered'
      o.log(`push ${d.event} ${d.transactionId ?? ''} delivered on attempt ${entry.n}`)
      return
    }
    if (entry.n > RETRIES) {
      d.state = 'gave_up'
      o.log(`push ${d.event} ${d.transactionId ?? ''}: gave up after ${entry.n} attempts`)
      return
    }
    o.log(`push ${d.event} attempt ${entry.n} failed (${entry.status ?? entry.error}); retrying`)
    timers.later(RETRY_AFTER_MS * o.timeFactor, () => void attempt(d, url))
  }

  return {
    async verifyUrl() {
      if (!o.messagePushUrl) return { ok: false, status: null, error: 'no messagePushUrl configured' }
      const timestamp = String(Math.floor(o.now() / 1000))
      const nonce = String(randomInt(1e9, 1e10 - 1))
      const echostr = String(randomInt(1e9, 1e10 - 1)) + String(randomInt(1e9, 1e10 - 1))
      const q = new URLSearchParams({ signature: pushSignature([o.messageToken as string, timestamp, nonce]), echostr, timestamp, nonce })
      const url = o.messagePushUrl
      try {
        const res = await fetch(`${url}${url.includes('?') ? '&' : '?'}${q}`, { signal: AbortSignal.timeout(o.notifyTimeoutMs) })
        const answer = (await res.text()).slice(0, 200)
        return { ok: res.status === 200 && answer === echostr, status: res.status, answer }
      } catch (e) {
        return { ok: false, status: null, error: (e as Error).message }
      }
    },
    async push(event, fields, fromUser, transactionId) {
      const message = {
        ToUserName: originalId(o.appid),
        FromUserName: fromUser,
        CreateTime: Math.floor(o.now() / 1000),
        MsgType: 'event',
        Event: event,
        ...fields
      }
      const d: PushDelivery = { id: randomUUID(), event, ...(transactionId ? { transactionId } : {}), message, state: 'pending', attempts: [] }
      log.push(d)
      if (!o.messagePushUrl) {
        d.state = 'not_configured'
        o.log(`push ${event}: no messagePushUrl configured, not sent`)
        return d
      }
      await attempt(d, o.messagePushUrl)
      return d
    },
    deliveries: () => log,
    close() {
      for (const abort of inFlight) abort.abort(new Error('sandbox closed'))
      for (const d of log) if (d.state === 'pending') d.state = 'cancelled'
    }
  }
}

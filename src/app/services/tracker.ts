// Analytics events (docs/api.md "Events"): queued in storage, sent to POST /events in
// batches of at most 50 every few seconds and when the app hides, retried with
// exponential backoff. Ids are made here, so a batch sent twice is stored once.
// A 429 (the server's rate limit on events) keeps the batch and waits at least as
// long as the server said (details.retryAfterSeconds, the Retry-After header's
// value), even when the app hides: sending then would only be refused again.
import Taro from '@tarojs/taro'
import type { EventsRequest, EventsResponse } from '@core/contract/events'
import type { ClientEvent, ClientEventType } from '@core/events'
import { api, ApiError } from './api'
import { anonId, currentSessionId } from './identity'
import { newId } from './ids'
import { loadQueue, saveQueue } from './tracker-queue'

export type TrackFields = Partial<Omit<ClientEvent, 'id' | 'type' | 'ts' | 'anonId' | 'sessionId'>>

export const BATCH_SIZE = 50
export const FLUSH_INTERVAL_MS = 5000
export const MAX_BACKOFF_MS = 5 * 60_000

export type TrackerDeps = {
  send: (events: ClientEvent[]) => Promise<EventsResponse>
  now: () => number
}

const defaultDeps: TrackerDeps = {
  send: (events) => api.post<EventsResponse>('/api/v1/events', { events } satisfies EventsRequest, { auth: 'optional' }),
  now: () => Date.now()
}

/** Permanent refusals: retrying the same batch can never succeed. */
function isPermanent(e: unknown): boolean {
  return e instanceof ApiError && e.status >= 400 && e.status < 500 && ![401, 408, 429].includes(e.status)
}

/** How long a 429 asked us to wait, in ms (0 when it is not a 429). */
function serverAskedWaitMs(e: unknown): number {
  if (!(e instanceof ApiError) || e.status !== 429) return 0
  const seconds = (e.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
  return typeof seconds === 'number' && seconds > 0 ? Math.min(seconds, 3600) * 1000 : 60_000
}

export function createTracker(deps: TrackerDeps = defaultDeps) {
  let failures = 0
  let retryAt = 0
  /** Until when the server asked us not to send (429): honoured even by a forced flush. */
  let serverRetryAt = 0
  let inFlight: Promise<void> | null = null
  let timer: ReturnType<typeof setInterval> | null = null

  function track(type: ClientEventType, fields: TrackFields = {}): ClientEvent {
    const event = { ...fields, id: newId('e'), type, ts: deps.now(), anonId: anonId(), sessionId: currentSessionId() } as ClientEvent
    try {
      saveQueue([...loadQueue(), event])
    } catch (e) {
      // NOTE: storage can be full (10 MB a mini-program); analytics must never break shopping.
      console.error(`tracker: could not queue ${type}; the event is lost`, e)
    }
    return event
  }

  function remove(sent: readonly ClientEvent[]) {
    const ids = new Set(sent.map((e) => e.id))
    saveQueue(loadQueue().filter((e) => !ids.has(e.id)))
  }

  async function sendAll(): Promise<void> {
    for (;;) {
      const batch = loadQueue().slice(0, BATCH_SIZE)
      if (batch.length === 0) return
      try {
        const answer = await deps.send(batch)
        for (const r of answer.rejected ?? []) console.warn(`tracker: event ${batch[r.index]?.type} rejected: ${r.code} ${r.message}`)
      } catch (e) {
        if (!isPermanent(e)) {
          failures++
          const asked = serverAskedWaitMs(e)
          if (asked > 0) serverRetryAt = deps.now() + asked
          retryAt = Math.max(deps.now() + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures), serverRetryAt)
          return
        }
        console.error('tracker: the server refused a batch; dropping it so the queue can move on', e)
      }
      failures = 0
      retryAt = 0
      remove(batch)
    }
  }

  /** Sends what is queued. force ignores the backoff (the app is hiding: now or maybe never). */
  function flush(force = false): Promise<void> {
    if (inFlight) return inFlight
    if ((!force && deps.now() < retryAt) || deps.now() < serverRetryAt) return Promise.resolve()
    inFlight = sendAll().finally(() => {
      inFlight = null
    })
    return inFlight
  }

  function start(intervalMs = FLUSH_INTERVAL_MS) {
    if (timer) return
    timer = setInterval(() => void flush(), intervalMs)
    Taro.onAppHide(() => void flush(true))
  }

  function stop() {
    if (timer) clearInterval(timer)
    timer = null
  }

  return { track, flush, start, stop, pending: () => loadQueue().length, backoffUntil: () => retryAt }
}

export type Tracker = ReturnType<typeof createTracker>

export const tracker = createTracker()

// The tracker's queue in storage: every event is written before anything is sent, so
// a restart (or a crash) loses nothing; it is capped so storage (1 MB a key) holds.
import type { ClientEvent } from '@core/events'
import { readJson, writeJson } from './storage'

export const QUEUE_KEY = 'tracker:queue'
export const MAX_QUEUED = 1000

export function loadQueue(): ClientEvent[] {
  const queued = readJson<ClientEvent[]>(QUEUE_KEY)
  return Array.isArray(queued) ? queued : []
}

export function saveQueue(events: readonly ClientEvent[]): void {
  // Over the cap, the oldest go first: recent behaviour matters most to the reports.
  const kept = events.length > MAX_QUEUED ? events.slice(events.length - MAX_QUEUED) : events
  if (kept.length !== events.length) console.warn(`tracker: queue over ${MAX_QUEUED}, dropped ${events.length - kept.length} oldest events`)
  writeJson(QUEUE_KEY, kept)
}

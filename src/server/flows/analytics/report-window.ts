/**
 * The time window of a report: `?from=&to=` as ISO 8601 with an offset,
 * from inclusive, to exclusive. Missing `to` is now; missing `from` is 30
 * days before `to`. Events are placed by their `ts` (the phone's clock),
 * orders by their server times.
 */
import { err, ok, type Result } from '@core/result'
import { toEpochMs } from '@core/time'
import type { Window } from '../../db/repos/analytics-repo'

export const DEFAULT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000

export interface ReportWindow extends Window {
  /** Minutes east of UTC that `from` was written in (the daily report's days), 0 when from was not given. */
  offsetMinutes: number
}

export function reportWindow(query: { from?: string; to?: string }, now: Date): Result<ReportWindow> {
  const toMs = query.to === undefined ? now.getTime() : toEpochMs(query.to)
  if (Number.isNaN(toMs)) return err('INVALID_WINDOW', 'to must be an ISO 8601 time with an offset, e.g. 2025-06-01T00:00:00+08:00')
  const fromMs = query.from === undefined ? toMs - DEFAULT_WINDOW_MS : toEpochMs(query.from)
  if (Number.isNaN(fromMs)) return err('INVALID_WINDOW', 'from must be an ISO 8601 time with an offset, e.g. 2025-05-01T00:00:00+08:00')
  if (fromMs >= toMs) return err('INVALID_WINDOW', 'from must be earlier than to', { from: query.from, to: query.to })
  return ok({
    fromMs,
    toMs,
    fromIso: new Date(fromMs).toISOString(),
    toIso: new Date(toMs).toISOString(),
    offsetMinutes: query.from === undefined ? 0 : offsetOf(query.from)
  })
}

function offsetOf(iso: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso)
  if (!m) return 0 // "Z"
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
}
